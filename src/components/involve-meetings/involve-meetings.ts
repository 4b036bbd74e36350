import { nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html } from 'lit/static-html.js';
import { Task } from '@lit/task';
import { InvolveElement } from '../../core/involve-element.js';
import { emit } from '../../core/form-events.js';
import { tokens } from '../../core/styles.js';
import type { Meeting } from '../../schema/meeting.js';
import { meetingFormats } from '../../schema/meeting.js';
import { feedUrl, MeetingsFeed, type FeedResult } from './feed.js';
import { downloadIcs, meetingToIcs } from './ics.js';
import { londonMonth } from './london-time.js';
import { meetingStyles } from './involve-meetings.styles.js';
import { renderMeeting } from './meeting-card.js';
import { meetingsEasyRead, meetingsStrings } from './strings.js';

/**
 * Upcoming Collaborative meetings: when (always London time, with Evening and Weekend badges), where
 * or how to join, access information, filters by topic and format, and "Add to calendar". Feed text
 * is untrusted and only ever rendered as text.
 *
 * @summary List of upcoming Collaborative meetings with filters and add-to-calendar.
 * @tag involve-meetings
 *
 * @fires {CustomEvent<{count: number, meetings: Meeting[]}>} involve-meetings-loaded - The feed loaded; `meetings` are the valid, upcoming ones.
 *
 * @slot - A `<script type="application/json">` child may carry options: `{ "endpoint", "strings": {…} }`.
 *
 * @csspart meeting - One meeting in the list.
 * @csspart meeting-title - A meeting's title.
 * @csspart filter - Each filter control.
 * @csspart button - Buttons and button-like links.
 * @csspart error - The load-error message.
 * @csspart config-error - The message shown to webmasters when the endpoint is missing or unsafe.
 *
 * @cssprop [--involve-font-family=inherit] - Font family.
 * @cssprop [--involve-text-colour=inherit] - Text colour.
 * @cssprop [--involve-accent-colour=#007f3b] - Button colour.
 * @cssprop [--involve-accent-text-colour=#ffffff] - Text on the accent colour.
 * @cssprop [--involve-error-colour=#d5281b] - Error colour.
 * @cssprop [--involve-focus-colour=#ffeb3b] - Focus highlight.
 * @cssprop [--involve-border-radius=4px] - Corner radius.
 * @cssprop [--involve-space=1em] - Base spacing.
 * @cssprop [--involve-max-width=40em] - Widest the widget grows.
 */
export class InvolveMeetings extends InvolveElement {
  static override styles = [tokens, meetingStyles];

  /** Earliest start to ask the feed for (ISO 8601); defaults to now. Past meetings are never shown. */
  @property({ reflect: true }) from?: string;

  /** Only this Collaborative's meetings (its name, as in the feed). */
  @property({ reflect: true }) collaborative?: string;

  /** Only meetings for this workstream id. */
  @property({ reflect: true }) workstream?: string;

  /** Most meetings to show. */
  @property({ type: Number, reflect: true }) limit?: number;

  protected defaultStrings = meetingsStrings;
  protected override easyReadStrings = meetingsEasyRead;

  @state() private topicFilter = '';
  @state() private formatFilter = '';
  @state() private reloads = 0;

  private readonly feed = new MeetingsFeed();

  private readonly task = new Task(this, {
    task: async ([url], { signal }) => (url ? this.feed.load(url, signal) : undefined),
    args: () => [this.url, this.reloads] as const,
    onComplete: (result) => result && this.loaded(result),
  });

  private get url(): string | undefined {
    const check = this.endpointCheck;
    return check.ok ? feedUrl(check.url, { from: this.from, collaborative: this.collaborative, workstream: this.workstream, limit: this.limit }) : undefined;
  }

  /** Loads the feed again (an unchanged feed costs a 304). */
  refresh(): void {
    this.reloads++;
  }

