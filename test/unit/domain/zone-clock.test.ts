import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantOfWallTime, wallClockAt, zoneDayBounds, zoneOffset } from '../../../shared/domain/time/zone-clock';

/**
 * The Intl zone clock against luxon, which the booking and analytics paths used before: luxon is
 * the oracle here. Random instants and wall times cover the ordinary, and every wall time around
 * each offset change of these zones covers the days that matter: summer time both ways in both
 * hemispheres, a 30-minute change (Lord Howe), 45-minute offsets (Chatham, Kathmandu, whose
 * 1986 move from +5:30 to +5:45 skipped a quarter hour at midnight), changes at midnight
 * (Santiago, Havana, Beirut), and Casablanca's suspensions for Ramadan.
 */
const ZONES = [
  'Pacific/Auckland',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Casablanca',
  'America/St_Johns',
  'UTC',
];

const MS_PER_MINUTE = 60_000;
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2038, 0, 1);

/** The wall-time-to-instant conversion as the availability engine did it with luxon. */
function luxonInstantOf(date: { year: number; month: number; day: number }, minuteOfDay: number, zone: string): number {
  const { year, month, day } = date;
  if (minuteOfDay >= 1440) {
    return Math.floor(DateTime.fromObject({ year, month, day }, { zone }).plus({ days: 1 }).startOf('day').toMillis() / MS_PER_MINUTE);
  }
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const guess = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute) / MS_PER_MINUTE;
  let best = Math.floor(guess.toMillis() / MS_PER_MINUTE);
  for (const offset of new Set([guess.minus({ hours: 3 }).offset, guess.plus({ hours: 3 }).offset])) {
    const candidate = wallAsUtc - offset;
    const back = DateTime.fromMillis(candidate * MS_PER_MINUTE, { zone });
    if (back.hour === hour && back.minute === minute && back.day === day && candidate < best) best = candidate;
  }
  return best;
}

const localDateOf = (ms: number, zone: string) => {
  const d = DateTime.fromMillis(ms, { zone });
  return { year: d.year, month: d.month, day: d.day };
};
const nextDate = (date: { year: number; month: number; day: number }, days: number) => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const isoOf = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/**
 * Each instant (ms) in [from, to) at which the zone's offset changes, found week by week (changes
 * are further apart than that) and bisected to the minute.
 */
