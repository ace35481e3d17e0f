/**
 * Wall clocks in IANA zones through Intl, the zone database the runtime already carries: the
 * offset in force at an instant, the wall-clock time an instant reads as, and the instant a
 * wall-clock time names. luxon does the same from the same Intl data; the booking, availability
 * and analytics paths use these instead so their functions do not load luxon's 70 KB at cold start
 * (see README, Cold starts). Tested against luxon across DST changes (test/unit/domain/zone-clock).
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTES_PER_DAY = 1440;
/** A zone's offset is looked up either side of a wall time by this much: more than any change. */
const AROUND_A_CHANGE = 3 * 60;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

/** What an instant (epoch ms) reads as on a clock in `zone`. */
export function wallClockAt(epochMs: number, zone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let beforeChrist = false;
  for (const part of formatFor(zone).formatToParts(epochMs)) {
    if (part.type === 'era') beforeChrist = part.value === 'BC' || part.value === 'B';
    else if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  if (beforeChrist) clock.year = 1 - clock.year;
  return clock;
}

/**
 * The zone's offset from UTC at an instant, in minutes (east positive), as luxon reckons it: the
 * wall clock read back as if UTC, less the instant to the whole second. Fractional only for the
 * local mean times of the 19th and early 20th centuries.
 */
export function zoneOffset(epochMs: number, zone: string): number {
  const c = wallClockAt(epochMs, zone);
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return (readAsUtc(c.year, c.month, c.day, c.hour * 60 + c.minute, c.second) - wholeSecond) / 60_000;
}

/** Epoch ms of a wall-clock time read as if UTC (unlike Date.UTC, years 0–99 are those years). */
function readAsUtc(year: number, month: number, day: number, minuteOfDay: number, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, minuteOfDay, second, 0);
  return date.getTime();
}

/**
 * The instant (epoch minutes) a wall-clock time names on a local date: `minuteOfDay` minutes after
 * midnight, 1440 being the next date's start. Across a change of offset a time that happens twice
 * is its first occurrence, and a time the clocks skip moves forward with them (02:30 on a night
 * that jumps from 02:00 to 03:00 is 03:30).
 */
export function instantOfWallTime(date: { year: number; month: number; day: number }, minuteOfDay: number, zone: string): number {
  if (minuteOfDay >= MINUTES_PER_DAY) {
    const next = new Date(readAsUtc(date.year, date.month, date.day + 1, 0));
    return instantOfWallTime({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, 0, zone);
  }
  const wall = readAsUtc(date.year, date.month, date.day, minuteOfDay) / 60_000;
  const offsetAt = (minute: number) => zoneOffset(minute * 60_000, zone);
  // The offsets in force around this wall time: the instant is within 14 hours of the wall time
  // read as UTC, and within an offset change of `guess`.
  const guess = wall - offsetAt(wall - offsetAt(wall));
  const offsets = [...new Set([offsetAt(guess - AROUND_A_CHANGE), offsetAt(guess), offsetAt(guess + AROUND_A_CHANGE)])];
  // Each offset whose instant reads back as this wall time names an occurrence: keep the first.
  const occurrences = offsets.map((offset) => wall - offset).filter((candidate) => offsetAt(candidate) === wall - candidate);
  if (occurrences.length > 0) return Math.floor(Math.min(...occurrences));
  // None: the clocks skip this time. Read with the offset from before the jump, it lands after it.
  return Math.floor(wall - Math.min(...offsets));
}

/**
 * A local date (`YYYY-MM-DD`) in `zone` as instants (epoch minutes): its first, and the next
 * date's first. 23 or 25 hours apart on the days the clocks change.
 */
export function zoneDayBounds(isoDate: string, zone: string): { start: number; end: number } {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { start: instantOfWallTime({ year, month, day }, 0, zone), end: instantOfWallTime({ year, month, day }, MINUTES_PER_DAY, zone) };
}
