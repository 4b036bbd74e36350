/**
 * "How would you like us to contact you?" with the matching input revealed under each choice
 * (GOV.UK conditional reveal), the email typo suggestion, and the autocomplete tokens. Shared by the
 * sign-up and by feedback's "Would you like a reply?".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { radios } from './choices.js';
import { controlId, type FieldCommon } from './field-parts.js';
import { textInput } from './text-input.js';
import { contactPreferences, EMAIL_MAX } from '../../schema/common.js';

export interface ContactValues {
  preferred: string;
  email: string;
  phone: string;
}

export interface ContactContext {
  values: ContactValues;
  set(name: keyof ContactValues, value: string): void;
  common(name: string, key: string): FieldCommon;
  t(key: string, values?: Record<string, string>): string;
  /** The current "did you mean" suggestion, kept by the host between renders. */
  suggestion: string | undefined;
  /** Shows a suggestion for this address now (`later`: after a pause in typing), or hides it (undefined). */
  suggest(email: string | undefined, later?: boolean): void;
  focusField(name: string): void;
}

function emailField(c: ContactContext): TemplateResult {
  const suggestion = c.suggestion;
  const id = controlId('email', 'suggestion');
  return textInput({
    ...c.common('email', 'email'),
    value: c.values.email,
    type: 'email',
    autocomplete: 'email',
    spellcheck: false,
    maxlength: EMAIL_MAX,
    // Offered after a pause in typing, so Tab reaches "Use …" next; and again on leaving the field.
    onInput: (value) => {
      c.set('email', value);
      c.suggest(value, true);
    },
    onChange: (value) => c.suggest(value),
    afterId: suggestion ? id : undefined,
    // The status region is there before a suggestion is, so "Did you mean …?" is announced when it
    // appears; the "Use …" button is outside it, so the address is not read out twice.
    after: html`<p class="suggestion" id=${id} role="status">${suggestion ? c.t('emailSuggestion', { suggestion }) : nothing}</p>
      ${suggestion
        ? html`<button class="link-button" type="button" @click=${() => {
            c.set('email', suggestion);
            c.suggest(undefined);
            c.focusField('email');
          }}>${c.t('useSuggestion', { suggestion })}</button>`
        : nothing}`,
  });
}

function phoneField(c: ContactContext, labelKey: 'phone' | 'mobile'): TemplateResult {
  return textInput({
    ...c.common('phone', labelKey),
    value: c.values.phone,
    type: 'tel',
    autocomplete: 'tel',
    width: '20',
    onInput: (value) => c.set('phone', value),
  });
}

export function contactFields(c: ContactContext): TemplateResult {
  return radios({
    ...c.common('preferred', 'preferred'),
    value: c.values.preferred,
    choices: contactPreferences.map((value) => ({ value, label: c.t(`preferred.${value}`) })).map((choice) => ({
      ...choice,
      reveal: {
        email: emailField(c),
        phone: phoneField(c, 'phone'),
        text: phoneField(c, 'mobile'),
        post: html`<p class="hint">${c.t('postHint')}</p>${emailField(c)}${phoneField(c, 'phone')}`,
      }[choice.value],
    })),
    onChange: (value) => c.set('preferred', value),
  });
}

/** Strings the contact fields use; each form's strings include them. */
export const contactStrings = {
  preferredLabel: 'How would you like us to contact you?',
  'preferred.email': 'Email',
  'preferred.phone': 'Phone call',
  'preferred.text': 'Text message',
  'preferred.post': 'Letter',
  emailLabel: 'Email address',
  phoneLabel: 'Phone number',
  mobileLabel: 'Mobile phone number',
  postHint: 'We will ask for your postal address. Give us an email address or phone number so we can do that.',
};

/** Which contact values a person chose to give for their preference (the rest stay in the browser). */
export function chosenContact(v: ContactValues): { preferred?: string; email?: string; phone?: string } {
  const wantsEmail = v.preferred === 'email' || v.preferred === 'post';
  const wantsPhone = v.preferred === 'phone' || v.preferred === 'text' || v.preferred === 'post';
  return {
    ...(v.preferred ? { preferred: v.preferred } : {}),
    ...(wantsEmail && v.email.trim() ? { email: v.email.trim() } : {}),
    ...(wantsPhone && v.phone.trim() ? { phone: v.phone.trim() } : {}),
  };
}
