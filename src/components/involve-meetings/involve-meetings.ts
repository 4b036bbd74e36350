import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';
import { InvolveElement } from '../../core/involve-element.js';
import { emit } from '../../core/events.js';
import { format, type Strings } from '../../core/strings.js';
import { baseStyles } from '../../core/styles.js';
import { meetingFormats, type Meeting } from '../../schema/meeting.js';
import { builtInWorkstreams } from '../../schema/workstreams.js';
import { feedUrl, type FeedResult } from './feed.js';
import { downloadIcs, icsFilename, meetingToIcs } from './ics.js';
import { londonMonth, prepareLondonClock } from './london-time.js';
import { meetingStyles } from './involve-meetings.styles.js';
import { renderMeeting, type Translate } from './meeting-card.js';
import { MeetingsLoader } from './meetings-loader.js';
import { MeetingsPaging } from './paging.js';
import { meetingsStrings } from './strings.js';

/** Topic names in the filter, in English alphabetical order: one Collator (localeCompare makes one a call), made when first needed (not in the start-up task). */
let byName: Intl.Collator | undefined;

/** `detail` of `involve-meetings-loaded`. */
export interface InvolveMeetingsLoadedDetail {
  /** How many valid, upcoming meetings the feed gave. */
  count: number;
  meetings: Meeting[];
}

/**
 * Upcoming Collaborative meetings: when (always London time, with Evening and Weekend badges), where
 * or how to join, access information, filters by topic and format, and "Add to calendar". Feed text
 * is untrusted and only ever rendered as text.
 *
 * @summary List of upcoming Collaborative meetings with filters and add-to-calendar.
 * @tag involve-meetings
 *
 * @fires {CustomEvent<InvolveMeetingsLoadedDetail>} involve-meetings-loaded - The feed loaded (also after `refresh()`); `meetings` are the valid, upcoming ones, in start order.
 *
 * @slot - A `<script type="application/json">` child may carry options: `{ "endpoint", "workstreams": [{ "id", "label" }], "strings": {…} }`.
 *
 * @csspart easy-read-switch - The reader's "Easy read" / "Standard version" button at the top (also part `button`).
 * @csspart meeting - One meeting in the list (a `<li>`).
 * @csspart meeting-title - A meeting's title (a heading).
 * @csspart filter - Each filter control (a `<select>`).
 * @csspart button - "Book a place", "Add to calendar", "Show more meetings" and "Try again".
 * @csspart error - The message shown when the feed could not be loaded.
 * @csspart config-error - The message shown to webmasters when the endpoint is missing or unsafe.
 *
 * @cssprop [--involve-font-family=inherit] - Font family.
 * @cssprop [--involve-text-colour=#212b32] - Text colour (`#ffffff` with theme="dark"); `currentColor` takes the page's.
 * @cssprop [--involve-background=#ffffff] - The widget's own background (`#212b32` with theme="dark"); `transparent` shows the page's.
 * @cssprop [--involve-padding=0] - Space inside the widget's background (`1em` with theme="dark").
 * @cssprop [--involve-font-size=1em] - Text size; by default the page's, held between 16px and 32px.
 * @cssprop [--involve-panel-colour=#f0f4f5] - Background of message panels (`#2f3b43` with theme="dark").
 * @cssprop [--involve-hint-colour=#4c6272] - Hints and "Question 2 of 9" (`#c7d0d5` with theme="dark").
 * @cssprop [--involve-border-colour=#4c6272] - Input borders and panel stripes (`#aeb7bd` with theme="dark").
 * @cssprop [--involve-scroll-offset=0] - Room kept above whatever the widget scrolls to and focuses, for a fixed header on a page without `scroll-padding-top`.
 * @cssprop [--involve-accent-colour=#007f3b] - Button colour and the stripe on each meeting.
 * @cssprop [--involve-accent-text-colour=#ffffff] - Text on the accent colour.
 * @cssprop [--involve-error-colour=#d5281b] - Error colour (`#ff9a8f` with theme="dark").
 * @cssprop [--involve-focus-colour=#ffeb3b] - Focus highlight.
 * @cssprop [--involve-border-radius=4px] - Corner radius.
 * @cssprop [--involve-space=1em] - Base spacing.
 * @cssprop [--involve-max-width=40em] - Widest the widget grows.
 * @cssprop [--involve-meetings-min-height=68em] - The element's height while loading and with its list (not with an error or configuration message), so nothing on screen below it moves when the meetings arrive: the first page shows 20 meetings when this box reaches past the bottom of the window, else as many as fit in it (at least one); the rest are behind "Show more". Make it taller to show more at first; reserve the same before the script runs with `involve-meetings:not(:defined) { display: block; min-height: 68em }`.
 */
