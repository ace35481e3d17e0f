import type { ErrorDetail } from '../errors';
import { GRID_MINUTES, parseTimeOfDay, type Weekday } from '../time/wall-clock';

/**
 * A coach's availability: weekly wall-clock windows in one IANA zone, plus date overrides that
 * replace a whole date's windows (no intervals = a day off).
 */
export interface TimeWindow {
  start: string;
  end: string;
}
export interface WeeklyWindow extends TimeWindow {
  day: Weekday;
}
export interface DateOverride {
  date: string;
  intervals: TimeWindow[];
}

export interface ScheduleRules {
  name: string;
  timeZone: string;
  weekly: WeeklyWindow[];
  overrides: DateOverride[];
  bufferMinutes: number;
  minimumNoticeMinutes: number;
  slotIntervalMinutes: number;
  /** How far ahead a session may be booked, in days from now. */
  bookingHorizonDays: number;
}

export interface Schedule extends ScheduleRules {
  scheduleId: string;
  createdAt: string;
  updatedAt: string;
  /** Rises on every change; writes are conditional on the version that was read. */
  version: number;
}

/**
 * An org's schedules live inside the org item, which DynamoDB caps at 400 KB. These limits keep the
 * fullest possible org under 300 KB (a test holds them to it); past overrides are dropped on every
 * change, so 60 is about the dates still ahead.
 */
export const SCHEDULE_LIMITS = {
  schedulesPerOrg: 20,
  weeklyWindows: 28,
  overrides: 60,
  intervalsPerOverride: 4,
  bufferMinutes: { min: 0, max: 120 },
  /** Thirty days. */
  minimumNoticeMinutes: { min: 0, max: 43_200 },
  slotIntervalMinutes: { min: 5, max: 240 },
  bookingHorizonDays: { min: 1, max: 365 },
} as const;

export const DEFAULT_SCHEDULE_SETTINGS = { bufferMinutes: 0, minimumNoticeMinutes: 0, slotIntervalMinutes: 30, bookingHorizonDays: 90 } as const;

/**
 * Rules that span fields (start before end, no overlapping windows, one override per date).
 * Field formats are checked at the edge; this runs on the complete schedule, also after a PATCH.
 */
export function scheduleRuleViolations(rules: Pick<ScheduleRules, 'weekly' | 'overrides'>): ErrorDetail[] {
  const details: ErrorDetail[] = [];

  const byDay = new Map<Weekday, { index: number; start: number; end: number }[]>();
  rules.weekly.forEach((window, index) => {
    const span = checkWindow(window, `weekly.${index}`, details);
    if (!span) return;
    const list = byDay.get(window.day) ?? [];
    list.push({ index, ...span });
    byDay.set(window.day, list);
  });
  for (const [day, spans] of byDay) {
    for (const clash of overlaps(spans)) {
      details.push({ field: `weekly.${clash}`, message: `Overlaps another ${day} window.` });
    }
  }

  const seenDates = new Set<string>();
  rules.overrides.forEach((override, i) => {
    if (seenDates.has(override.date)) details.push({ field: `overrides.${i}.date`, message: 'This date already has an override.' });
    seenDates.add(override.date);
    const spans: { index: number; start: number; end: number }[] = [];
    override.intervals.forEach((interval, j) => {
      const span = checkWindow(interval, `overrides.${i}.intervals.${j}`, details);
      if (span) spans.push({ index: j, ...span });
    });
    for (const clash of overlaps(spans)) {
      details.push({ field: `overrides.${i}.intervals.${clash}`, message: 'Overlaps another interval of this date.' });
    }
  });
  return details;
}

function checkWindow(window: TimeWindow, field: string, details: ErrorDetail[]): { start: number; end: number } | null {
  const start = parseTimeOfDay(window.start);
  const end = parseTimeOfDay(window.end);
  if (start === null || end === null) return null; // format errors are reported at the edge
  if (start === 1440) {
    details.push({ field: `${field}.start`, message: 'A window cannot start at 24:00.' });
    return null;
  }
  if (start >= end) {
    details.push({ field: `${field}.end`, message: 'The end must be after the start.' });
    return null;
  }
  if (start % GRID_MINUTES !== 0 || end % GRID_MINUTES !== 0) {
    details.push({ field, message: `Times must fall on a ${GRID_MINUTES}-minute boundary.` });
    return null;
  }
  return { start, end };
}

/** Indexes of windows that overlap an earlier one (touching end-to-start is fine). */
function overlaps(spans: { index: number; start: number; end: number }[]): number[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const clashes: number[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.start < reach) clashes.push(span.index);
    reach = Math.max(reach, span.end);
  }
  return clashes;
}
