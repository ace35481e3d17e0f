import { DEFAULT_SCHEDULE_SETTINGS, type ScheduleRules } from '../schedules/schedule';
import { mergeIntervals, type Interval } from '../time/interval';
import { expandWindows } from './expand-windows';

export interface AvailabilityQuery {
  schedule: Pick<ScheduleRules, 'timeZone' | 'weekly' | 'overrides' | 'bufferMinutes' | 'minimumNoticeMinutes' | 'slotIntervalMinutes'> &
    Partial<Pick<ScheduleRules, 'bookingHorizonDays'>>;
  /** Slots starting in [from, to), epoch minutes. */
  from: number;
  to: number;
  now: number;
  durationMinutes: number;
  /** The coach's sessions and held slots in any program, each up to the end of its own buffer. */
  sessions: readonly Interval[];
  /** Events of the coach's own calendar, as they are; the buffer is kept clear around them here. */
  events: readonly Interval[];
  /** Bookings allowed per week (Mon–Sun, schedule's zone); absent = no weekly cap. */
  perWeek?: number;
  /** Bookings already made per week key. */
  usedByWeek: ReadonlyMap<string, number>;
  /** How many more the package allows. */
  remaining: number;
}

/**
 * The slots a client may book. A slot starts on a step of `slotIntervalMinutes` from its window's
 * start, lies inside the window (or runs on into one that touches it, across midnight), starts at
 * least `minimumNoticeMinutes` from now and at most `bookingHorizonDays` ahead (default 90), and — holding its
 * time plus the buffer after it — overlaps no session, held slot or calendar event (events count
 * with the buffer after them, so the gap is kept on both sides). Weeks that reached their cap and
 * packages used up offer nothing.
 *
 * Integer epoch minutes throughout; windows and busy time are each sorted once and swept together:
 * O((W + B) log(W + B) + S) for W windows, B busy intervals and S candidate starts.
 */
export function availableSlots(query: AvailabilityQuery): Interval[] {
  if (query.remaining <= 0) return [];
  const { bufferMinutes, minimumNoticeMinutes, slotIntervalMinutes } = query.schedule;
  const earliest = Math.max(query.from, query.now + minimumNoticeMinutes);
  const latest = Math.min(query.to, query.now + (query.schedule.bookingHorizonDays ?? DEFAULT_SCHEDULE_SETTINGS.bookingHorizonDays) * 1440 + 1);
  if (latest <= earliest) return [];
  const busy = mergeIntervals([...query.sessions, ...query.events.map((e) => ({ start: e.start, end: e.end + bufferMinutes }))]);
  const occupied = query.durationMinutes + bufferMinutes;

  const slots: Interval[] = [];
  let cursor = 0; // first busy interval that may still matter: busy ends only grow as starts grow
  for (const window of expandWindows(query.schedule, query.from, query.to)) {
    if (query.perWeek !== undefined && (query.usedByWeek.get(window.week) ?? 0) >= query.perWeek) continue;
    // Step from the window's start to the first start at or after the earliest allowed.
    const skip = earliest > window.start ? Math.ceil((earliest - window.start) / slotIntervalMinutes) : 0;
    // A start lies in its own window; the session may run on into a window that touches it.
    for (let start = window.start + skip * slotIntervalMinutes; start < window.end && start + query.durationMinutes <= window.reach && start < latest; start += slotIntervalMinutes) {
      while (cursor < busy.length && (busy[cursor]?.end ?? 0) <= start) cursor++;
      const next = busy[cursor];
      if (next && next.start < start + occupied) {
        // Jump past the busy interval instead of testing every step inside it.
        const steps = Math.max(1, Math.ceil((next.end - start) / slotIntervalMinutes));
        if (next.end > start) start += (steps - 1) * slotIntervalMinutes;
        continue;
      }
      slots.push({ start, end: start + query.durationMinutes });
    }
  }
  return slots;
}

/** Whether one start is among the offered slots (the same rules, looked at around that start only). */
export function isOffered(query: Omit<AvailabilityQuery, 'from' | 'to'>, start: number): boolean {
  return availableSlots({ ...query, from: start, to: start + 1 }).some((slot) => slot.start === start);
}
