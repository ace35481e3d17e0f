import { wallClockAt } from './zone-clock';

/**
 * The calendar date an instant falls on in an IANA zone, through Intl rather than luxon (see
 * zone-clock.ts): functions that need nothing more of a zone (reviews' stats, programs' today) do
 * not load luxon at cold start.
 */
export interface ZoneDate {
  year: number;
  month: number;
  day: number;
}

export function zoneDateOf(epochMs: number, zone: string): ZoneDate {
  const { year, month, day } = wallClockAt(epochMs, zone);
  return { year, month, day };
}

/** The same date as YYYY-MM-DD. */
export function zoneDayOf(epochMs: number, zone: string): string {
  const { year, month, day } = zoneDateOf(epochMs, zone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
