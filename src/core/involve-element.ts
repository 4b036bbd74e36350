import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { heading } from './heading.js';
import { CONFIGURE_EVENT, checkEndpoint, globalOptions, readJsonChild, type EndpointCheck, type OptionItem, type WidgetOptions } from './config.js';
import { fetchRemoteOptions, type RemoteOptions } from './remote-options.js';
import { probeEndpoint, type EndpointProblem } from './endpoint-probe.js';
import { OPTION_ID } from '../schema/workstreams.js';
import { loadPack, packed, retryPack, type PackLoader } from './packs.js';
import { format, mergeStrings, type Strings } from './strings.js';

/**
 * What every involve-* element shares: the common attributes of contract §2, options resolved from
 * attribute > JSON child > `InvolveWidgets.configure()` > defaults, strings, and the webmaster-facing
 * configuration message. Widgets extend this; form behaviour lives in FormController, not here.
 */
export abstract class InvolveElement extends LitElement {
  // Reactive properties declared here rather than with decorators: the same for Lit, and it spares
  // every bundle the decorator helpers.
  static override properties: PropertyDeclarations = {
    endpoint: { reflect: true },
    partner: { reflect: true },
    locale: { reflect: true },
    easyRead: { type: Boolean, reflect: true, attribute: 'easy-read' },
    theme: { reflect: true },
    hideEasyReadSwitch: { type: Boolean, attribute: 'hide-easy-read-switch' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    strings: { attribute: false },
    jsonOptions: { state: true, attribute: false },
    remoteOptions: { state: true, attribute: false },
  };

  /** Base URL of the API, like `https://involve.example.nhs.uk/api`. https only (http for localhost). */
  endpoint?: string;

  /** Partner id, sent with every submission as attribution (`source.partner`). */
  partner?: string;

  /**
   * Language of the widget's words (`en-GB` by default; other wording comes through `strings`). Set
   * as the element's `lang`, so screen readers pronounce them right on a page in another language.
   */
  locale?: string;

  /**
   * Plain-language wording, larger targets and, for forms, one question per screen. People can also
   * turn it on and off themselves with the "Easy read" / "Standard version" switch at the top.
   */
  easyRead = false;

  /**
   * `dark` for the dark palette (every state AA on it); anything else, or none, is the light one.
   * Either way the widget paints its own background and text colour; see README "Theming".
   */
  theme?: string;

  /** Hides the "Easy read" / "Standard version" switch (easy read then only as `easy-read` sets it). */
  hideEasyReadSwitch = false;

  /** Level of the widget's own headings (2-6), to fit the host page's outline. */
  headingLevel = 2;

  /** Overrides for any visible text, by key. Empty strings are ignored. Set a new object to change them (a change inside the same object is not seen). */
  strings: Strings = {};

  /** Options from the element's `<script type="application/json">` child. */
  protected jsonOptions: WidgetOptions = {};

  /** Built-in strings for this widget. */
  protected abstract defaultStrings: Strings;
  /**
   * Loads this widget's easy-read wording: a dynamic `import()` of a pack beside the bundle, so only
   * the people who use easy read download it. Until it arrives (or if it can't) the words are the
   * standard ones.
   */
  protected easyReadPack?(): ReturnType<PackLoader>;
  /**
   * Loads this widget's messages pack: wording never needed to show the widget (what happens after
   * sending, the send states, the set-up messages), imported from beside the bundle as soon as the
   * widget is on screen, so the form itself shows sooner. `updateComplete` waits for it.
   */
  protected messagesPack?(): ReturnType<PackLoader>;

  readonly #onConfigure = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.jsonOptions = readJsonChild(this);
    // On the element itself: beats the page's ordinary rules and resets, loses to its !important
    // rules, which is how text-spacing tools work (WCAG 1.4.12; styles.ts keeps lines >= 1.5).
    // (Through the CSSOM, which CSP allows; the page's own inline declarations, after these, win.)
    this.style.cssText = 'line-height:1.5;letter-spacing:normal;word-spacing:normal;' + this.style.cssText;
    window.addEventListener(CONFIGURE_EVENT, this.#onConfigure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(CONFIGURE_EVENT, this.#onConfigure);
  }

  readonly #own: Record<string, string> = {};

  /** Sets an attribute of the element's own, unless the page set it on the element itself. */
  #own_(name: string, value: string): void {
    const current = this.getAttribute(name);
    if (current === null || current === this.#own[name]) this.setAttribute(name, (this.#own[name] = value));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.#messagesLoading();
    // WCAG 3.1.2: the widget's words are in `locale`, whatever the page's language, and read in its
    // direction (English stays left-to-right on an Arabic page). A `lang`/`dir` the page put on the
    // element itself wins.
    this.#own_('lang', this.locale ?? this.jsonOptions.locale ?? globalOptions().locale ?? 'en-GB');
    this.#own_('dir', /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)\b/i.test(this.lang) ? 'rtl' : 'ltr');
    // Spacing from the page's !important rules reaches the widget up to a little over WCAG 1.4.12's
    // 0.12em / 0.16em (0.17em); beyond that (or below 0) it is a reset that would break the text: held off.
    const style = getComputedStyle(this);
    for (const name of ['letter-spacing', 'word-spacing']) {
      const em = parseFloat(style.getPropertyValue(name)) / parseFloat(style.fontSize) || 0;
      // 0px, not `normal`: WebKit ignores an inline `normal !important` against the page's !important.
      if (em < 0 || em > 0.17) this.style.setProperty(name, '0px', 'important');
    }
  }

  /** The endpoint after precedence and checking; a failed check renders the config message. */
  protected get endpointCheck(): EndpointCheck {
    return checkEndpoint(this.endpoint ?? this.jsonOptions.endpoint ?? globalOptions().endpoint);
  }

  protected get resolvedPartner(): string | undefined {
    return this.partner ?? this.jsonOptions.partner ?? globalOptions().partner;
  }

  #merged?: { layers: (Strings | undefined)[]; text: Strings };

  /** The easy-read wording once its pack has loaded (see easyReadPack). */
  protected get easyReadStrings(): Strings | undefined {
    return packed(this.easyReadPack);
  }

  readonly #asked = new Set<Promise<unknown>>();

  /** The easy-read pack's load while it is under way, started the first time easy read is on. */
  #packLoading(): Promise<unknown> | undefined {
    const loader = this.easyReadPack;
    // A pack that failed is tried again once a widget is back in standard wording (the switch, twice).
    if (loader && !this.easyRead) return void retryPack(loader);
    return loadPack(this, loader, this.#asked, 'no easy-read wording');
  }

  /** The messages pack's load while it is under way (see messagesPack); started once the widget is on screen. */
  #messagesLoading(): Promise<unknown> | undefined {
    return this.hasUpdated ? loadPack(this, this.messagesPack, this.#asked, 'no messages pack') : undefined;
  }

  /** Also waits for the messages and easy-read packs, so `await el.updateComplete` sees their wording. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let loading = this.#messagesLoading() ?? this.#packLoading(); loading; loading = this.#messagesLoading() ?? this.#packLoading()) {
      await loading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Strings after every override layer (see mergeStrings), merged again only when a layer is replaced. */
  protected get text(): Strings {
    void this.#packLoading();
    const layers = [
      this.defaultStrings, packed(this.messagesPack),
      this.easyRead ? this.easyReadStrings : undefined, globalOptions().strings, this.jsonOptions.strings, this.strings,
    ];
    if (!this.#merged || layers.some((layer, i) => layer !== this.#merged!.layers[i])) this.#merged = { layers, text: mergeStrings(...layers) };
    return this.#merged.text;
  }

  /** A string with `{placeholders}` filled in. */
  protected t(key: string, values?: Record<string, string | number>): string {
    const template = this.text[key] ?? key;
    return values ? format(template, values) : template;
  }

  /**
   * The "Easy read" / "Standard version" switch, for the top of the widget. It keeps every answer
   * (they live in the form, not the page) and then moves focus to the widget's heading, so the words
   * that changed are read from the top.
   */
  protected renderEasyReadSwitch(): TemplateResult | typeof nothing {
    return this.hideEasyReadSwitch || !this.easyReadPack
      ? nothing
      : html`<div class="switch"><button class="switch-button" part="button easy-read-switch" type="button" @click=${this.#switchEasyRead}>${this.t(this.easyRead ? 'standardSwitch' : 'easyReadSwitch')}</button></div>`;
  }

  readonly #switchEasyRead = async () => {
    this.easyRead = !this.easyRead;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(':is(h2,h3,h4,h5,h6)[tabindex="-1"]')?.focus();
  };

  /** Lists from `GET {endpoint}/options` (contract §5), once the endpoint has answered. */
  protected remoteOptions: RemoteOptions = {};
  #optionsAskedOf?: string;

  /**
   * An option list (workstreams, services): property/JSON child/global, then the endpoint's
   * `GET /options`, else the built-in ids labelled by strings.
   */
  protected optionList(kind: 'workstreams' | 'services', builtIn: readonly string[], fromProperty?: OptionItem[]): OptionItem[] {
    // The page's own list: property, then JSON child, then `InvolveWidgets.configure()`.
    const configured = fromProperty ?? this.jsonOptions[kind] ?? globalOptions()[kind];
    // Only ids the schemas accept: anything else from a page or the endpoint could never be sent.
    const list = (configured?.length ? configured : this.#listFromEndpoint(kind))?.filter((o) => OPTION_ID.test(o.id));
    if (list?.length) return list;
    return builtIn.map((id) => ({ id, label: this.t(`${kind}.${id}`) }));
  }

  /** The endpoint's list; the first call for an endpoint asks for its lists (one request per page). */
  #listFromEndpoint(kind: keyof RemoteOptions): OptionItem[] | undefined {
    const check = this.endpointCheck;
    if (check.ok && check.url !== this.#optionsAskedOf) {
      const asked = (this.#optionsAskedOf = check.url);
      void fetchRemoteOptions(asked).then((options) => {
        if (this.#optionsAskedOf === asked) this.remoteOptions = options;
      });
    }
    return this.remoteOptions[kind];
  }

  /** The level for a heading `offset` levels below `heading-level` (clamped to 2-6 by heading()). */
  protected level(offset = 0): number {
    return Math.trunc(Number(this.headingLevel) || 2) + offset;
  }

  #reportedConfig = '';
  /** Forms check their endpoint when first shown, so a page that cannot send says so before anyone types. */
  protected probeFirst = false;
  /** What the endpoint check found, by address (see endpoint-probe.ts); present once asked. */
  protected readonly found: Record<string, EndpointProblem | undefined> = {};

  /** Asks `url` whether it is this API and lets this page in (once per address); re-renders with the answer. */
  protected probe(url: string): void {
    if (url in this.found) return;
    this.found[url] = undefined;
    void probeEndpoint(url).then((problem) => {
      this.found[url] = problem;
      this.requestUpdate();
    });
  }

  /**
   * The configuration message, `nothing` when all is well: the webmaster's fix for a missing or unsafe
   * endpoint; a calm line for the visitor (and the fix in `console.error`) when it is not found or
   * does not let this page in. Not answering is the network's: the widget carries on.
   */
  protected renderConfigError(level: number): TemplateResult | typeof nothing {
    const check = this.endpointCheck;
    let reason: string | undefined;
    let fix: string;
    if (check.ok) {
      if (this.probeFirst) this.probe(check.url);
      reason = this.found[check.url];
      if (!reason) {
        this.#reportedConfig = '';
        return nothing;
      }
      fix = `${reason}: ${reason[0] === 'o' ? `${location.origin} is not on the allow-list of` : 'no Involve API at'} ${check.url}`;
    } else {
      reason = check.reason.slice(6).toLowerCase() + '-endpoint';
      fix = this.t(check.reason, { value: check.value ?? '' });
    }
    if (this.#reportedConfig !== fix) {
      this.#reportedConfig = fix;
      console.error(`<${this.localName}>: ${fix}`);
      queueMicrotask(() => this.emitConfigError(reason));
    }
    return html`<div class="panel warning" role="alert" part="config-error">
      ${heading(level, this.t('configTitle'), { class: 'heading' })}
      <p>${check.ok ? this.t('configBlocked') : fix}</p>
    </div>`;
  }

  /** Hook for forms to send `involve-error` with kind `config` and its `reason`. */
  protected emitConfigError(_reason: string): void {}
}
