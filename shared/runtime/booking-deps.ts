import type { BookingDeps } from '../use-cases/bookings/booking-deps';
import { calendarFeeds } from './calendar-deps';
import { config } from './config';
import { bookingContext, bookingsRepository, clock, coachCalendarRepository, outboxRepository, rescheduleRequestsRepository, transaction } from './deps';

/** The composition root for the booking functions. */
export const bookingDeps = (): BookingDeps => ({
  context: bookingContext(),
  bookings: bookingsRepository(),
  requests: rescheduleRequestsRepository(),
  calendar: coachCalendarRepository(),
  feeds: calendarFeeds(),
  outbox: outboxRepository(),
  transaction,
  clock: clock(),
  appUrl: config.appUrl(),
});
