import { validationFailed } from '../errors';
import type { Schedule, ScheduleRules } from './schedule';
import { scheduleRuleViolations } from './schedule';
import { zoneDayOf } from '../time/zone-day';

/**
 * The schedule to store: rules checked as a whole, overrides sorted by date and those of dates
 * already past in the schedule's zone dropped, so the per-schedule limit stays about the future.
 */
export function buildSchedule(
  base: { scheduleId: string; createdAt: string; version: number },
  rules: ScheduleRules,
  nowMs: number,
  nowIso: string,
): Schedule {
  const violations = scheduleRuleViolations(rules);
  if (violations.length > 0) throw validationFailed(violations);
  const today = zoneDayOf(nowMs, rules.timeZone);
  return {
    scheduleId: base.scheduleId,
    name: rules.name,
    timeZone: rules.timeZone,
    weekly: rules.weekly.map(({ day, start, end }) => ({ day, start, end })),
    overrides: rules.overrides
      .filter((o) => o.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ date, intervals }) => ({ date, intervals: intervals.map(({ start, end }) => ({ start, end })) })),
    bufferMinutes: rules.bufferMinutes,
    minimumNoticeMinutes: rules.minimumNoticeMinutes,
    slotIntervalMinutes: rules.slotIntervalMinutes,
    bookingHorizonDays: rules.bookingHorizonDays,
    createdAt: base.createdAt,
    updatedAt: nowIso,
    version: base.version,
  };
}
