import { describe, expect, it } from 'vitest';
import { readBusyTime } from '../../../shared/adapters/calendar/busy-time-reader';
import { FEED_LIMITS, isRapportEvent } from '../../../shared/domain/calendar/busy-time';
import { AppError } from '../../../shared/domain/errors';

const minute = (iso: string) => Date.parse(iso) / 60_000;
const iso = (m: number) => new Date(m * 60_000).toISOString().replace('.000Z', 'Z');

const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

const read = (ics: string, from: string, to: string, home = 'Europe/London', isOwnEvent = (_uid: string) => false) =>
  readBusyTime(ics, { horizon: { start: minute(from), end: minute(to) }, homeZone: home, isOwnEvent });
const busy = async (ics: string, from: string, to: string, home = 'Europe/London') =>
  (await read(ics, from, to, home)).intervals.map((i) => [iso(i.start), iso(i.end)]).sort();
const refusal = (attempt: Promise<unknown>) => attempt.then(() => null, (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : String(e)));

describe('busy time from a coach’s calendar feed', () => {
  it('reads a plain UTC event, and only inside the range', async () => {
    const ics = calendar(...event('UID:a', 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z'), ...event('UID:b', 'DTSTART:20261205T090000Z', 'DTEND:20261205T100000Z'));
    expect(await busy(ics, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([['2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z']]);
  });

  it('expands a weekly event across the autumn clock change, with an exception moved and one cancelled', async () => {
    const ics = calendar(
      ...LONDON_VTIMEZONE,
      ...event('UID:weekly', 'DTSTART;TZID=Europe/London:20261020T090000', 'DTEND;TZID=Europe/London:20261020T100000', 'RRULE:FREQ=WEEKLY;COUNT=5', 'EXDATE;TZID=Europe/London:20261103T090000'),
      ...event('UID:weekly', 'RECURRENCE-ID;TZID=Europe/London:20261027T090000', 'DTSTART;TZID=Europe/London:20261027T140000', 'DTEND;TZID=Europe/London:20261027T150000'),
    );
    expect(await busy(ics, '2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([
      ['2026-10-20T08:00:00Z', '2026-10-20T09:00:00Z'], // BST: 09:00 London is 08:00 UTC
      ['2026-10-27T14:00:00Z', '2026-10-27T15:00:00Z'], // moved, and GMT from 25 October
      ['2026-11-10T09:00:00Z', '2026-11-10T10:00:00Z'],
      ['2026-11-17T09:00:00Z', '2026-11-17T10:00:00Z'],
    ]);
  });

  it('reads a TZID that names an IANA zone without a VTIMEZONE in that zone, across its own clock change', async () => {
    const ics = calendar(...event('UID:ny', 'DTSTART;TZID=America/New_York:20261030T090000', 'DTEND;TZID=America/New_York:20261030T093000', 'RRULE:FREQ=DAILY;COUNT=4'));
    expect(await busy(ics, '2026-10-29T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      ['2026-10-30T13:00:00Z', '2026-10-30T13:30:00Z'],
      ['2026-10-31T13:00:00Z', '2026-10-31T13:30:00Z'],
      ['2026-11-01T14:00:00Z', '2026-11-01T14:30:00Z'], // EST from 1 November
      ['2026-11-02T14:00:00Z', '2026-11-02T14:30:00Z'],
    ]);
  });

  it('reads floating times and all-day dates in the coach’s own zone', async () => {
    const ics = calendar(
      ...event('UID:floating', 'DTSTART:20260715T090000', 'DTEND:20260715T100000'),
      ...event('UID:allday', 'DTSTART;VALUE=DATE:20260716', 'DTEND;VALUE=DATE:20260717'),
    );
    expect(await busy(ics, '2026-07-14T00:00:00Z', '2026-07-20T00:00:00Z', 'Asia/Kolkata')).toEqual([
      ['2026-07-15T03:30:00Z', '2026-07-15T04:30:00Z'],
      ['2026-07-15T18:30:00Z', '2026-07-16T18:30:00Z'],
    ]);
  });

  it('ignores free (transparent) and cancelled events', async () => {
    const ics = calendar(
      ...event('UID:free', 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z', 'TRANSP:TRANSPARENT'),
      ...event('UID:off', 'DTSTART:20261201T110000Z', 'DTEND:20261201T120000Z', 'STATUS:CANCELLED'),
    );
    expect(await busy(ics, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([]);
  });

  it('refuses an endless minutely rule as too large, naming the limit', async () => {
    const ics = calendar(...event('UID:storm', 'DTSTART:20260101T000000Z', 'DTEND:20260101T000100Z', 'RRULE:FREQ=MINUTELY'));
    // The CPU budget is lifted here so that a busy machine cannot make the other limit trip first.
    const attempt = readBusyTime(ics, { horizon: { start: minute('2026-12-01T00:00:00Z'), end: minute('2027-04-01T00:00:00Z') }, homeZone: 'UTC', isOwnEvent: () => false }, { ...FEED_LIMITS, cpuMs: 60_000 });
    expect(await refusal(attempt)).toMatch(/^calendar_too_large: .*more than 10,000 events in the next 121 days/);
  });

  it('refuses a feed with too many events before parsing any of them', async () => {
    const many = Array.from({ length: 30 }, (_, i) => event(`UID:e${i}`, 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z')).flat();
    const limited = readBusyTime(calendar(...many), { horizon: { start: minute('2026-12-01T00:00:00Z'), end: minute('2026-12-02T00:00:00Z') }, homeZone: 'UTC', isOwnEvent: () => false }, { events: 25, occurrencesInHorizon: 100, cpuMs: 1000 });
    expect(await refusal(limited)).toMatch(/^calendar_too_large: .*holds 30 events, and the limit is 25/);
  });

  it('walks a repeating event from just before the horizon, not from its first occurrence years ago', async () => {
    const ics = calendar(
      ...LONDON_VTIMEZONE,
      ...event('UID:standup', 'DTSTART;TZID=Europe/London:20100104T090000', 'DTEND;TZID=Europe/London:20100104T091500', 'RRULE:FREQ=DAILY;INTERVAL=2'),
      ...event('UID:standup', 'RECURRENCE-ID;TZID=Europe/London:20100106T090000', 'DTSTART;TZID=Europe/London:20261028T120000', 'DTEND;TZID=Europe/London:20261028T130000'),
      ...event('UID:minutely', 'DTSTART:20000101T000000Z', 'DTEND:20000101T000100Z', 'RRULE:FREQ=MINUTELY;INTERVAL=30;BYHOUR=3'),
    );
    // Walked from 2000, the half-hourly rule alone would take far more than the 2-second budget and be refused.
    expect(await busy(ics, '2026-10-24T00:00:00Z', '2026-10-29T00:00:00Z')).toEqual([
      ['2026-10-24T03:00:00Z', '2026-10-24T03:01:00Z'],
      ['2026-10-24T03:30:00Z', '2026-10-24T03:31:00Z'],
      ['2026-10-25T03:00:00Z', '2026-10-25T03:01:00Z'],
      ['2026-10-25T03:30:00Z', '2026-10-25T03:31:00Z'],
      ['2026-10-25T09:00:00Z', '2026-10-25T09:15:00Z'], // every other day from 4 January 2010; GMT from 25 October
      ['2026-10-26T03:00:00Z', '2026-10-26T03:01:00Z'],
      ['2026-10-26T03:30:00Z', '2026-10-26T03:31:00Z'],
      ['2026-10-27T03:00:00Z', '2026-10-27T03:01:00Z'],
      ['2026-10-27T03:30:00Z', '2026-10-27T03:31:00Z'],
      ['2026-10-27T09:00:00Z', '2026-10-27T09:15:00Z'],
      ['2026-10-28T03:00:00Z', '2026-10-28T03:01:00Z'],
      ['2026-10-28T03:30:00Z', '2026-10-28T03:31:00Z'],
      ['2026-10-28T12:00:00Z', '2026-10-28T13:00:00Z'], // the 2010 occurrence, moved into the horizon
    ]);
  });

  it('refuses a feed whose expansion takes more than its CPU budget, and yields to the event loop meanwhile', async () => {
    // Every minute of every day since 2000, in months: no shortcut, millions of steps before the horizon.
    const ics = calendar(...event('UID:old', 'DTSTART:20000101T000000Z', 'DTEND:20000101T000100Z', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,10,20,30,40,50'));
    let ticks = 0;
    let longestGapMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      ticks++;
    }, 5);
    const limited = readBusyTime(ics, { horizon: { start: minute('2026-12-01T00:00:00Z'), end: minute('2026-12-02T00:00:00Z') }, homeZone: 'UTC', isOwnEvent: () => false }, { events: 10, occurrencesInHorizon: 100, cpuMs: 300 });
    const outcome = await refusal(limited);
    clearInterval(timer);
    expect(outcome).toMatch(/^calendar_too_large: .*more than 0.3 seconds of work/);
    // Run in one piece, the timer could not fire before the refusal; and no piece lasted the whole budget.
    // (Slices are ~15 ms; a loaded machine adds delays of its own, so the bound here is generous.)
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(longestGapMs).toBeLessThan(250);
  });

  it('leaves out the events Rapport sent itself, whatever their UID domain', async () => {
    const ics = calendar(
      ...event('UID:01JBOOKING0000000000000001@rapport', 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z'),
      ...event('UID:01JBOOKING0000000000000002@app.example.com', 'DTSTART:20261201T110000Z', 'DTEND:20261201T120000Z'),
      ...event('UID:dentist-42@google.com', 'DTSTART:20261201T130000Z', 'DTEND:20261201T140000Z'),
    );
    const own = new Set(['01JBOOKING0000000000000001', '01JBOOKING0000000000000002']);
    const result = await read(ics, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', 'UTC', (uid) => isRapportEvent(uid, own));
    expect(result.intervals.map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-12-01T13:00:00Z', '2026-12-01T14:00:00Z']]);
    expect(result.eventsInHorizon).toBe(1);
  });

  it.each([['HTML', '<html><body>calendar</body></html>'], ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Someone\r\nEND:VCARD'], ['nothing', ''], ['a cut-off feed', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x']])(
    'refuses %s as not iCalendar',
    async (_label, text) => {
      expect(await refusal(read(text, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z'))).toMatch(/^calendar_invalid/);
    },
  );
});
