import type { Booking } from '../bookings/booking';
import type { RescheduleRequest } from '../bookings/reschedule-policy';
import type { IntroCall } from '../intro-calls/intro-call';
import { minutesToInstant } from '../time/instant';

/**
 * What each event says about its subject. Only what the coach's own API answers show, and never
 * text a person wrote: a cancellation's reason, a request's reason, answers and review bodies stay
 * behind the API.
 */
export const bookingEventData = (booking: Booking) => ({
  programId: booking.programId,
  bookingId: booking.bookingId,
  packageId: booking.packageId,
  sessionNumber: booking.sessionNumber,
  clientUserId: booking.clientUserId,
  start: minutesToInstant(booking.start),
  end: minutesToInstant(booking.end),
  status: booking.status,
  bookedBy: booking.bookedBy,
  cancelledBy: booking.cancelledBy,
  creditReturned: booking.creditReturned,
  noShowMarkedBy: booking.noShowMarkedBy,
});

export const rescheduleRequestEventData = (request: RescheduleRequest) => ({
  programId: request.programId,
  requestId: request.requestId,
  bookingId: request.bookingId,
  currentStart: minutesToInstant(request.currentStart),
  proposedStart: minutesToInstant(request.proposedStart),
  proposedEnd: minutesToInstant(request.proposedEnd),
  expiresAt: minutesToInstant(request.expiresAt),
  status: request.status,
});

export const introCallEventData = (call: IntroCall) => ({
  introCallId: call.introCallId,
  start: minutesToInstant(call.start),
  end: minutesToInstant(call.end),
  status: call.status,
  cancelledBy: call.cancelledBy,
  prospect: { name: call.name, email: call.email },
});
