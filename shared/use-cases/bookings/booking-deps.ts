import { ownEntry } from '../../domain/own-entry';
import type { BookingContext, loadBookingContext } from '../../data/booking-context';
import type { BookingsRepository } from '../../data/bookings-repository';
import type { CalendarBusy } from '../../data/busy-time';
import type { CoachCalendarRepository } from '../../data/coach-calendar-repository';
import type { OutboxRepository } from '../../data/outbox-repository';
import type { RescheduleRequestsRepository } from '../../data/reschedule-requests-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import type { Booking } from '../../domain/bookings/booking';
import { conflict, notFound } from '../../domain/errors';
import { syncSchedules, type OutboxEffect } from '../../domain/outbox/outbox-entry';
import type { Org } from '../../domain/orgs/org';
import type { Program } from '../../domain/programs/program';
import type { Schedule } from '../../domain/schedules/schedule';
import { sessionParties, type SessionLinks } from './session-parties';
import type { SessionParties } from '../../emails/session-content';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import type { CountingDeps } from '../analytics/count-sessions';
import { roleIn, type ProgramRole } from '../programs/access';

export interface BookingDeps extends CountingDeps {
  /** One BatchGetItem: org, program, booking and counters (see loadBookingContext). */
  context: (ref: Parameters<typeof loadBookingContext>[1]) => Promise<BookingContext>;
  bookings: BookingsRepository;
  requests: Pick<RescheduleRequestsRepository, 'newRequestItem' | 'settleItem' | 'list'>;
  calendar: CoachCalendarRepository;
  outbox: Pick<OutboxRepository, 'newEntryItem'>;
  transaction: () => WriteTransaction;
  clock: Clock;
  links: SessionLinks;
  newId?: () => string;
}

/** What changes a session. (Finding a time needs nothing more: the calendar's busy time is read with the context.) */
export type SessionDeps = BookingDeps;

export type ProgramRef = { orgId: string; programId: string };

export interface BookingScope {
  org: Org;
  program: Program;
  schedule: Schedule;
  role: ProgramRole;
}

/** The org, program and schedule of the records just read, when all three exist. */
export function scopeOf(ctx: BookingContext): Omit<BookingScope, 'role'> | null {
  const schedule = ctx.org && ctx.program ? ownEntry(ctx.org.schedules, ctx.program.scheduleId) : undefined;
  return ctx.org && ctx.program && schedule ? { org: ctx.org, program: ctx.program, schedule } : null;
}

/** The caller's role in the program from the records just read; anyone without one gets 404. */
export function requireScope(ctx: BookingContext, caller: Caller): BookingScope {
  const scope = scopeOf(ctx);
  const role = scope ? roleIn(scope.program, caller) : null;
  if (!scope || !role) throw notFound();
  return { ...scope, role };
}

/** The booking named in a route, with the caller's scope in its program; 404 for anything else. */
export async function loadBooking(
  deps: Pick<BookingDeps, 'context'>,
  caller: Caller,
  ref: ProgramRef,
  bookingId: string,
  busy?: { from: number; to: number },
): Promise<BookingScope & { booking: Booking; busy: CalendarBusy }> {
  const ctx = await deps.context({ ...ref, bookingId, busy });
  const scope = requireScope(ctx, caller);
  if (!ctx.booking) throw notFound();
  return { ...scope, booking: ctx.booking, busy: ctx.busy };
}

/** Only a confirmed session can still be changed. */
export function requireConfirmed(booking: Booking): void {
  if (booking.status !== 'confirmed') throw conflict('booking_not_active', `This session is already ${booking.status.replace('_', '-')}.`);
}

/** The people, branding and join links a session's emails speak of; each reader gets their own zone. */
export const partiesOf = (deps: Pick<BookingDeps, 'links'>, scope: Pick<BookingScope, 'org' | 'program' | 'schedule'>, booking: Pick<Booking, 'orgId' | 'programId' | 'bookingId'>): Promise<SessionParties> =>
  sessionParties(deps.links, scope, booking);

/** The outbox effect that brings a session's reminder and no-show schedules in line with the session as written. */
export const syncSessionSchedules = (booking: Pick<Booking, 'orgId' | 'programId' | 'bookingId'>): OutboxEffect =>
  syncSchedules({ kind: 'session', orgId: booking.orgId, programId: booking.programId, bookingId: booking.bookingId });
