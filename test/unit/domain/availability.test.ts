import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableSlots, isOffered, type AvailabilityQuery } from '../../../shared/domain/availability/available-slots';
import { weekKeyOf, weekKeysAround } from '../../../shared/domain/availability/local-week';
import type { ScheduleRules } from '../../../shared/domain/schedules/schedule';
import type { Weekday } from '../../../shared/domain/time/wall-clock';

/**
 * Expected instants are written out in UTC by hand (not computed with the library under test), so
 * these tests check the engine against the real clock changes of each zone.
 */
const m = (iso: string) => Date.parse(iso) / 60_000;
const iso = (minute: number) => new Date(minute * 60_000).toISOString().replace(':00.000Z', 'Z');

type Schedule = AvailabilityQuery['schedule'];
const schedule = (timeZone: string, weekly: [Weekday, string, string][], rest: Partial<ScheduleRules> = {}): Schedule => ({
  timeZone,
  weekly: weekly.map(([day, start, end]) => ({ day, start, end })),
  overrides: [],
  bufferMinutes: 0,
  minimumNoticeMinutes: 0,
  slotIntervalMinutes: 30,
  // These cases span 2026–2027 from a fixed `now`; the horizon has tests of its own below.
  bookingHorizonDays: 1000,
  ...rest,
});

const query = (s: Schedule, from: string, to: string, extra: Partial<AvailabilityQuery> = {}): AvailabilityQuery => ({
  schedule: s,
  from: m(from),
  to: m(to),
  now: m('2026-01-01T00:00Z'),
  durationMinutes: 60,
  sessions: [],
  events: [],
  usedByWeek: new Map(),
  remaining: 12,
  ...extra,
});

const starts = (q: AvailabilityQuery) => availableSlots(q).map((slot) => iso(slot.start));

