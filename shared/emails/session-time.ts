import { DateTime } from 'luxon';

/** "Tuesday 1 December 2026, 10:00–11:00 (Europe/London)": a session's time in one reader's zone. */
export function sessionTime(start: number, end: number, zone: string): string {
  const from = DateTime.fromMillis(start * 60_000, { zone });
  const to = DateTime.fromMillis(end * 60_000, { zone });
  const sameDay = from.toISODate() === to.toISODate();
  return `${from.toFormat('cccc d LLLL yyyy, HH:mm')}–${to.toFormat(sameDay ? 'HH:mm' : 'cccc d LLLL, HH:mm')} (${zone})`;
}

/** "Tue 1 Dec, 10:00": short enough for a subject line. */
export const shortTime = (start: number, zone: string) => DateTime.fromMillis(start * 60_000, { zone }).toFormat('ccc d LLL, HH:mm');

/** "Tuesday 1 December 2026, 10:00 (Europe/London)": one moment in a reader's zone. */
export const momentTime = (minute: number, zone: string) => `${DateTime.fromMillis(minute * 60_000, { zone }).toFormat('cccc d LLLL yyyy, HH:mm')} (${zone})`;
