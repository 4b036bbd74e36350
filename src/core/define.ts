import { installGlobal } from './config.js';

/**
 * Registers a tag unless something already did: two script tags, or two versions of the bundle on
 * one partner page, must never throw "has already been used with this registry".
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  installGlobal();
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
