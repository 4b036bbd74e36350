import { expect } from '@open-wc/testing';
import { isEvening, isWeekend, londonDate, londonMonth, londonRange, londonTime } from '../../src/components/involve-meetings/london-time.js';
import { COLLABORATIVES, londonWallClock, makeMeetings } from '../fixtures/meetings.js';
import { Meeting } from '../../src/schema/meeting.js';

// The code never reads the visitor's own zone; these instants are UTC, so the results hold wherever
// the browser thinks it is. BST 2027: from 28 March 01:00 UTC to 31 October 01:00 UTC.
describe('London time (BST/GMT)', () => {
  it('shows the clock London shows, either side of both changes', () => {
    expect(londonTime(new Date('2027-03-28T00:30:00Z'))).to.equal('12:30am'); // GMT
    expect(londonTime(new Date('2027-03-28T01:30:00Z'))).to.equal('2:30am'); // BST: 1:30 never happens
    expect(londonTime(new Date('2027-10-31T00:30:00Z'))).to.equal('1:30am'); // BST
    expect(londonTime(new Date('2027-10-31T01:30:00Z'))).to.equal('1:30am'); // GMT: 1:30 happens twice
    expect(londonDate(new Date('2027-03-27T23:30:00Z'))).to.equal('Saturday 27 March 2027');
    expect(londonDate(new Date('2027-06-30T23:30:00Z'))).to.equal('Thursday 1 July 2027'); // already July in London
    expect(londonMonth(new Date('2027-06-30T23:30:00Z'))).to.equal('July 2027');
  });

  it('writes dates and times the GOV.UK way', () => {
    expect(londonRange(new Date('2027-06-09T17:00:00Z'), new Date('2027-06-09T19:00:00Z'))).to.equal('Wednesday 9 June 2027, 6pm to 8pm');
    expect(londonRange(new Date('2027-12-08T18:00:00Z'), new Date('2027-12-08T19:30:00Z'))).to.equal('Wednesday 8 December 2027, 6pm to 7:30pm');
    expect(londonRange(new Date('2026-03-03T18:00:00Z'), new Date('2026-03-03T20:00:00Z'))).to.equal('Tuesday 3 March 2026, 6pm to 8pm');
    expect(londonTime(new Date('2027-01-05T12:00:00Z'))).to.equal('midday');
    expect(londonTime(new Date('2027-07-05T23:00:00Z'))).to.equal('midnight'); // 00:00 BST
    expect(londonTime(new Date('2027-01-05T12:15:00Z'))).to.equal('12:15pm');
    expect(londonTime(new Date('2027-01-05T09:05:00Z'))).to.equal('9:05am');
    expect(londonRange(new Date('2027-01-05T22:00:00Z'), new Date('2027-01-06T01:00:00Z'))).to.equal('Tuesday 5 January 2027, 10pm to Wednesday 6 January 2027, 1am');
  });

  it('calls 5pm London time and later "evening", in summer and winter', () => {
    expect(isEvening(new Date('2027-06-10T16:00:00Z'))).to.equal(true); // 5pm BST
    expect(isEvening(new Date('2027-06-10T15:59:00Z'))).to.equal(false); // 4:59pm BST
    expect(isEvening(new Date('2027-12-10T16:30:00Z'))).to.equal(false); // 4:30pm GMT
    expect(isEvening(new Date('2027-12-10T17:00:00Z'))).to.equal(true); // 5pm GMT
  });

  it('calls Saturday and Sunday in London "weekend", even when UTC disagrees', () => {
    expect(isWeekend(new Date('2027-03-27T23:30:00Z'))).to.equal(true); // Saturday 11:30pm GMT
    expect(isWeekend(new Date('2027-03-28T23:30:00Z'))).to.equal(false); // Monday 00:30 BST
    expect(isWeekend(new Date('2027-07-04T23:30:00Z'))).to.equal(false); // Monday 00:30 BST (Sunday in UTC)
    expect(isWeekend(new Date('2027-07-02T23:30:00Z'))).to.equal(true); // Saturday 00:30 BST (Friday in UTC)
  });
});

describe('test/fixtures/meetings.ts', () => {
  const from = new Date('2027-01-01T00:00:00Z');
  const meetings = makeMeetings(50, { from });

  it('makes valid, future meetings in start order, deterministically', () => {
    expect(meetings).to.have.length(50);
    for (const m of meetings) expect(Meeting.safeParse(m).success, m.id).to.equal(true);
    expect(meetings.every((m) => Date.parse(m.start) > from.getTime())).to.equal(true);
    expect(meetings.map((m) => m.start)).to.deep.equal([...meetings.map((m) => m.start)].sort());
    expect(new Set(meetings.map((m) => m.id)).size).to.equal(50);
    expect(makeMeetings(50, { from })).to.deep.equal(meetings);
  });

  it('has each Collaborative monthly at the same London time, summer or winter', () => {
    const livingWell = meetings.filter((m) => m.id.startsWith('living-well-'));
    expect(livingWell.length).to.be.at.least(6);
    for (const m of livingWell) expect(londonRange(new Date(m.start), new Date(m.end))).to.match(/^Tuesday \d+ \w+ 2027, 6pm to 8pm$/);
    expect(new Set(livingWell.map((m) => londonMonth(new Date(m.start)))).size).to.equal(livingWell.length);
    expect(londonWallClock(2027, 6, 13, 18, 0).toISOString()).to.equal('2027-07-13T17:00:00.000Z');
  });

  it('mixes evenings, weekends, formats and statuses', () => {
    expect(meetings.some((m) => isEvening(new Date(m.start)))).to.equal(true);
    expect(meetings.some((m) => isWeekend(new Date(m.start)))).to.equal(true);
    expect(new Set(meetings.map((m) => m.format))).to.deep.equal(new Set(['online', 'in-person', 'hybrid']));
    expect(new Set(meetings.map((m) => m.status))).to.deep.equal(new Set(['scheduled', 'cancelled', 'full']));
    expect(meetings.some((m) => m.bookingUrl)).to.equal(true);
    expect(new Set(meetings.map((m) => m.collaborative)).size).to.equal(COLLABORATIVES.length);
  });
});
