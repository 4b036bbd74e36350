import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { escapeText, foldLine, icsFilename, meetingToIcs } from '../../src/components/involve-meetings/ics.js';
import { Meeting } from '../../src/schema/meeting.js';
import { cards, meeting, meetingsFixture } from './meetings-fixture.js';

/** Parses with a real iCalendar parser (ical.js, test-only) and returns the one VEVENT. */
function parseEvent(text: string): ICAL.Event {
  return new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
}

describe('"Add to calendar" (.ics, RFC 5545)', () => {
  it('round-trips through ical.js as the same meeting: UTC times, UID, escaped text', () => {
    const m = meeting({
      id: 'ics-1', title: 'Carers, families; and friends\\ meeting', start: '2027-07-01T17:00:00+01:00', end: '2027-07-01T19:00:00+01:00',
      format: 'hybrid', location: { name: 'Foleshill Community Centre', address: '1 Broad Street, Coventry', postcode: 'CV6 5AB' },
      description: 'Line one\nLine two with ünïcödé and a long run of text '.repeat(4), bookingUrl: 'https://involve.example.nhs.uk/book/ics-1',
    }) as Meeting;
    const text = meetingToIcs(m, 'involve.example.nhs.uk');
    const event = parseEvent(text);
    expect(event.uid).to.equal('ics-1@involve.example.nhs.uk');
    expect(event.summary).to.equal('Carers, families; and friends\\ meeting');
    expect(event.startDate.toJSDate().toISOString()).to.equal('2027-07-01T16:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2027-07-01T18:00:00.000Z');
    expect(event.startDate.zone.tzid).to.equal('UTC');
    expect(event.location).to.equal('Foleshill Community Centre, 1 Broad Street, Coventry, CV6 5AB');
    expect(event.description).to.contain('Line one\nLine two with ünïcödé');
    expect(event.description).to.contain('Coventry Living Well Collaborative');
    expect(event.component.getFirstPropertyValue('url')).to.equal('https://involve.example.nhs.uk/book/ics-1');
    expect(event.component.getFirstPropertyValue('dtstamp')).to.exist;
    expect(text).to.match(/\r\nDTSTART:20270701T160000Z\r\n/);
    expect(text).to.match(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, with CRLF line ends', () => {
    const text = meetingToIcs(meeting({ title: 'ü'.repeat(100) + '😀'.repeat(30), description: 'x'.repeat(500) }) as Meeting, 'example.org');
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(parseEvent(text).summary).to.equal('ü'.repeat(100) + '😀'.repeat(30));
    expect(foldLine('a'.repeat(75))).to.equal('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).to.equal(`${'a'.repeat(75)}\r\n a`);
  });

  it('escapes TEXT and keeps feed markup as plain words', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
    const event = parseEvent(meetingToIcs(meeting({ title: '<script>alert(1)</script>', id: 'x;y,z' }) as Meeting, 'example.org'));
    expect(event.summary).to.equal('<script>alert(1)</script>');
    expect(event.uid).to.equal('x;y,z@example.org');
    expect(icsFilename(meeting({ title: 'Living Well: "March" <meeting>/2027' }) as Meeting)).to.equal('Living Well March meeting2027.ics');
    expect(icsFilename(meeting({ title: '???' }) as Meeting)).to.equal('meeting.ics');
  });

  it('a booking link cannot add lines to the file: the feed\'s CR/LF is refused, and the URL is written encoded', () => {
    const evil = 'https://a.example/x\r\nATTACH:https://evil.example/payload';
    expect(Meeting.safeParse(meeting({ bookingUrl: evil })).success).to.equal(false);
    expect(Meeting.safeParse(meeting({ bookingUrl: 'https://a.example/\u0000x' })).success).to.equal(false);
    const text = meetingToIcs(meeting({ bookingUrl: evil }) as Meeting, 'involve.example.nhs.uk');
    expect(text.split('\r\n').filter((line) => /^ATTACH/i.test(line))).to.deep.equal([]);
    expect(parseEvent(text).component.getAllProperties().map((p) => p.name)).not.to.include('attach');
    const spaced = meetingToIcs(meeting({ bookingUrl: 'https://a.example/book now?x=<1>' }) as Meeting, 'x');
    expect(spaced).to.contain('URL:https://a.example/book%20now?x=%3C1%3E');
  });

  it('downloads from the button: a blob: link with download, inside the shadow root, whose file parses back', async () => {
    const m = meeting({ id: 'dl-1', title: 'Download me' });
    const el = await meetingsFixture([m]);
    const clicked: HTMLAnchorElement[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    // The file as the widget made it (read back through fetch(), WebKit drops the type's charset).
    const made: Blob[] = [];
    const realCreate = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (made.push(blob as Blob), realCreate.call(URL, blob));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
      expect(this.getRootNode()).to.equal(el.shadowRoot); // never added to the host page's DOM
    };
    const bodyBefore = document.body.innerHTML;
    try {
      cards(el)[0]!.querySelector<HTMLButtonElement>('button')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = realClick;
      URL.createObjectURL = realCreate;
    }
    expect(clicked).to.have.length(1);
    expect(made).to.have.length(1);
    expect(made[0]!.type).to.equal('text/calendar;charset=utf-8');
    const link = clicked[0]!;
    expect(link.download).to.equal('Download me.ics');
    expect(link.href).to.match(/^blob:/);
    expect(link.isConnected).to.equal(false); // removed again
    expect(document.body.innerHTML).to.equal(bodyBefore);
    const file = await (await fetch(link.href)).blob();
    expect(file.type).to.match(/^text\/calendar(;charset=utf-8)?$/);
    const event = parseEvent(await file.text());
    expect(event.uid).to.equal(`dl-1@${location.hostname}`);
    expect(event.summary).to.equal('Download me');
    expect(event.startDate.toJSDate().toISOString()).to.equal(new Date(m.start as string).toISOString());
  });
});