describe('availability: windows in the schedule’s zone', () => {
  it('steps starts from the window start and keeps the whole session inside the window', () => {
    const s = schedule('Europe/London', [['mon', '10:00', '12:00']]);
    expect(starts(query(s, '2026-12-07T00:00Z', '2026-12-08T00:00Z'))).toEqual(['2026-12-07T10:00Z', '2026-12-07T10:30Z', '2026-12-07T11:00Z']);
    const slots = availableSlots(query(s, '2026-12-07T00:00Z', '2026-12-08T00:00Z'));
    expect(slots.every((slot) => slot.end - slot.start === 60)).toBe(true);
  });

  it('follows London into summer time: the same wall clock is an hour earlier in UTC', () => {
    const s = schedule('Europe/London', [['mon', '10:00', '11:00']]);
    expect(starts(query(s, '2026-07-06T00:00Z', '2026-07-07T00:00Z'))).toEqual(['2026-07-06T09:00Z']);
  });

  it('keeps a London week right across the October change (Friday BST, Monday GMT)', () => {
    const s = schedule('Europe/London', [['fri', '10:00', '11:00'], ['mon', '10:00', '11:00']]);
    expect(starts(query(s, '2026-10-23T00:00Z', '2026-10-27T00:00Z'))).toEqual(['2026-10-23T09:00Z', '2026-10-26T10:00Z']);
  });

  it('gives a London window across the spring-forward night only the hours that exist (23-hour day)', () => {
    // 28 March 2027: 01:00 GMT becomes 02:00 BST, so 00:00–04:00 local is three real hours.
    const s = schedule('Europe/London', [['sun', '00:00', '04:00']]);
    expect(starts(query(s, '2027-03-27T12:00Z', '2027-03-28T12:00Z'))).toEqual([
      '2027-03-28T00:00Z',
      '2027-03-28T00:30Z',
      '2027-03-28T01:00Z',
      '2027-03-28T01:30Z',
      '2027-03-28T02:00Z',
    ]);
  });

  it('gives a London window across the fall-back night the extra hour (25-hour day)', () => {
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 00:00–03:00 local is four real hours.
    const s = schedule('Europe/London', [['sun', '00:00', '03:00']], { slotIntervalMinutes: 60 });
    expect(starts(query(s, '2026-10-24T12:00Z', '2026-10-25T12:00Z'))).toEqual(['2026-10-24T23:00Z', '2026-10-25T00:00Z', '2026-10-25T01:00Z', '2026-10-25T02:00Z']);
  });

  it('handles New York’s changes, both ways', () => {
    const s = schedule('America/New_York', [['sun', '01:00', '04:00']], { slotIntervalMinutes: 60 });
    // 14 March 2027: 02:00 EST becomes 03:00 EDT: 01:00 EST (06:00Z) to 04:00 EDT (08:00Z).
    expect(starts(query(s, '2027-03-13T12:00Z', '2027-03-15T00:00Z'))).toEqual(['2027-03-14T06:00Z', '2027-03-14T07:00Z']);
    // 1 November 2026: 02:00 EDT becomes 01:00 EST. 01:00 happens twice; the window opens at the
    // first (01:00 EDT, 05:00Z) and closes at 04:00 EST (09:00Z).
    expect(starts(query(s, '2026-10-31T12:00Z', '2026-11-02T00:00Z'))).toEqual(['2026-11-01T05:00Z', '2026-11-01T06:00Z', '2026-11-01T07:00Z', '2026-11-01T08:00Z']);
  });

  it('handles Sydney, whose summer is the northern winter', () => {
    const s = schedule('Australia/Sydney', [['sun', '01:00', '05:00'], ['mon', '09:00', '10:00']], { slotIntervalMinutes: 60 });
    // 4 October 2026: 02:00 AEST becomes 03:00 AEDT: 01:00 AEST (15:00Z) to 05:00 AEDT (18:00Z).
    expect(starts(query(s, '2026-10-03T12:00Z', '2026-10-04T12:00Z'))).toEqual(['2026-10-03T15:00Z', '2026-10-03T16:00Z', '2026-10-03T17:00Z']);
    // Monday 9:00 before (AEST, UTC+10) and after (AEDT, UTC+11) the change.
    expect(starts(query(s, '2026-09-27T18:00Z', '2026-09-28T06:00Z'))).toEqual(['2026-09-27T23:00Z']);
    expect(starts(query(s, '2026-10-04T18:00Z', '2026-10-05T06:00Z'))).toEqual(['2026-10-04T22:00Z']);
    // 4 April 2027: 03:00 AEDT becomes 02:00 AEST: 01:00 AEDT (14:00Z) to 05:00 AEST (19:00Z), five hours.
    expect(starts(query(s, '2027-04-03T12:00Z', '2027-04-04T00:00Z'))).toHaveLength(5);
  });

  it('handles zones with half-hour offsets (Kolkata, UTC+5:30)', () => {
    const s = schedule('Asia/Kolkata', [['mon', '10:00', '11:30']]);
    expect(starts(query(s, '2026-12-07T00:00Z', '2026-12-08T00:00Z'))).toEqual(['2026-12-07T04:30Z', '2026-12-07T05:00Z']);
  });

  it('lets an override replace a date’s windows, or close the date', () => {
    const s = schedule('Europe/London', [['mon', '10:00', '11:00'], ['tue', '10:00', '11:00']], {
      overrides: [
        { date: '2026-12-07', intervals: [] },
        { date: '2026-12-08', intervals: [{ start: '15:00', end: '16:00' }] },
        { date: '2026-12-12', intervals: [{ start: '09:00', end: '10:00' }] },
      ],
    });
    expect(starts(query(s, '2026-12-07T00:00Z', '2026-12-13T00:00Z'))).toEqual(['2026-12-08T15:00Z', '2026-12-12T09:00Z']);
  });

  it('offers nothing that starts sooner than the minimum notice, and keeps the step', () => {
    const s = schedule('Europe/London', [['mon', '09:00', '13:00']], { minimumNoticeMinutes: 60 });
    const q = query(s, '2026-12-07T00:00Z', '2026-12-08T00:00Z', { now: m('2026-12-07T09:50Z') });
    expect(starts(q)[0]).toBe('2026-12-07T11:00Z');
  });

  it('returns only slots that start in the asked range', () => {
    const s = schedule('UTC', [['mon', '09:00', '17:00']]);
    expect(starts(query(s, '2026-12-07T12:10Z', '2026-12-07T13:30Z'))).toEqual(['2026-12-07T12:30Z', '2026-12-07T13:00Z']);
  });
});

