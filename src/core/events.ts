/** The events of contract §3: they bubble and cross shadow roots. */
import type { FieldError } from '../schema/common.js';

export type FormName = 'signup' | 'feedback';
export type ErrorKind = 'validation' | 'network' | 'server' | 'rate-limited' | 'config';

export interface InvolveSubmitDetail { form: FormName; payload: unknown }
export interface InvolveSuccessDetail { form: FormName; id: string; payload: unknown }
/** `reason` with kind 'config': 'missing-endpoint' | 'invalid-endpoint' | 'insecure-endpoint' | 'endpoint-not-found' | 'origin-not-allowed'. */
export interface InvolveErrorDetail { form: FormName; kind: ErrorKind; status?: number; errors?: FieldError[]; reason?: string }
export interface InvolveQueuedDetail { form: FormName; payload: unknown }

declare global {
  interface HTMLElementEventMap {
    'involve-submit': CustomEvent<InvolveSubmitDetail>;
    'involve-success': CustomEvent<InvolveSuccessDetail>;
    'involve-error': CustomEvent<InvolveErrorDetail>;
    'involve-queued': CustomEvent<InvolveQueuedDetail>;
  }
}

/** Dispatches; returns false when a listener called preventDefault(). */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
