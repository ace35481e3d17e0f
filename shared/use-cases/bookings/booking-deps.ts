import type { CalendarFeeds } from '../../adapters/calendar/calendar-feeds';
import type { BookingContext, loadBookingContext } from '../../data/booking-context';
import type { BookingsRepository } from '../../data/bookings-repository';
import type { CoachCalendarRepository } from '../../data/coach-calendar-repository';
import type { OutboxRepository } from '../../data/outbox-repository';
import type { RescheduleRequestsRepository } from '../../data/reschedule-requests-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import type { Booking } from '../../domain/bookings/booking';
import { conflict, notFound } from '../../domain/errors';
import { scheduleOf, type Org } from '../../domain/orgs/org';
import type { Program } from '../../domain/programs/program';
import type { Schedule } from '../../domain/schedules/schedule';
import type { Interval } from '../../domain/time/interval';
import type { SessionParties } from '../../emails/booking-emails';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { log } from '../../runtime/log';
import { roleIn, type ProgramRole } from '../programs/access';

export interface BookingDeps {
  /** One BatchGetItem: org, program, booking and counters (see loadBookingContext). */
  context: (ref: Parameters<typeof loadBookingContext>[1]) => Promise<BookingContext>;
  bookings: BookingsRepository;
  requests: Pick<RescheduleRequestsRepository, 'newRequestItem' | 'settleItem' | 'list'>;
  calendar: CoachCalendarRepository;
  feeds: Pick<CalendarFeeds, 'busy'>;
  outbox: Pick<OutboxRepository, 'newEntryItem'>;
  transaction: () => WriteTransaction;
  clock: Clock;
  appUrl: string;
  newId?: () => string;
}

/** What changes a session without looking for a new time in the coach's calendar feed. */
export type SessionDeps = Omit<BookingDeps, 'feeds'>;

export type ProgramRef = { orgId: string; programId: string };

export interface BookingScope {
  org: Org;
  program: Program;
  schedule: Schedule;
  role: ProgramRole;
}

/** The org, program and schedule of the records just read, when all three exist. */
export function scopeOf(ctx: BookingContext): Omit<BookingScope, 'role'> | null {
  const schedule = ctx.org && ctx.program ? scheduleOf(ctx.org, ctx.program.scheduleId) : undefined;
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
export async function loadBooking(deps: Pick<BookingDeps, 'context'>, caller: Caller, ref: ProgramRef, bookingId: string): Promise<BookingScope & { booking: Booking }> {
  const ctx = await deps.context({ ...ref, bookingId });
  const scope = requireScope(ctx, caller);
  if (!ctx.booking) throw notFound();
  return { ...scope, booking: ctx.booking };
}

/** Only a confirmed session can still be changed. */
export function requireConfirmed(booking: Booking): void {
  if (booking.status !== 'confirmed') throw conflict('booking_not_active', `This session is already ${booking.status.replace('_', '-')}.`);
}

/** The people and zones a session's emails speak of: each reader gets times in their own zone. */
export function partiesOf(scope: Pick<BookingScope, 'org' | 'program' | 'schedule'>, appUrl: string): SessionParties {
  const { org, program, schedule } = scope;
  return {
    orgName: org.name,
    programName: program.name,
    coachEmail: org.coachEmail,
    clientEmail: program.client?.email ?? '',
    coachZone: org.timeZone,
    clientZone: program.client?.timeZone ?? schedule.timeZone,
    meetingUrl: org.meetingUrl,
    appUrl,
  };
}

/**
 * Busy time from the coach's connected calendar. If the feed cannot be read and no recent copy
 * exists, booking goes on without it (a coach's calendar server being down must not stop their
 * clients booking), and the answer says the calendar was not checked.
 */
export async function calendarBusy(deps: Pick<BookingDeps, 'feeds'>, org: Org, from: number, to: number): Promise<{ events: Interval[]; checked: boolean }> {
  if (!org.calendar) return { events: [], checked: true };
  try {
    return { events: await deps.feeds.busy(org.calendar.icsUrl, from, to, org.timeZone), checked: true };
  } catch (error) {
    log.warn('Calendar feed unavailable; slots not checked against it', { orgId: org.orgId, error: error as Error });
    return { events: [], checked: false };
  }
}