describe('availability: windows that touch', () => {
  const nov = ['2026-12-07T00:00Z', '2026-12-08T00:00Z'] as const;

  it('treats 10:00–12:00 and 12:00–17:00 exactly as one window 10:00–17:00', () => {
    const split = schedule('Europe/London', [['mon', '10:00', '12:00'], ['mon', '12:00', '17:00']]);
    const whole = schedule('Europe/London', [['mon', '10:00', '17:00']]);
    expect(starts(query(split, ...nov))).toContain('2026-12-07T11:30Z');
    expect(starts(query(split, ...nov))).toEqual(starts(query(whole, ...nov)));
    // A step that does not divide the first window still runs on from 10:00, as one window's would.
    const odd = { slotIntervalMinutes: 45 };
    expect(starts(query({ ...split, ...odd }, ...nov))).toEqual(starts(query({ ...whole, ...odd }, ...nov)));
  });

  it('joins windows across the spring-forward change in London (28 March 2027)', () => {
    // 00:00–02:00 local is 00:00Z–01:00Z (01:00 GMT jumps to 02:00 BST); 02:00–04:00 BST is 01:00Z–03:00Z.
    const split = schedule('Europe/London', [['sun', '00:00', '02:00'], ['sun', '02:00', '04:00']]);
    const range = ['2027-03-27T12:00Z', '2027-03-28T12:00Z'] as const;
    expect(starts(query(split, ...range))).toEqual(['2027-03-28T00:00Z', '2027-03-28T00:30Z', '2027-03-28T01:00Z', '2027-03-28T01:30Z', '2027-03-28T02:00Z']);
  });

  it('joins windows across the fall-back change in London (25 October 2026)', () => {
    // 01:30 happens twice; the second window opens at the first 01:30 (00:30Z) and runs to 03:00 GMT.
    const split = schedule('Europe/London', [['sun', '00:00', '01:30'], ['sun', '01:30', '03:00']], { slotIntervalMinutes: 60 });
    const range = ['2026-10-24T12:00Z', '2026-10-25T12:00Z'] as const;
    expect(starts(query(split, ...range))).toEqual(['2026-10-24T23:00Z', '2026-10-25T00:00Z', '2026-10-25T01:00Z', '2026-10-25T02:00Z']);
  });

  it('offers a session across midnight when consecutive days are open 00:00–24:00 (BST to GMT)', () => {
    const s = schedule('Europe/London', [['sat', '00:00', '24:00'], ['sun', '00:00', '24:00']]);
    // Saturday 24 October 2026 23:30 BST is 22:30Z; Sunday's grid starts again at its own midnight (23:00Z).
    expect(starts(query(s, '2026-10-24T21:00Z', '2026-10-25T00:00Z'))).toEqual(['2026-10-24T21:00Z', '2026-10-24T21:30Z', '2026-10-24T22:00Z', '2026-10-24T22:30Z', '2026-10-24T23:00Z', '2026-10-24T23:30Z']);
    // Sunday's 25 hours end at 24:00 GMT with nothing after: the last start is 23:00.
    expect(starts(query(s, '2026-10-25T22:00Z', '2026-10-26T02:00Z'))).toEqual(['2026-10-25T22:00Z', '2026-10-25T22:30Z', '2026-10-25T23:00Z']);
  });

  it('offers a session across midnight when consecutive days are open 00:00–24:00 (GMT to BST)', () => {
    const s = schedule('Europe/London', [['sat', '00:00', '24:00'], ['sun', '00:00', '24:00'], ['mon', '00:00', '01:00']]);
    // Saturday 27 March 2027 23:30 GMT runs into Sunday, the 23-hour day.
    expect(starts(query(s, '2027-03-27T23:00Z', '2027-03-28T01:30Z'))).toEqual(['2027-03-27T23:00Z', '2027-03-27T23:30Z', '2027-03-28T00:00Z', '2027-03-28T00:30Z', '2027-03-28T01:00Z']);
    // Sunday 23:30 BST (22:30Z) runs into Monday's 00:00–01:00 window; Monday 00:30 would end outside it.
    expect(starts(query(s, '2027-03-28T21:30Z', '2027-03-29T01:00Z'))).toEqual(['2027-03-28T21:30Z', '2027-03-28T22:00Z', '2027-03-28T22:30Z', '2027-03-28T23:00Z']);
  });

  it('lets an override run into the next day’s windows, and the next day’s override take a session from the day before', () => {
    const s = schedule('Europe/London', [['sun', '00:00', '02:00'], ['fri', '20:00', '24:00']], {
      overrides: [
        { date: '2026-10-24', intervals: [{ start: '20:00', end: '24:00' }] }, // Saturday: none weekly
        { date: '2026-10-31', intervals: [{ start: '00:00', end: '00:30' }] }, // Saturday after Friday's window
      ],
    });
    // Saturday 23:30 BST (22:30Z) runs into Sunday's 00:00–02:00, which is three real hours that night.
    expect(starts(query(s, '2026-10-24T22:00Z', '2026-10-25T00:00Z'))).toEqual(['2026-10-24T22:00Z', '2026-10-24T22:30Z', '2026-10-24T23:00Z', '2026-10-24T23:30Z']);
    // Friday 30 October 23:30 GMT would end at 00:30 on Saturday, inside the override: offered.
    expect(starts(query(s, '2026-10-30T22:30Z', '2026-10-31T01:00Z'))).toEqual(['2026-10-30T22:30Z', '2026-10-30T23:00Z', '2026-10-30T23:30Z']);
  });

  it('counts a session that crosses midnight into the week it starts in', () => {
    const s = schedule('Europe/London', [['sun', '23:00', '24:00'], ['mon', '00:00', '01:00']], { slotIntervalMinutes: 60 });
    const sunday = weekKeyOf(m('2026-12-06T23:30Z'), 'Europe/London');
    const monday = weekKeyOf(m('2026-12-07T00:30Z'), 'Europe/London');
    const range = ['2026-12-06T20:00Z', '2026-12-07T06:00Z'] as const;
    expect(starts(query(s, ...range, { perWeek: 1, usedByWeek: new Map([[monday, 1]]) }))).toEqual(['2026-12-06T23:00Z']);
    expect(starts(query(s, ...range, { perWeek: 1, usedByWeek: new Map([[sunday, 1]]) }))).toEqual(['2026-12-07T00:00Z']);
  });

  it('answers for one start across midnight exactly as for the whole range', () => {
    const s = schedule('Europe/London', [['sat', '18:00', '24:00'], ['sun', '00:00', '03:00']], { slotIntervalMinutes: 15 });
    const base = query(s, '2026-10-24T16:00Z', '2026-10-25T04:00Z', { sessions: [{ start: m('2026-10-24T23:40Z'), end: m('2026-10-24T23:50Z') }] });
    const offered = new Set(starts(base));
    expect(offered.has('2026-10-24T22:15Z')).toBe(true);
    for (let minute = base.from; minute < base.to; minute += 5) {
      expect(isOffered(base, minute), iso(minute)).toBe(offered.has(iso(minute)));
    }
  });
});

