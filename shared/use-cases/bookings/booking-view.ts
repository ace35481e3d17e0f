import { statusAt, type Booking } from '../../domain/bookings/booking';
import { minutesToInstant } from '../../domain/time/instant';

/** A booking as the API shows it; `completed` is derived from the clock. */
export function bookingView(booking: Booking, nowMinute: number) {
  return {
    bookingId: booking.bookingId,
    programId: booking.programId,
    packageId: booking.packageId,
    start: minutesToInstant(booking.start),
    end: minutesToInstant(booking.end),
    status: statusAt(booking, nowMinute),
    ...(booking.sessionNumber !== null ? { sessionNumber: booking.sessionNumber } : {}),
    bookedBy: booking.bookedBy,
    clientJoinedAt: booking.clientJoinedAt,
    coachJoinedAt: booking.coachJoinedAt,
    ...(booking.status === 'no_show' ? { noShowMarkedBy: booking.noShowMarkedBy } : {}),
    pendingRescheduleRequestId: booking.pendingRequestId,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
    ...(booking.status === 'cancelled'
      ? { cancelledAt: booking.cancelledAt, cancelledBy: booking.cancelledBy, cancelReason: booking.cancelReason, creditReturned: booking.creditReturned }
      : {}),
  };
}
