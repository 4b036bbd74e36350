import { config } from 'zod/mini';
import { installGlobal } from './config.js';

/**
 * Registers a tag unless something already did: two script tags, or two versions of the bundle on
 * one partner page, must never throw "has already been used with this registry".
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  // zod probes `new Function` for its fast path; under the contract's CSP (no 'unsafe-eval') the
  // probe fails quietly but still reports a securitypolicyviolation. jitless skips the probe.
  config({ jitless: true });
  installGlobal();
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
