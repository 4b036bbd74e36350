import { expect, fixture, html } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { meetingToIcs } from '../../src/components/involve-meetings/ics.js';
import type { Meeting } from '../../src/schema/meeting.js';
import { ENDPOINT, mockControl } from '../helpers.js';
import { ROOMY, Y, cards, meeting, meetingsFixture, rendered, say } from './meetings-fixture.js';

/** All-day meetings are London midnights, the end being the midnight after the last day (as the server writes them). */
const summer = `+01:00`;
const oneDay = meeting({ id: 'away', title: 'Away day', allDay: true, start: `${Y}-07-10T00:00:00${summer}`, end: `${Y}-07-11T00:00:00${summer}`, format: 'in-person', location: { name: 'Coombe Abbey' } });
const week = meeting({ id: 'week', title: 'Involvement Week', allDay: true, start: `${Y}-06-15T00:00:00${summer}`, end: `${Y}-06-20T00:00:00${summer}`, format: 'in-person', location: { name: 'Trust HQ' } });
const when = (card: Element) => [...card.querySelectorAll('dt')].find((dt) => dt.textContent === 'When')!.nextElementSibling!.textContent!.trim();
const tags = (card: Element) => [...card.querySelectorAll('.tag')].map((t) => t.textContent!.trim());
const day = (month: number, d: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(new Date(Date.UTC(Y, month - 1, d, 12)));

describe('<involve-meetings>: all-day meetings', () => {
  it('say "All day", with the date (or the first and last days), never "midnight to midnight"', async () => {
    const el = await meetingsFixture([oneDay, week], { minHeight: ROOMY });
    const [w, a] = cards(el) as [HTMLElement, HTMLElement];
    expect(tags(w)).to.include('All day');
    expect(tags(a)).to.include('All day');
    expect(when(w)).to.equal(`${day(6, 15)} 15 June ${Y} to ${day(6, 19)} 19 June ${Y}`);
    expect(when(a)).to.equal(`${day(7, 10)} 10 July ${Y}`);
    expect(say(el, '.list')).not.to.match(/midnight|am\b|pm\b/);
    await expect(el).to.be.accessible();
  });

  it('a timed meeting (an old feed, no allDay) shows its times and no "All day"', async () => {
    const el = await meetingsFixture([meeting()]);
    expect(tags(cards(el)[0]!)).not.to.include('All day');
    expect(when(cards(el)[0]!)).to.match(/, 6pm to 8pm$/);
  });

  it('"Add to calendar" writes DATE values for an all-day meeting', () => {
    const text = meetingToIcs(week as Meeting, 'involve.example.nhs.uk');
    expect(text).to.contain(`\r\nDTSTART;VALUE=DATE:${Y}0615\r\n`).and.contain(`\r\nDTEND;VALUE=DATE:${Y}0620\r\n`);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.isDate).to.equal(true);
    expect(event.startDate.toString()).to.equal(`${Y}-06-15`);
    expect(event.endDate.toString()).to.equal(`${Y}-06-20`);
  });
});

describe('<involve-meetings subscribe>', () => {
  it('offers the same meetings as a calendar subscription (webcal:, same Collaborative and topic, no date or limit)', async () => {
    await mockControl({ reset: true, meetings: [meeting()] });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT} subscribe collaborative="Coventry Living Well Collaborative" workstream="carers" from="2020-01-01T00:00:00Z" limit="5"></involve-meetings>`);
    await rendered(el);
    const link = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent === 'Subscribe to these meetings in your calendar')!;
    expect(link).to.exist;
    const href = new URL(link.getAttribute('href')!);
    expect(href.protocol).to.equal('webcal:');
    expect(`${href.host}${href.pathname}`).to.equal(`${new URL(ENDPOINT).host}${new URL(ENDPOINT).pathname}/meetings.ics`);
    expect([...href.searchParams]).to.deep.equal([['collaborative', 'Coventry Living Well Collaborative'], ['workstream', 'carers']]);
    await expect(el).to.be.accessible();
  });

  it('is not offered unless the page asks for it', async () => {
    const el = await meetingsFixture([meeting()]);
    expect(say(el, 'section')).not.to.contain('Subscribe');
  });
});
