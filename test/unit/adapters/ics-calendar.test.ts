import { describe, expect, it } from 'vitest';
import { busyIntervals, parseCalendar } from '../../../shared/adapters/calendar/ics-calendar';
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

const busy = (ics: string, from: string, to: string, home = 'Europe/London') =>
  busyIntervals(parseCalendar(ics), minute(from), minute(to), home).map((i) => [iso(i.start), iso(i.end)]).sort();

describe('busy time from a coach’s calendar feed', () => {
  it('reads a plain UTC event, and only inside the range', () => {
    const ics = calendar(...event('UID:a', 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z'), ...event('UID:b', 'DTSTART:20261205T090000Z', 'DTEND:20261205T100000Z'));
    expect(busy(ics, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([['2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z']]);
  });

  it('expands a weekly event across the autumn clock change, with an exception moved and one cancelled', () => {
    const ics = calendar(
      ...LONDON_VTIMEZONE,
      ...event('UID:weekly', 'DTSTART;TZID=Europe/London:20261020T090000', 'DTEND;TZID=Europe/London:20261020T100000', 'RRULE:FREQ=WEEKLY;COUNT=5', 'EXDATE;TZID=Europe/London:20261103T090000'),
      ...event('UID:weekly', 'RECURRENCE-ID;TZID=Europe/London:20261027T090000', 'DTSTART;TZID=Europe/London:20261027T140000', 'DTEND;TZID=Europe/London:20261027T150000'),
    );
    expect(busy(ics, '2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([
      ['2026-10-20T08:00:00Z', '2026-10-20T09:00:00Z'], // BST: 09:00 London is 08:00 UTC
      ['2026-10-27T14:00:00Z', '2026-10-27T15:00:00Z'], // moved, and GMT from 25 October
      ['2026-11-10T09:00:00Z', '2026-11-10T10:00:00Z'],
      ['2026-11-17T09:00:00Z', '2026-11-17T10:00:00Z'],
    ]);
  });

  it('reads a TZID that names an IANA zone without a VTIMEZONE in that zone, across its own clock change', () => {
    const ics = calendar(...event('UID:ny', 'DTSTART;TZID=America/New_York:20261030T090000', 'DTEND;TZID=America/New_York:20261030T093000', 'RRULE:FREQ=DAILY;COUNT=4'));
    expect(busy(ics, '2026-10-29T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      ['2026-10-30T13:00:00Z', '2026-10-30T13:30:00Z'],
      ['2026-10-31T13:00:00Z', '2026-10-31T13:30:00Z'],
      ['2026-11-01T14:00:00Z', '2026-11-01T14:30:00Z'], // EST from 1 November
      ['2026-11-02T14:00:00Z', '2026-11-02T14:30:00Z'],
    ]);
  });

  it('reads floating times and all-day dates in the coach’s own zone', () => {
    const ics = calendar(
      ...event('UID:floating', 'DTSTART:20260715T090000', 'DTEND:20260715T100000'),
      ...event('UID:allday', 'DTSTART;VALUE=DATE:20260716', 'DTEND;VALUE=DATE:20260717'),
    );
    expect(busy(ics, '2026-07-14T00:00:00Z', '2026-07-20T00:00:00Z', 'Asia/Kolkata')).toEqual([
      ['2026-07-15T03:30:00Z', '2026-07-15T04:30:00Z'],
      ['2026-07-15T18:30:00Z', '2026-07-16T18:30:00Z'],
    ]);
  });

  it('ignores free (transparent) and cancelled events', () => {
    const ics = calendar(
      ...event('UID:free', 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z', 'TRANSP:TRANSPARENT'),
      ...event('UID:off', 'DTSTART:20261201T110000Z', 'DTEND:20261201T120000Z', 'STATUS:CANCELLED'),
    );
    expect(busy(ics, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([]);
  });

  it('stays bounded on an endless minutely rule', () => {
    const ics = calendar(...event('UID:storm', 'DTSTART:20260101T000000Z', 'DTEND:20260101T000100Z', 'RRULE:FREQ=MINUTELY'));
    const started = performance.now();
    busyIntervals(parseCalendar(ics), minute('2026-12-01T00:00:00Z'), minute('2026-12-02T00:00:00Z'), 'UTC');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([['HTML', '<html><body>calendar</body></html>'], ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Someone\r\nEND:VCARD'], ['nothing', '']])(
    'refuses %s as not iCalendar',
    (_label, text) => {
      expect(() => parseCalendar(text)).toThrow(AppError);
      try {
        parseCalendar(text);
      } catch (error) {
        expect((error as AppError).code).toBe('calendar_invalid');
      }
    },
  );
});
