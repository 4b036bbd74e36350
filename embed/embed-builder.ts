/**
 * `<involve-embed-builder>`: the page a partner's webmaster uses to get a working widget (issue 19).
 * Pick a widget, the partner id and the common options; see the real widget (this very build) as it
 * will look; copy one complete snippet (script with SRI + element) or the WordPress shortcode; and
 * learn whether the site address is on the Trust's allow-list, with what to send the Trust if not.
 *
 * The preview is live but never sends: its `involve-submit` is cancelled and says so.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/index.js';
import { checkSite, type AllowListAnswer } from './allow-list.js';
import { styles } from './embed-builder.styles.js';
import { accentStyle, allowListRequest, DEFAULT_ACCENT, type EmbedOptions, shortcode, type Sizes, snippet, type Widget } from './snippet.js';

const WIDGETS: { id: Widget; label: string }[] = [
  { id: 'signup', label: 'Sign-up form (join the involvement network)' },
  { id: 'meetings', label: 'Upcoming Collaborative meetings' },
  { id: 'feedback', label: 'Feedback about a service' },
];

export class InvolveEmbedBuilder extends LitElement {
  static override styles = styles;
  static override properties = {
    endpoint: {},
    options: { state: true },
    site: { state: true },
    sizes: { state: true },
    sizesError: { state: true },
    check: { state: true },
    copied: { state: true },
    previewNote: { state: true },
  };

  /** The endpoint the snippet points at (and the preview sends to): set by the page. */
  endpoint = '';
  options: EmbedOptions = { widget: 'signup', endpoint: '', partner: '', easyRead: false, headingLevel: 2, limit: 6, accentColour: DEFAULT_ACCENT };
  site = '';
  sizes: Sizes | undefined;
  sizesError = '';
  check: AllowListAnswer | 'invalid' | 'error' | undefined;
  copied = '';
  previewNote = '';
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #checkAbort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadSizes();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.options = { ...this.options, endpoint: this.endpoint };
  }

  async #loadSizes(): Promise<void> {
    try {
      const res = await fetch(`${this.endpoint.replace(/\/+$/, '')}/widgets/latest/sizes.json`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      this.sizes = (await res.json()) as Sizes;
    } catch {
      this.sizesError = 'The list of widget files (sizes.json) could not be loaded from the endpoint, so the snippet has no integrity hash yet. Reload the page to try again.';
    }
  }

  #set<K extends keyof EmbedOptions>(key: K, value: EmbedOptions[K]): void {
    this.options = { ...this.options, [key]: value };
    this.copied = '';
    if (key === 'partner') this.#scheduleCheck();
  }

  #scheduleCheck(): void {
    clearTimeout(this.#checkTimer);
    this.#checkAbort?.abort();
    if (!this.site.trim()) {
      this.check = undefined;
      return;
    }
    this.#checkTimer = setTimeout(() => void this.#runCheck(), 300);
  }

  async #runCheck(): Promise<void> {
    const abort = (this.#checkAbort = new AbortController());
    try {
      this.check = await checkSite(this.endpoint, this.site.trim(), this.options.partner.trim(), abort.signal);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') this.check = 'error';
    }
  }

  async #copy(what: 'snippet' | 'shortcode', text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = what === 'snippet' ? 'Snippet copied. Paste it into your page where the widget should appear.' : 'Shortcode copied. Paste it into a Shortcode block in WordPress.';
    } catch {
      this.copied = 'Your browser did not let this page copy. Select the text above and copy it with your keyboard (Ctrl+C, or Cmd+C on a Mac).';
    }
  }

  #radio(w: { id: Widget; label: string }): TemplateResult {
    return html`<div class="radio">
      <input type="radio" id="w-${w.id}" name="widget" value=${w.id} .checked=${this.options.widget === w.id} @change=${() => this.#set('widget', w.id)} />
      <label for="w-${w.id}">${w.label}</label>
    </div>`;
  }

  #meetingsOptions(): TemplateResult | typeof nothing {
    if (this.options.widget !== 'meetings') return nothing;
    const o = this.options;
    return html`<label for="limit">How many meetings to show</label>
      <input id="limit" type="number" min="1" max="50" inputmode="numeric" .value=${String(o.limit ?? '')}
        @input=${(e: Event) => this.#set('limit', Number((e.target as HTMLInputElement).value) || undefined)} />
      <label for="collaborative">Only this Collaborative (optional)</label>
      <p class="hint" id="collaborative-hint">Its name exactly as the Trust lists it, like Coventry Living Well Collaborative</p>
      <input id="collaborative" type="text" aria-describedby="collaborative-hint" .value=${o.collaborative ?? ''}
        @input=${(e: Event) => this.#set('collaborative', (e.target as HTMLInputElement).value.trim() || undefined)} />
      <label for="workstream">Only this topic (optional)</label>
      <p class="hint" id="workstream-hint">A workstream id, like carers</p>
      <input id="workstream" type="text" aria-describedby="workstream-hint" .value=${o.workstream ?? ''}
        @input=${(e: Event) => this.#set('workstream', (e.target as HTMLInputElement).value.trim() || undefined)} />`;
  }

  #checkResult(): TemplateResult | typeof nothing {
    const c = this.check;
    if (c === undefined) return nothing;
    if (c === 'invalid') return html`<p class="status no">Enter the address of your site, like https://www.example.org</p>`;
    if (c === 'error') return html`<p class="status no">The allow-list could not be checked just now. Try again in a moment.</p>`;
    if (c.ok) {
      return html`<p class="status ok">${c.site} is on the allow-list${c.postsAs ? html` for ${c.partnerName ?? c.postsAs}` : nothing}: the widget on your site can send to the Trust.</p>`;
    }
    const request = allowListRequest(c.site, this.options.partner.trim());
    return html`<div class="status no">
      <p>${c.allowed && c.postsAs
        ? html`${c.site} is on the allow-list, but for the partner “${c.postsAs}”, so what people send will be credited to “${c.postsAs}”, not “${this.options.partner || '(no partner id)'}”.`
        : html`${c.site} is not on the allow-list yet: the widget will show the form, but it cannot send from your site.`}</p>
      <p>Send this to the Trust's involvement team:</p>
      <pre><code>${request}</code></pre>
    </div>`;
  }

  #preview(): TemplateResult {
    const o = this.options;
    const style = accentStyle(o) ? styleMap({ '--involve-accent-colour': o.accentColour }) : nothing;
    const cancel = (e: Event) => {
      e.preventDefault();
      this.previewNote = 'This is only a preview, so nothing was sent. On your site the form sends to the Trust.';
    };
    const common = { endpoint: this.endpoint, partner: o.partner || undefined };
    switch (o.widget) {
      case 'signup':
        return html`<involve-signup .endpoint=${common.endpoint} .partner=${common.partner} ?easy-read=${o.easyRead} theme=${o.dark ? 'dark' : nothing} heading-level=${o.headingLevel} style=${style} @involve-submit=${cancel}></involve-signup>`;
      case 'feedback':
        return html`<involve-feedback .endpoint=${common.endpoint} .partner=${common.partner} ?easy-read=${o.easyRead} theme=${o.dark ? 'dark' : nothing} heading-level=${o.headingLevel} style=${style} @involve-submit=${cancel}></involve-feedback>`;
      default:
        return html`<involve-meetings .endpoint=${common.endpoint} ?easy-read=${o.easyRead} theme=${o.dark ? 'dark' : nothing} heading-level=${o.headingLevel} limit=${o.limit ?? nothing}
          collaborative=${o.collaborative ?? nothing} workstream=${o.workstream ?? nothing} style=${style}></involve-meetings>`;
    }
  }

  override render(): TemplateResult {
    const o = this.options;
    const code = this.sizes ? snippet(o, this.sizes) : '';
    const sc = shortcode(o);
    return html`<div class="layout">
      <form @submit=${(e: Event) => e.preventDefault()} aria-labelledby="options-heading">
        <h2 id="options-heading">1. Choose your widget</h2>
        <fieldset>
          <legend>Widget</legend>
          ${WIDGETS.map((w) => this.#radio(w))}
        </fieldset>
        <fieldset>
          <legend>Your organisation</legend>
          <label for="partner">Partner id</label>
          <p class="hint" id="partner-hint">The id the Trust gave your organisation, like healthwatch-coventry. Sign-ups and feedback are credited to it.</p>
          <input id="partner" type="text" autocomplete="off" spellcheck="false" aria-describedby="partner-hint" .value=${o.partner}
            @input=${(e: Event) => this.#set('partner', (e.target as HTMLInputElement).value.trim())} />
          <label for="site">Your site's address</label>
          <p class="hint" id="site-hint">Where the widget will go, like https://www.example.org/get-involved. We check it is on the Trust's allow-list.</p>
          <input id="site" type="url" autocomplete="url" spellcheck="false" aria-describedby="site-hint" .value=${this.site}
            @input=${(e: Event) => { this.site = (e.target as HTMLInputElement).value; this.#scheduleCheck(); }} />
          <div role="status" aria-live="polite" id="check">${this.#checkResult()}</div>
        </fieldset>
        <fieldset>
          <legend>Options</legend>
          <div class="check">
            <input id="easy-read" type="checkbox" .checked=${o.easyRead} @change=${(e: Event) => this.#set('easyRead', (e.target as HTMLInputElement).checked)} />
            <label for="easy-read">Easy read (plain words, bigger buttons, one question at a time)</label>
          </div>
          <div class="check">
            <input id="dark" type="checkbox" .checked=${!!o.dark} @change=${(e: Event) => this.#set('dark', (e.target as HTMLInputElement).checked)} />
            <label for="dark">Dark palette (for a site with a dark background)</label>
          </div>
          <label for="heading-level">Heading level</label>
          <p class="hint" id="heading-hint">Pick one below the heading above the widget on your page (2 means an &lt;h2&gt;)</p>
          <select id="heading-level" aria-describedby="heading-hint" @change=${(e: Event) => this.#set('headingLevel', Number((e.target as HTMLSelectElement).value))}>
            ${[2, 3, 4, 5, 6].map((n) => html`<option value=${n} ?selected=${o.headingLevel === n}>${n}</option>`)}
          </select>
          ${this.#meetingsOptions()}
          <label for="accent">Button colour</label>
          <p class="hint" id="accent-hint">Keep strong contrast with white text; the default is NHS green</p>
          <input id="accent" type="color" aria-describedby="accent-hint" .value=${o.accentColour} @input=${(e: Event) => this.#set('accentColour', (e.target as HTMLInputElement).value)} />
        </fieldset>
      </form>
      <div>
        <h2>2. Copy the code</h2>
        ${this.sizesError ? html`<p class="status no" role="alert">${this.sizesError}</p>` : nothing}
        <p>Paste this where the widget should appear (for example a Custom HTML block, or a Code Block):</p>
        <pre id="snippet" tabindex="0" aria-label="Snippet for your page"><code>${code}</code></pre>
        <button type="button" id="copy-snippet" ?disabled=${!code} @click=${() => this.#copy('snippet', code)}>Copy the snippet</button>
        <h3>On WordPress with the Trust's plugin</h3>
        <pre id="shortcode" tabindex="0" aria-label="WordPress shortcode"><code>${sc}</code></pre>
        <button type="button" id="copy-shortcode" @click=${() => this.#copy('shortcode', sc)}>Copy the shortcode</button>
        <p role="status" aria-live="polite" id="copied">${this.copied}</p>
        <h2>3. How it will look</h2>
        <p class="note" role="status" aria-live="polite" id="preview-note">${this.previewNote}</p>
        <div class="preview ${o.dark ? 'dark' : ''}" id="preview">${this.#preview()}</div>
      </div>
    </div>`;
  }
}

if (!customElements.get('involve-embed-builder')) customElements.define('involve-embed-builder', InvolveEmbedBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'involve-embed-builder': InvolveEmbedBuilder;
  }
}
