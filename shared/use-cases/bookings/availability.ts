import { availableSlots } from '../../domain/availability/available-slots';
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
  const from = toEpochMinutes(query.from);
  const to = Math.ceil(query.to / 60_000);
  if (to <= from) throw invalidField('query.to', 'Must be after from.');
  if (to - from > MAX_RANGE_DAYS * 1440) throw invalidField('query.to', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);

  const ctx = await deps.context({ ...ref, packageId: query.packageId, weeks: weekKeysAround(from, to), busy: { from: from - 1440, to: to + 1440 } });
  const { org, program, schedule } = requireScope(ctx, caller);
  const pkg = requirePackage(program, query.packageId, 'query.packageId');

  const sessions = await deps.calendar.between(program.coachUserId, from, to);
  const slots = availableSlots({
    schedule,
    from,
    to,
    now: toEpochMinutes(deps.clock.now()),
    durationMinutes: pkg.durationMinutes,
    sessions: sessions.map((s) => ({ start: s.start, end: s.blockedUntil })),
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
    slots: slots.map((slot) => ({ start: minutesToInstant(slot.start), end: minutesToInstant(slot.end) })),
  };
}
