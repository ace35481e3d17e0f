import type { SessionDeps } from '../use-cases/bookings/booking-deps';
import { config } from './config';
import { joinLinkKey } from './join-key';
import type { SessionLinks } from '../use-cases/bookings/session-parties';

export const sessionLinks = (): SessionLinks => ({ appUrl: config.appUrl(), apiUrl: config.apiUrl(), senderEmail: config.senderEmail(), joinKey: joinLinkKey });
import { bookingContext, bookingsRepository, clock, coachCalendarRepository, outboxRepository, rescheduleRequestsRepository, statsRepository, transaction } from './deps';

/**
 * The composition root for changing sessions (cancel, decide, join, no-show, the scheduled work).
 * It leaves out the calendar-feed parser, so those bundles do not carry it.
 */
export const sessionDeps = (): SessionDeps => ({
  context: bookingContext(),
  bookings: bookingsRepository(),
  requests: rescheduleRequestsRepository(),
  calendar: coachCalendarRepository(),
  outbox: outboxRepository(),
  stats: statsRepository(),
  transaction,
  clock: clock(),
  links: sessionLinks(),
});
