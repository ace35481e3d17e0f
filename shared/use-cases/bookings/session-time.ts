import { isOffered } from '../../domain/availability/available-slots';
import { weekKeyOf } from '../../domain/availability/local-week';
import type { Booking } from '../../domain/bookings/booking';
import { conflict, invalidField } from '../../domain/errors';
import { findPackage, type SessionPackage } from '../../domain/programs/packages';
import type { Program } from '../../domain/programs/program';
import type { Schedule } from '../../domain/schedules/schedule';
import { toEpochMinutes } from '../../domain/time/instant';
import type { CalendarBusy } from '../../data/busy-time';
import { LONGEST_BLOCK_MINUTES, type CalendarSession } from '../../data/coach-calendar-repository';
import { sessionLabel } from '../../emails/session-content';
import type { BookingScope } from './booking-deps';

/** The refusals of booking and moving sessions, worded once. */
export const slotUnavailable = () => conflict('slot_unavailable', 'That time is not available (any more). Pick another from the current availability.');
export const weeklyLimitReached = (perWeek: number) =>
  conflict('weekly_limit_reached', `This package allows ${perWeek} session${perWeek === 1 ? '' : 's'} per week, and that week is full. Pick a time in another week.`);
export const packageLimitReached = () => conflict('package_limit_reached', 'Every session of this package is booked or used.');

/** The package a request names, or 400 on `field` listing what the program offers. */
export function requirePackage(program: Program, packageId: string, field: string): SessionPackage {
  const pkg = findPackage(program, packageId);
  if (!pkg) throw invalidField(field, `This program offers: ${program.quickCheckIns ? 'coaching, quick_check_in' : 'coaching'}.`);
  return pkg;
}

/** Where a session sits: its times, and the week it counts against (if its package caps weeks). */
export interface SessionTime {
  start: number;
  end: number;
  /** The end plus the schedule's buffer: what the time locks cover. */
  blockedUntil: number;
  weekKey: string | null;
}

/** Weeks are counted Monday to Sunday in the schedule's zone, and only for packages with a weekly cap. */
export const countedWeek = (pkg: Pick<SessionPackage, 'perWeek'> | undefined, start: number, schedule: Pick<Schedule, 'timeZone'>) =>
  pkg?.perWeek !== undefined ? weekKeyOf(start, schedule.timeZone) : null;

export function sessionTime(pkg: Pick<SessionPackage, 'perWeek'> | undefined, schedule: Schedule, start: number, durationMinutes: number): SessionTime {
  const end = start + durationMinutes;
  return { start, end, blockedUntil: end + schedule.bufferMinutes, weekKey: countedWeek(pkg, start, schedule) };
}

/** The span of the coach's calendar to read with a booking's context, for a session starting at `start`. */
export const busyAround = (start: number) => ({ from: start - 1440, to: start + LONGEST_BLOCK_MINUTES + 1440 });

/**
 * A time for a session, if the schedule and the coach's own calendar offer it (window, step,
 * notice, the stored busy time read with the context); else 409 `slot_unavailable`. Other sessions
 * are not read: the time locks of the transaction decide those, race-free.
 */
export function requireOfferedTime(
  busy: CalendarBusy,
  scope: Pick<BookingScope, 'schedule'>,
  pkg: Pick<SessionPackage, 'perWeek'> | undefined,
  start: number,
  durationMinutes: number,
  nowMs: number,
): SessionTime {
  const time = sessionTime(pkg, scope.schedule, start, durationMinutes);
  const offered = isOffered(
    { schedule: scope.schedule, now: toEpochMinutes(nowMs), durationMinutes, sessions: [], events: busy.events, usedByWeek: new Map(), remaining: 1 },
    start,
  );
  if (!offered) throw slotUnavailable();
  return time;
}

/** A session's entry in the coach's calendar (busy time for every program, and the coach's feed). */
export function calendarEntryFor(booking: Booking, program: Pick<Program, 'name' | 'client'>, nowMs: number): CalendarSession {
  return {
    id: booking.bookingId,
    kind: 'session',
    orgId: booking.orgId,
    programId: booking.programId,
    start: booking.start,
    end: booking.end,
    blockedUntil: booking.blockedUntil,
    sequence: booking.sequence,
    summary: `${sessionLabel(booking)} with ${program.client?.displayName || program.client?.email || 'client'} (${program.name})`,
    changedAt: nowMs,
  };
}