export class InvolveMeetings extends InvolveElement {
  static override styles = [baseStyles, meetingStyles];
  static override properties: PropertyDeclarations = {
    from: {},
    collaborative: {},
    workstream: {},
    limit: { type: Number },
    subscribe: { type: Boolean },
    topicFilter: { state: true, attribute: false },
    formatFilter: { state: true, attribute: false },
  };

  /** Earliest start to ask the feed for (ISO 8601, like `2026-03-01T00:00:00Z`). Past meetings are never shown whatever it says. */
  from?: string;

  /** Only this Collaborative's meetings (its name, as in the feed). */
  collaborative?: string;

  /** Only meetings for this workstream id. */
  workstream?: string;

  /** Most meetings to show (after the filters). */
  limit?: number;

  /**
   * Offer "Subscribe to these meetings in your calendar": a `webcal:` link to the endpoint's
   * `/meetings.ics` with the same `collaborative` and `workstream`, which iPhone, iPad, Mac and Outlook
   * open as a calendar subscription that stays up to date (Google Calendar: paste the same address,
   * with `https:`, under "Other calendars → From URL").
   */
  subscribe?: boolean;

  protected defaultStrings = meetingsStrings;
  protected override easyReadPack() {
    return import('./easy-read.js');
  }

  protected override messagesPack() {
    return import('./messages.js');
  }

  private topicFilter = '';
  private formatFilter = '';

  private readonly loader = new MeetingsLoader(this, (result) => this.loaded(result));
  private readonly paging = new MeetingsPaging(this);

  private get feedAddress(): string | undefined {
    const check = this.endpointCheck;
    return check.ok ? feedUrl(check.url, { from: this.from, collaborative: this.collaborative, workstream: this.workstream, limit: this.limit }) : undefined;
  }

  /** Loads the feed again; an unchanged feed costs a 304 and keeps the list as it is. */
  refresh(): Promise<void> {
    return this.loader.load(this.feedAddress, true);
  }

  /** Whether the last update had a list (a refresh keeps the list, and the pages shown, until it answers). */
  private paged = false;

  override connectedCallback(): void {
    super.connectedCallback();
    prepareLondonClock();
  }

  protected override willUpdate(): void {
    // Any change (attributes, endpoint, InvolveWidgets.configure) may change the address; same address, no request.
    void this.loader.load(this.feedAddress);
    // A new list starts from a first page that fits, measured now (the loading state is laid out by
    // then, so the measuring is cheap), not in the start-up task.
    // The reserved height is for the list: an error or "not set up" message is short (before the
    // paging controller measures it, which runs before updated()).
    const check = this.endpointCheck;
    const failed = this.loader.status === 'error';
    // A failed load asks the endpoint why: the address or this site's place on the allow-list is the
    // webmaster's to fix (the config message), the network the visitor's (Try again).
    if (failed && check.ok) this.probe(check.url);
    this.toggleAttribute('unreserved', !check.ok || !!this.found[check.url] || (failed && !this.loader.result));
    const paged = !!this.loader.result;
    if (paged && !this.paged) this.paging.reset();
    this.paged = paged;
  }