describe('availability: what is already taken', () => {
  const s = schedule('UTC', [['mon', '09:00', '17:00']], { slotIntervalMinutes: 15, bufferMinutes: 15 });
  const day = ['2026-12-07T00:00Z', '2026-12-08T00:00Z'] as const;

  it('keeps the buffer clear on both sides of another session (which carries its own buffer)', () => {
    const sessions = [{ start: m('2026-12-07T11:00Z'), end: m('2026-12-07T12:15Z') }]; // 11:00–12:00 plus 15 minutes
    const result = starts(query(s, ...day, { sessions }));
    expect(result).toContain('2026-12-07T09:45Z'); // ends 10:45, buffer until 11:00
    expect(result).not.toContain('2026-12-07T10:00Z');
    expect(result).not.toContain('2026-12-07T12:00Z');
    expect(result).toContain('2026-12-07T12:15Z');
  });

  it('keeps the buffer clear around the coach’s own calendar events', () => {
    const events = [{ start: m('2026-12-07T13:00Z'), end: m('2026-12-07T14:00Z') }];
    const result = starts(query(s, ...day, { events }));
    expect(result).toContain('2026-12-07T11:45Z');
    expect(result).not.toContain('2026-12-07T12:00Z');
    expect(result).not.toContain('2026-12-07T14:00Z');
    expect(result).toContain('2026-12-07T14:15Z');
  });

  it('offers nothing when the package is used up', () => {
    expect(starts(query(s, ...day, { remaining: 0 }))).toEqual([]);
  });

  it('drops whole weeks that reached their cap, weeks counted Monday to Sunday in the schedule’s zone', () => {
    // Auckland (UTC+13 in December): Monday 09:00 local is Sunday 20:00 UTC, but belongs to Monday's week.
    const nz = schedule('Pacific/Auckland', [['mon', '09:00', '10:00'], ['sun', '09:00', '10:00']], { slotIntervalMinutes: 60 });
    const week = weekKeyOf(m('2026-12-06T20:00Z'), 'Pacific/Auckland');
    expect(week).toBe('2026-W50');
    const open = starts(query(nz, '2026-12-05T00:00Z', '2026-12-14T00:00Z', { perWeek: 1 }));
    expect(open).toEqual(['2026-12-05T20:00Z', '2026-12-06T20:00Z', '2026-12-12T20:00Z', '2026-12-13T20:00Z']);
    const capped = starts(query(nz, '2026-12-05T00:00Z', '2026-12-14T00:00Z', { perWeek: 1, usedByWeek: new Map([[week, 1]]) }));
    expect(capped).toEqual(['2026-12-05T20:00Z', '2026-12-13T20:00Z']);
  });

  it('answers for one start exactly as for the whole range', () => {
    const sessions = [{ start: m('2026-12-07T11:00Z'), end: m('2026-12-07T12:15Z') }];
    const base = { ...query(s, ...day, { sessions }) };
    const offered = new Set(starts(base));
    for (let minute = m('2026-12-07T08:00Z'); minute < m('2026-12-07T18:00Z'); minute += 5) {
      expect(isOffered(base, minute), iso(minute)).toBe(offered.has(iso(minute)));
    }
  });
});

