import { creditReturnedOnCancel } from '../../domain/bookings/cancellation-policy';
import type { Booking } from '../../domain/bookings/booking';
import { lockBlocks } from '../../domain/bookings/time-locks';
import { type OutboxEffect } from '../../domain/outbox/outbox-entry';
import { sessionMailEffects } from '../../domain/outbox/session-mail';
import { conflict } from '../../domain/errors';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import type { Caller } from '../../http/http-event';
import { countCancelled } from '../analytics/count-sessions';
import { stageEffects } from '../outbox/relay';
import { loadBooking, requireConfirmed, type ProgramRef, type SessionDeps, syncSessionSchedules } from './booking-deps';
import { addReleaseHold } from './move-booking';
import { bookingView } from './booking-view';
import { domainEvent } from '../../domain/events/domain-event';
import { bookingEventData } from '../../domain/events/event-data';

/**
 * Cancels a session in one transaction: the booking's new state, its calendar entry and time locks
 * released, and — unless a client cancels under 24 hours before the start, which forfeits the
 * session — its place in the package and the week given back. Both parties get a cancellation
 * (METHOD:CANCEL) for their calendars; its reminders and no-show check are removed, and a pending
 * request to move it is withdrawn.
 */
export async function cancelBooking(deps: SessionDeps, caller: Caller, ref: ProgramRef, bookingId: string, reason?: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { booking, ...scope } = await loadBooking(deps, caller, ref, bookingId);
    const nowMs = deps.clock.now();
    const now = toEpochMinutes(nowMs);
    requireConfirmed(booking);
    if (now >= booking.start) throw conflict('session_started', 'This session has already started; it can no longer be cancelled.');

    const creditReturned = creditReturnedOnCancel(scope.role, booking.start, now);
    const cancelled: Booking = {
      ...booking,
      status: 'cancelled',
      sequence: booking.sequence + 1,
      version: booking.version + 1,
      updatedAt: formatInstant(nowMs),
      cancelledAt: formatInstant(nowMs),
      cancelledBy: scope.role,
      cancelReason: reason ?? null,
      creditReturned,
      pendingRequestId: null,
    };
    const counterRef = { ...ref, packageId: booking.packageId };
    const tx = deps.transaction()
      .add(deps.bookings.replaceBookingItem(cancelled, booking.version), 'booking')
      .add(deps.calendar.removeSessionItem(booking.coachUserId, booking.start, booking.bookingId), 'calendar');
    for (const release of deps.calendar.releaseItems(booking.coachUserId, lockBlocks(booking.start, booking.blockedUntil), booking.bookingId)) tx.add(release, 'lock');
    if (creditReturned) {
      tx.add(deps.bookings.giveBackToPackageItem(counterRef, booking.sessionNumber), 'package');
      if (booking.weekKey) tx.add(deps.bookings.giveBackToWeekItem(counterRef, booking.weekKey), 'week');
    }
    countCancelled(deps, tx, booking, creditReturned);
    const effects: OutboxEffect[] = [...sessionMailEffects(cancelled, { kind: 'cancelled', stampedAt: nowMs }), syncSessionSchedules(booking), domainEvent('booking.cancelled', booking.orgId, bookingEventData(cancelled), nowMs)];
    if (booking.pendingRequestId) {
      // A request to move the session dies with it: its held time is released too.
      const { request } = await deps.context({ ...ref, requestId: booking.pendingRequestId });
      if (request?.status === 'pending') {
        tx.add(deps.requests.settleItem(request, 'withdrawn', formatInstant(nowMs), 'The session was cancelled.'), 'request');
        effects.push(...addReleaseHold(deps, tx, request));
      }
    }
    stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), effects);
    try {
      await tx.commit();
      return bookingView(cancelled, now);
    } catch (error) {
      // Changed by someone else between our read and write: look again.
      if (!(error instanceof TransactionRefused)) throw error;
    }
  }
  throw conflict('concurrent_update', 'This session is being changed elsewhere; try again.');
}
