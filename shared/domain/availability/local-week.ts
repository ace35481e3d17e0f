import { zoneDateOf } from '../time/zone-day';

/**
 * Weekly caps count Monday-to-Sunday weeks in the schedule's zone. A week is named by its ISO
 * week-year and number, e.g. `2026-W49`, which sorts and reads well in keys.
 */

/** The ISO week of a calendar date: the week (Monday first) whose Thursday is in the week-year. */
export function isoWeekKey(year: number, month: number, day: number): string {
  const date = Date.UTC(year, month - 1, day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date + (3 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The week an instant (epoch minutes) falls in, in `zone`. */
export function weekKeyOf(epochMinute: number, zone: string): string {
  const { year, month, day } = zoneDateOf(epochMinute * 60_000, zone);
  return isoWeekKey(year, month, day);
}

const MINUTES_PER_DAY = 1440;

/**
 * Every week that some zone's local dates between two instants can fall in. Local dates are within
 * a day of UTC dates, so walking UTC dates with a day's margin on each side finds them all, without
 * knowing the zone yet (the zone comes with the schedule, read in the same request).
 */
export function weekKeysAround(fromMinute: number, toMinute: number): string[] {
  const keys = new Set<string>();
  const lastDay = Math.floor(toMinute / MINUTES_PER_DAY) + 1;
  for (let day = Math.floor(fromMinute / MINUTES_PER_DAY) - 1; day <= lastDay; day++) {
    const date = new Date(day * MINUTES_PER_DAY * 60_000);
    keys.add(isoWeekKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  return [...keys];
}