function changesOf(zone: string, from: number, to: number): number[] {
  const luxonZone = IANAZone.create(zone);
  const changes: number[] = [];
  const week = 7 * 86_400_000;
  for (let t = from; t < to; t += week) {
    if (luxonZone.offset(t) === luxonZone.offset(t + week)) continue;
    let [lo, hi] = [t, t + week];
    while (hi - lo > MS_PER_MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (luxonZone.offset(mid) === luxonZone.offset(lo)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
}

/** The changes of recent and coming years in every zone, and Kathmandu's move to +5:45. */
const CHANGES = [
  ...ZONES.flatMap((zone) => changesOf(zone, Date.UTC(2020, 0, 1), Date.UTC(2032, 0, 1)).map((at) => ({ zone, at }))),
  ...changesOf('Asia/Kathmandu', Date.UTC(1985, 11, 1), Date.UTC(1986, 1, 1)).map((at) => ({ zone: 'Asia/Kathmandu', at })),
];

/**
 * The wall times to check around a change: every quarter hour within two hours of it, every hour
 * of its date, and the start and end of the dates either side (which a window crossing midnight
 * reaches into); 1440 is the next date's start.
 */
function wallTimesAround(change: { zone: string; at: number }) {
  const changeDay = localDateOf(change.at, change.zone);
  const local = DateTime.fromMillis(change.at, { zone: change.zone });
  const changeMinute = local.hour * 60 + local.minute - ((local.hour * 60 + local.minute) % 15);
  const times: { date: { year: number; month: number; day: number }; minuteOfDay: number }[] = [];
  for (let minuteOfDay = Math.max(0, changeMinute - 120); minuteOfDay <= Math.min(1440, changeMinute + 120); minuteOfDay += 15) times.push({ date: changeDay, minuteOfDay });
  for (let minuteOfDay = 0; minuteOfDay <= 1440; minuteOfDay += 60) times.push({ date: changeDay, minuteOfDay });
  for (const date of [nextDate(changeDay, -1), nextDate(changeDay, 1)]) times.push({ date, minuteOfDay: 0 }, { date, minuteOfDay: 1440 });
  return times;
}

const instantArb = fc.integer({ min: FROM / MS_PER_MINUTE, max: TO / MS_PER_MINUTE - 1 }).map((minute) => minute * MS_PER_MINUTE);
const zoneArb = fc.constantFrom(...ZONES);

describe('the zone clock, against luxon', () => {
  it('reads every instant as luxon does, offset and wall clock', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 59_999 }), zoneArb, (minuteMs, ms, zone) => {
        const t = minuteMs + ms;
        const theirs = DateTime.fromMillis(t, { zone });
        expect(zoneOffset(t, zone)).toBe(IANAZone.create(zone).offset(t));
        const c = wallClockAt(t, zone);
        expect([c.year, c.month, c.day, c.hour, c.minute, c.second]).toEqual([theirs.year, theirs.month, theirs.day, theirs.hour, theirs.minute, theirs.second]);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns random wall times into the instants luxon gave', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 1440 }), zoneArb, (t, minuteOfDay, zone) => {
        const date = localDateOf(t, zone);
        expect(instantOfWallTime(date, minuteOfDay, zone)).toBe(luxonInstantOf(date, minuteOfDay, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns the wall times around each offset change into the instants luxon gave', () => {
    let checked = 0;
    for (const change of CHANGES) {
      for (const { date, minuteOfDay } of wallTimesAround(change)) {
        expect(instantOfWallTime(date, minuteOfDay, change.zone), `${change.zone} ${isoOf(date)} +${minuteOfDay}`).toBe(luxonInstantOf(date, minuteOfDay, change.zone));
        checked++;
      }
    }
    expect(CHANGES.length).toBeGreaterThan(150);
    expect(checked).toBeGreaterThan(8_000);
  });

  it('bounds each day by its first instant and the next day’s, where luxon’s startOf("day") did unless it took the second of two midnights', () => {
    // luxon reads a repeated midnight with the offset in force today, so it may take the second;
    // where it differs, both must read as that midnight and ours is the first.
    const luxonStartOf = (iso: string, zone: string, plusDays = 0) =>
      Math.floor(DateTime.fromISO(iso, { zone }).plus({ days: plusDays }).startOf('day').toMillis() / MS_PER_MINUTE);
    const expectFirstMidnight = (ours: number, theirs: number, zone: string, label: string) => {
      if (theirs === ours) return;
      expect(theirs, label).toBeGreaterThan(ours);
      for (const instant of [ours, theirs]) expect(DateTime.fromMillis(instant * MS_PER_MINUTE, { zone }).toFormat('HH:mm'), label).toBe('00:00');
    };
    for (const change of CHANGES) {
      const changeDay = localDateOf(change.at, change.zone);
      for (const date of [nextDate(changeDay, -1), changeDay, nextDate(changeDay, 1)]) {
        const iso = isoOf(date);
        const { start, end } = zoneDayBounds(iso, change.zone);
        expect(start, `${change.zone} ${iso}`).toBe(luxonInstantOf(date, 0, change.zone));
        expect(end, `${change.zone} ${iso} end`).toBe(luxonInstantOf(date, 1440, change.zone));
        expectFirstMidnight(start, luxonStartOf(iso, change.zone), change.zone, `${change.zone} ${iso}`);
        expectFirstMidnight(end, luxonStartOf(iso, change.zone, 1), change.zone, `${change.zone} ${iso} end`);
      }
    }
  });

  it('moves a skipped time forward and takes the first of a repeated one', () => {
    // London, 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not exist and reads as 02:30 BST.
    expect(new Date(instantOfWallTime({ year: 2026, month: 3, day: 29 }, 90, 'Europe/London') * MS_PER_MINUTE).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // New York, 1 November 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(new Date(instantOfWallTime({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York') * MS_PER_MINUTE).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Lord Howe, 5 April 2026: 02:00 (+11) becomes 01:30 (+10:30); 01:45 happens first at 14:45Z.
    expect(new Date(instantOfWallTime({ year: 2026, month: 4, day: 5 }, 105, 'Australia/Lord_Howe') * MS_PER_MINUTE).toISOString()).toBe('2026-04-04T14:45:00.000Z');
  });
});
