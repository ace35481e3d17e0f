import { availableSlots, type AvailabilityQuery } from '../../domain/availability/available-slots';
import { weekKeysAround } from '../../domain/availability/local-week';
import { invalidField } from '../../domain/errors';
import { minutesToInstant, toEpochMinutes } from '../../domain/time/instant';
import type { Caller } from '../../http/http-event';
import { requireScope, type BookingDeps, type ProgramRef } from './booking-deps';
import { requirePackage } from './session-time';

export const MAX_RANGE_DAYS = 62;

/**
 * The slots the program's client can book, computed from at most two DynamoDB requests — one
 * BatchGetItem (org with its schedules, program, counters, and the stored busy time of the coach's
 * connected calendar) and one Query (the coach's sessions across all programs). Nothing is fetched.
 */
export async function getAvailability(deps: Pick<BookingDeps, 'context' | 'calendar' | 'clock'>, caller: Caller, ref: ProgramRef, query: { packageId: string; from: number; to: number }) {
  const { from, to } = requestedRange(query, MAX_RANGE_DAYS);
  const ctx = await deps.context({ ...ref, packageId: query.packageId, weeks: weekKeysAround(from, to), busy: { from: from - 1440, to: to + 1440 } });
  const { org, program, schedule } = requireScope(ctx, caller);
  const pkg = requirePackage(program, query.packageId, 'query.packageId');

  const slots = await freeSlots(deps, program.coachUserId, {
    schedule,
    from,
    to,
    durationMinutes: pkg.durationMinutes,
    events: ctx.busy.events,
    perWeek: pkg.perWeek,
    usedByWeek: ctx.usedByWeek,
    remaining: pkg.total - ctx.usage.used,
  });
  return {
    timeZone: schedule.timeZone,
    packageId: pkg.packageId,
    durationMinutes: pkg.durationMinutes,
    remaining: Math.max(0, pkg.total - ctx.usage.used),
    calendarChecked: ctx.busy.checked,
    calendar: { connected: org.calendar !== null, lastSyncedAt: org.calendar?.lastSyncedAt ?? null, lastSyncError: org.calendar?.lastSyncError ?? null },
    slots,
  };
}

/**
 * The range an availability request asks for, in epoch minutes (its end rounded up to a whole
 * minute). 400 when it is empty or longer than `maxDays` — checked before anything is read, since
 * the range decides how much is read.
 */
export function requestedRange(query: { from: number; to: number }, maxDays: number): { from: number; to: number } {
  const from = toEpochMinutes(query.from);
  const to = Math.ceil(query.to / 60_000);
  if (to <= from) throw invalidField('query.to', 'Must be after from.');
  if (to - from > maxDays * 1440) throw invalidField('query.to', `Ask for at most ${maxDays} days at a time.`);
  return { from, to };
}

/**
 * The free slots of a schedule over [from, to), as instants: the coach's sessions across all their
 * programs (one Query) and the busy time given are taken out, from the clock's now on.
 */
export async function freeSlots(deps: Pick<BookingDeps, 'calendar' | 'clock'>, coachUserId: string, query: Omit<AvailabilityQuery, 'now' | 'sessions'>) {
  const sessions = await deps.calendar.between(coachUserId, query.from, query.to);
  const slots = availableSlots({ ...query, now: toEpochMinutes(deps.clock.now()), sessions: sessions.map((s) => ({ start: s.start, end: s.blockedUntil })) });
  return slots.map((slot) => ({ start: minutesToInstant(slot.start), end: minutesToInstant(slot.end) }));
}