describe('local weeks', () => {
  it('finds every week a 62-day range can touch in any zone', () => {
    const keys = weekKeysAround(m('2026-12-01T00:00Z'), m('2027-02-01T00:00Z'));
    expect(keys[0]).toBe('2026-W49'); // Monday 30 November: a zone behind UTC is still on it
    expect(keys).toContain('2026-W53');
    expect(keys.at(-1)).toBe('2027-W05');
  });

  it('finds the weeks luxon found, and puts an instant in the week luxon did', async () => {
    const { DateTime } = await import('luxon');
    const luxonWeek = (d: { weekYear: number; weekNumber: number }) => `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
    const luxonWeeksAround = (from: number, to: number) => {
      const keys = new Set<string>();
      const last = DateTime.fromMillis(to * 60_000, { zone: 'utc' }).plus({ days: 1 });
      for (let day = DateTime.fromMillis(from * 60_000, { zone: 'utc' }).startOf('day').minus({ days: 1 }); day <= last; day = day.plus({ days: 1 })) keys.add(luxonWeek(day));
      return [...keys];
    };
    const minute = fc.integer({ min: m('2020-01-01T00:00Z'), max: m('2036-01-01T00:00Z') });
    fc.assert(
      fc.property(minute, fc.integer({ min: 0, max: 62 * 1440 }), fc.constantFrom('Pacific/Auckland', 'Pacific/Kiritimati', 'America/New_York', 'Pacific/Pago_Pago', 'Europe/London'), (from, span, zone) => {
        expect(weekKeysAround(from, from + span)).toEqual(luxonWeeksAround(from, from + span));
        expect(weekKeyOf(from, zone)).toBe(luxonWeek(DateTime.fromMillis(from * 60_000, { zone })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ISO weeks by arithmetic', () => {
  it('agree with luxon on every date of several years', async () => {
    const { DateTime } = await import('luxon');
    const { isoWeekKey } = await import('../../../shared/domain/availability/local-week');
    for (let d = DateTime.fromISO('2025-12-20', { zone: 'utc' }); d < DateTime.fromISO('2029-01-10', { zone: 'utc' }); d = d.plus({ days: 1 })) {
      expect(isoWeekKey(d.year, d.month, d.day), d.toISODate() ?? '').toBe(`${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`);
    }
  });
});

describe('availability: how far ahead', () => {
  it('offers nothing past the booking horizon, counted from now to the minute, and refuses a start there', () => {
    const s = schedule('UTC', [['mon', '10:00', '12:00'], ['tue', '10:00', '12:00']], { bookingHorizonDays: 7 });
    const now = { now: m('2026-11-30T10:30Z') }; // a Monday
    expect(starts(query(s, '2026-12-07T00:00Z', '2026-12-09T00:00Z', now))).toEqual(['2026-12-07T10:00Z', '2026-12-07T10:30Z']);
    expect(isOffered({ ...query(s, '2026-12-07T00:00Z', '2026-12-09T00:00Z', now) }, m('2026-12-07T10:30Z'))).toBe(true);
    expect(isOffered({ ...query(s, '2026-12-07T00:00Z', '2026-12-09T00:00Z', now) }, m('2026-12-07T11:00Z'))).toBe(false);
    expect(isOffered({ ...query(s, '9999-12-06T00:00Z', '9999-12-07T00:00Z', now) }, m('9999-12-06T10:00Z'))).toBe(false);
  });

  it('defaults to 90 days for schedules stored without a horizon', () => {
    const { bookingHorizonDays: _none, ...legacy } = schedule('UTC', [['mon', '10:00', '11:00']]);
    const now = { now: m('2026-11-30T09:00Z') };
    expect(starts(query(legacy, '2027-02-22T00:00Z', '2027-03-02T00:00Z', now))).toEqual(['2027-02-22T10:00Z']);
  });
});
