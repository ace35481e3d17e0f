import type { ScheduleRules, TimeWindow } from '../schedules/schedule';
import { parseTimeOfDay, WEEKDAYS } from '../time/wall-clock';
import { instantOfWallTime, zoneOffset } from '../time/zone-clock';
import { isoWeekKey } from './local-week';

/** A window of availability as instants (epoch minutes), with the local week it belongs to. */
export interface OpenWindow {
  start: number;
  end: number;
  week: string;
  /**
   * How far a session that starts in this window may run: its end, or further when the next
   * date's window opens exactly there (a schedule open until 24:00 and again from 00:00).
   */
  reach: number;
}

const MINUTES_PER_DAY = 1440;
/** No zone is further than 14 hours from UTC. */
const MAX_OFFSET = 14 * 60;

/**
 * Turns wall-clock windows into instants, one local date at a time in the schedule's zone, so
 * daylight-saving days come out right: a window that crosses a change is an hour shorter or longer,
 * a time that happens twice is its first occurrence, a time that never happens moves forward with
 * the clocks. A date's override replaces that date's weekly windows. Returned in time order.
 *
 * Windows of one date that touch or overlap are one window (10:00–12:00 and 12:00–17:00 offer
 * 11:30 like 10:00–17:00 would). Across midnight each date keeps its own windows, so its slot
 * starts still step from its own first window, but a window that runs into the next date's
 * window reaches on to that one's end: a session may cross midnight.
 *
 * Dates are walked with integer arithmetic; the zone's offset is looked up twice per date, and the
 * full conversion runs only on the rare dates whose offset changes.
 */
export function expandWindows(schedule: Pick<ScheduleRules, 'timeZone' | 'weekly' | 'overrides'>, from: number, to: number): OpenWindow[] {
  const offsetAt = (minute: number) => zoneOffset(minute * 60_000, schedule.timeZone);
  const overrides = new Map(schedule.overrides.map((o) => [o.date, o.intervals.map(toMinutes)]));
  const weekly = new Map(WEEKDAYS.map((day) => [day, schedule.weekly.filter((w) => w.day === day).map(toMinutes)]));

  const windows: OpenWindow[] = [];
  // Local dates are named by their midnight "as if UTC" (epoch minutes of Date.UTC(y, m, d)).
  const firstDay = Math.floor((from + offsetAt(from)) / MINUTES_PER_DAY) - 1;
  // One more date than the range needs, so a window near `to` knows how far it reaches.
  const lastDay = Math.floor((to + offsetAt(to)) / MINUTES_PER_DAY) + 2;
  for (let day = firstDay; day <= lastDay; day++) {
    const wallMidnight = day * MINUTES_PER_DAY;
    const date = new Date(wallMidnight * 60_000);
    const isoDate = date.toISOString().slice(0, 10);
    const spans = overrides.get(isoDate) ?? weekly.get(WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? 'mon') ?? [];
    if (spans.length === 0) continue;
    const week = isoWeekKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    const before = offsetAt(wallMidnight - MAX_OFFSET);
    const after = offsetAt(wallMidnight + MINUTES_PER_DAY + MAX_OFFSET);
    const localDate = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    const dayWindows: OpenWindow[] = [];
    for (const span of spans) {
      const start = before === after ? wallMidnight + span.start - before : instantOfWallTime(localDate, span.start, schedule.timeZone);
      const end = before === after ? wallMidnight + span.end - before : instantOfWallTime(localDate, span.end, schedule.timeZone);
      if (end > start) dayWindows.push({ start, end, week, reach: end });
    }
    windows.push(...joinTouching(dayWindows));
  }
  windows.sort((a, b) => a.start - b.start);
  // Reaches are chained from the last window back: each extends into the next if they touch.
  for (let i = windows.length - 2; i >= 0; i--) {
    const window = windows[i] as OpenWindow;
    const next = windows[i + 1] as OpenWindow;
    if (next.start <= window.end) window.reach = Math.max(window.end, next.reach);
  }
  return windows.filter((w) => w.end > from && w.start < to);
}

/** One date's windows in time order, those that touch or overlap joined into one. */
function joinTouching(dayWindows: OpenWindow[]): OpenWindow[] {
  const joined: OpenWindow[] = [];
  for (const window of dayWindows.sort((a, b) => a.start - b.start)) {
    const last = joined[joined.length - 1];
    if (last && window.start <= last.end) {
      last.end = Math.max(last.end, window.end);
      last.reach = last.end;
    } else joined.push(window);
  }
  return joined;
}

const toMinutes = (w: TimeWindow) => ({ start: parseTimeOfDay(w.start) ?? 0, end: parseTimeOfDay(w.end) ?? 0 });