  private loaded(result: FeedResult): void {
    if (result.skipped) console.warn(`<involve-meetings>: skipped ${result.skipped} meeting(s) from the feed that were not in the expected format.`);
    emit(this, 'involve-meetings-loaded', { count: result.meetings.length, meetings: result.meetings });
  }

  private visible(meetings: Meeting[]): Meeting[] {
    const shown = meetings.filter((m) => (!this.topicFilter || m.workstreams.includes(this.topicFilter)) && (!this.formatFilter || m.format === this.formatFilter));
    return this.limit && this.limit > 0 ? shown.slice(0, this.limit) : shown;
  }

  override render(): TemplateResult {
    const h = this.headingTag();
    const config = this.renderConfigError(h);
    return html`<section class="meetings" aria-labelledby="title">
      <${h} class="heading" id="title">${this.t('title')}</${h}>
      ${this.text.intro ? html`<p>${this.t('intro')}</p>` : nothing}
      ${config !== nothing
        ? config
        : this.task.render({
            initial: () => this.renderLoading(),
            pending: () => this.renderLoading(),
            error: () => this.renderError(),
            complete: (result) => (result ? this.renderList(result.meetings) : this.renderLoading()),
          })}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="loading" role="status"><p>${this.t('loading')}</p></div>`;
  }

  private renderError(): TemplateResult {
    return html`<div class="panel warning" role="alert" part="error">
      <p class="subheading">${this.t('loadError')}</p>
      <p>${this.t('loadErrorHint')}</p>
      <button class="button" part="button" type="button" @click=${() => this.refresh()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderFilters(meetings: Meeting[]): TemplateResult {
    const topics = [...new Set(meetings.flatMap((m) => m.workstreams))].sort();
    const select = (id: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void) =>
      html`<div class="filter"><label for=${id}>${label}</label>
        <select id=${id} part="filter" .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${value === ''}>${this.t('all')}</option>
          ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
        </select></div>`;
    return html`<fieldset class="filters"><legend>${this.t('filtersLegend')}</legend>
      ${select('filter-topic', this.t('workstreamFilter'), this.topicFilter, topics.map((t) => [t, this.text[`workstreams.${t}`] ?? t]), (v) => (this.topicFilter = v))}
      ${select('filter-format', this.t('formatFilter'), this.formatFilter, meetingFormats.map((f) => [f, this.t(`format.${f}`)]), (v) => (this.formatFilter = v))}
    </fieldset>`;
  }

  private renderList(all: Meeting[]): TemplateResult {
    if (!all.length) return html`<p class="empty" role="status">${this.t('empty')}</p>`;
    const shown = this.visible(all);
    const months = new Map<string, { name: string; meetings: Meeting[] }>();
    for (const m of shown) {
      const [key, name] = londonMonth(new Date(m.start));
      if (!months.has(key)) months.set(key, { name, meetings: [] });
      months.get(key)!.meetings.push(m);
    }
    const monthHeading = this.headingTag(1);
    const count = shown.length === 1 ? this.t('countOne') : this.t('count', { n: shown.length });
    return html`${this.renderFilters(all)}
      <p class="count" role="status" aria-live="polite">${shown.length ? count : this.t('noMatches')}</p>
      ${[...months.values()].map(
        (month) => html`<${monthHeading} class="month">${month.name}</${monthHeading}>
          <ul class="list">${month.meetings.map((m) => renderMeeting(m, { heading: this.headingTag(2), t: (k, v) => this.t(k, v), text: this.text, onCalendar: (x) => this.addToCalendar(x) }))}</ul>`,
      )}`;
  }

  private addToCalendar(m: Meeting): void {
    const check = this.endpointCheck;
    const domain = check.ok ? new URL(check.url).hostname : 'involve-widgets';
    downloadIcs(meetingToIcs(m, domain), `${m.title.replace(/[^\w -]+/g, '').trim().slice(0, 60) || 'meeting'}.ics`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'involve-meetings': InvolveMeetings;
  }
}