  private loaded(result: FeedResult): void {
    const { skipped, unlinked } = result;
    if (skipped || unlinked) {
      console.warn(
        `<involve-meetings>: ${[
          skipped && `skipped ${skipped} invalid meeting(s)`,
          unlinked && `${unlinked} without their booking link (not https://)`,
        ].filter(Boolean).join('; ')}.`,
      );
    }
    emit<InvolveMeetingsLoadedDetail>(this, 'involve-meetings-loaded', { count: result.meetings.length, meetings: result.meetings });
  }

  override render(): TemplateResult {
    // One merge of the string layers per render, not one per string: a long list asks thousands.
    const text = this.text;
    const t: Translate = (key, values) => format(text[key] ?? key, values ?? {});
    const config = this.renderConfigError(this.level(1));
    const { status, result } = this.loader;
    return html`<section aria-labelledby="title">
      ${this.renderEasyReadSwitch()}
      ${heading(this.level(), t('title'), { class: 'heading', id: 'title', focusable: true })}
      <p>${t('intro')}</p>
      ${config !== nothing
        ? config
        : html`${status === 'error' ? this.renderError(t) : nothing}
          ${result ? this.renderList(result.meetings, text, t) : status === 'loading' ? html`<div class="loading" role="status"><p>${t('loading')}</p></div>` : nothing}
          ${this.subscribe ? html`<p><a href=${feedUrl(this.url, { collaborative: this.collaborative, workstream: this.workstream }, 1)}>${t('subscribe')}</a></p>` : nothing}`}
    </section>`;
  }

  /** The Try again button goes away while loading: focus moves to the widget's heading, not to the page's top. */
  private readonly retry = () => {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    void this.refresh();
  };

  private renderError(t: Translate): TemplateResult {
    return html`<div class="panel warning" role="alert" part="error">
      <p class="subheading">${t('loadError')}</p>
      <p>${t(this.loader.serverFault ? 'loadErrorServer' : 'loadErrorHint')}</p>
      <button class="button" part="button" type="button" @click=${this.retry}>${t('retry')}</button>
    </div>`;
  }

  /** Labels for workstream ids: the page's own list, else the strings, else the id itself. */
  private workstreamLabel(text: Strings): (id: string) => string {
    const labels = new Map(this.optionList('workstreams', builtInWorkstreams).map((o) => [o.id, o.label]));
    return (id) => labels.get(id) ?? text[`workstreams.${id}`] ?? id;
  }

  private renderFilters(meetings: Meeting[], t: Translate, label: (id: string) => string): TemplateResult {
    const topics = [...new Set(meetings.flatMap((m) => m.workstreams))].map((id): [string, string] => [id, label(id)]).sort((a, b) => (byName ??= new Intl.Collator('en-GB')).compare(a[1], b[1]));
    const select = (id: string, name: string, value: string, options: [string, string][], set: (v: string) => void) =>
      html`<div class="filter"><label for=${id}>${name}</label>
        <select id=${id} part="filter" .value=${value} @change=${(e: Event) => this.pick(set, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!value}>${t('all')}</option>
          ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
        </select></div>`;
    return html`<fieldset class="filters"><legend>${t('filtersLegend')}</legend>
      ${select('filter-topic', t('workstreamFilter'), this.topicFilter, topics, (v) => (this.topicFilter = v))}
      ${select('filter-format', t('formatFilter'), this.formatFilter, meetingFormats.map((f) => [f, t(`format.${f}`)]), (v) => (this.formatFilter = v))}
    </fieldset>`;
  }

  /** A filter changed: the first page of the new matches (which fits the reserved height again). */
  private pick(set: (v: string) => void, value: string): void {
    set(value);
    this.paging.reset();
  }

  private upcoming?: { loaded: Meeting[]; minute: number; all: Meeting[] };

  /** The loaded meetings that have not ended, worked out again for a new list or a new minute (not at every render). */
  private upcomingOf(loaded: Meeting[]): Meeting[] {
    const now = Date.now();
    const minute = (now / 60_000) | 0; // whole minutes since 1970 fit in 31 bits until the year 6053
    if (this.upcoming?.loaded !== loaded || this.upcoming.minute !== minute) {
      this.upcoming = { loaded, minute, all: loaded.filter((m) => Date.parse(m.end) > now) };
    }
    return this.upcoming.all;
  }

  private renderList(loaded: Meeting[], text: Strings, t: Translate): TemplateResult {
    // Checked again as time passes: a page left open must not keep offering a meeting that has ended.
    const all = this.upcomingOf(loaded);
    if (!all.length) return html`<p class="empty" role="status">${t('empty')}</p>`;
    const matching = all.filter((m) => (!this.topicFilter || m.workstreams.includes(this.topicFilter)) && (!this.formatFilter || m.format === this.formatFilter));
    const total = Math.min(matching.length, this.limit! > 0 ? this.limit! : 1e9);
    const shown = Math.min(total, this.paging.shown);
    const left = total - shown;
    const months = new Map<string, Meeting[]>();
    for (const m of matching.slice(0, Math.min(shown, this.paging.drawn))) {
      const month = londonMonth(new Date(m.start));
      const group = months.get(month);
      if (group) group.push(m);
      else months.set(month, [m]);
    }
    const label = this.workstreamLabel(text);
    const card = { level: this.level(2), t, label, onCalendar: (m: Meeting) => this.addToCalendar(m) };
    return html`${this.renderFilters(all, t, label)}
      <p class="count" role="status" aria-live="polite">${!total ? t('noMatches') : left ? t('countOf', { n: shown, total }) : total === 1 ? t('countOne') : t('count', { n: total })}</p>
      ${[...months].map(
        ([month, meetings]) => html`${heading(this.level(1), month, { class: 'month' })}
          <ul class="list">${meetings.map((m) => renderMeeting(m, card))}</ul>`,
      )}
      ${left && !this.paging.filling ? html`<button class="button secondary" part="button" type="button" @click=${() => this.paging.more()}>${t('more', { n: left })}</button>` : nothing}`;
  }

  /** The endpoint, once the config check passed (the list and the subscribe link are only shown then). */
  private get url(): string {
    return (this.endpointCheck as { url: string }).url;
  }

  private addToCalendar(m: Meeting): void {
    downloadIcs(this.renderRoot, meetingToIcs(m, new URL(this.url).hostname), icsFilename(m));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'involve-meetings': InvolveMeetings;
  }
  interface HTMLElementEventMap {
    'involve-meetings-loaded': CustomEvent<InvolveMeetingsLoadedDetail>;
  }
}
