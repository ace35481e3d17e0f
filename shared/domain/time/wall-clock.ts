/**
 * Wall-clock values as the product stores them: `HH:mm` times of day, `YYYY-MM-DD` dates and IANA
 * zone names. Inside, times of day are whole minutes after local midnight (0..1440).
 */
export const MINUTES_PER_DAY = 1440;

/** Every time of day, buffer and slot step lies on this grid, so time locks can be exact 5-minute blocks. */
export const GRID_MINUTES = 5;

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** `09:30` → 570; `24:00` → 1440 (only meaningful as an end); anything else → null. */
export function parseTimeOfDay(value: string): number | null {
  const match = HH_MM.exec(value);
  if (!match) return null;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * An IANA zone name such as `Europe/London` (or `UTC`) that this runtime's time zone database knows.
 * Abbreviations like `EST` are refused: they do not follow daylight saving rules.
 */
export function isValidZone(zone: string): boolean {
  if (zone !== 'UTC' && !zone.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` (no 2026-02-30). */
export function isValidDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
