import type { Booking } from '../../domain/bookings/booking';
import type { RescheduleRequest } from '../../domain/bookings/reschedule-policy';
import { expiryScheduleName } from '../../domain/bookings/session-schedules';
import { lockBlocks, moveBlocks } from '../../domain/bookings/time-locks';
import { findPackage } from '../../domain/programs/packages';
import { formatInstant } from '../../domain/time/instant';
import type { OutboxEffect } from '../../domain/outbox/outbox-entry';
import type { WriteTransaction } from '../../data/write-transaction';
import type { BookingDeps, BookingScope } from './booking-deps';
import { countMoved } from '../analytics/count-sessions';
import { calendarEntryFor, type SessionTime } from './session-time';

/**
 * Adds to `tx` everything that moves a session to a new time, atomically: the booking (new times,
 * next SEQUENCE), its calendar entry, its time locks (blocks it no longer needs released, new ones
 * taken), and the week counters when the session changes week. Returns the moved booking.
 *
 * With `hold`, the session's pending request goes at the same time (approved into its held time, or
 * withdrawn because the session moves elsewhere): blocks both need are handed over from the request
 * to the session, the request's other blocks are released, and its calendar entry removed — never
 * two operations on one lock item, which a transaction would refuse.
 */
export function addMove(
  deps: Pick<BookingDeps, 'bookings' | 'calendar' | 'stats'>,
  tx: WriteTransaction,
  scope: Pick<BookingScope, 'program' | 'org'>,
  booking: Booking,
  to: SessionTime,
  nowMs: number,
  hold?: RescheduleRequest,
): Booking {
  const moved: Booking = countMoved(deps, tx, booking, {
    ...booking,
    ...to,
    sequence: booking.sequence + 1,
    version: booking.version + 1,
    updatedAt: formatInstant(nowMs),
    pendingRequestId: null,
    clientJoinedAt: null,
    coachJoinedAt: null,
  }, scope.org.timeZone);
  const coach = booking.coachUserId;
  tx.add(deps.bookings.replaceBookingItem(moved, booking.version), 'booking')
    .add(deps.calendar.removeSessionItem(coach, booking.start, booking.bookingId), 'calendar')
    .add(deps.calendar.sessionItem(coach, calendarEntryFor(moved, scope.program, nowMs)), 'calendar');
  const { release, acquire } = moveBlocks({ start: booking.start, until: booking.blockedUntil }, { start: to.start, until: to.blockedUntil });
  const held = new Set(hold?.heldBlocks ?? []);
  const handedOver = acquire.filter((block) => held.has(block));
  const taken = acquire.filter((block) => !held.has(block));
  const heldLeftOver = [...held].filter((block) => !acquire.includes(block));
  // Giving back our own blocks fails only when the booking changed since our read: not a taken slot.
  for (const item of deps.calendar.releaseItems(coach, release, booking.bookingId)) tx.add(item, 'release');
  for (const item of deps.calendar.lockItems(coach, taken, booking.bookingId, to.blockedUntil)) tx.add(item, 'lock');
  if (hold) {
    for (const item of deps.calendar.transferItems(coach, handedOver, hold.requestId, booking.bookingId)) tx.add(item, 'hold');
    for (const item of deps.calendar.releaseItems(coach, heldLeftOver, hold.requestId)) tx.add(item, 'hold');
    tx.add(deps.calendar.removeSessionItem(coach, hold.proposedStart, hold.requestId), 'calendar');
  }
  if (booking.weekKey !== to.weekKey) {
    const counterRef = { orgId: booking.orgId, programId: booking.programId, packageId: booking.packageId };
    const perWeek = findPackage(scope.program, booking.packageId)?.perWeek;
    if (booking.weekKey) tx.add(deps.bookings.giveBackToWeekItem(counterRef, booking.weekKey), 'week');
    if (to.weekKey && perWeek !== undefined) tx.add(deps.bookings.takeFromWeekItem(counterRef, to.weekKey, perWeek), 'week');
  }
  return moved;
}

/**
 * Adds to `tx` what closes a pending request without moving the session (rejected, expired, or
 * withdrawn because the session moved or was cancelled): its held blocks and calendar entry go,
 * and its expiry schedule is no longer needed.
 */
export function addReleaseHold(deps: Pick<BookingDeps, 'calendar'>, tx: WriteTransaction, request: RescheduleRequest): OutboxEffect[] {
  for (const item of deps.calendar.releaseItems(request.coachUserId, request.heldBlocks, request.requestId)) tx.add(item, 'hold');
  tx.add(deps.calendar.removeSessionItem(request.coachUserId, request.proposedStart, request.requestId), 'calendar');
  return [{ type: 'unschedule', name: expiryScheduleName(request.requestId) }];
}

/** The blocks a request must hold: those of the proposed time that the session does not hold already. */
export const blocksToHold = (booking: Pick<Booking, 'start' | 'blockedUntil'>, proposed: { start: number; blockedUntil: number }) => {
  const current = new Set(lockBlocks(booking.start, booking.blockedUntil));
  return lockBlocks(proposed.start, proposed.blockedUntil).filter((block) => !current.has(block));
};
