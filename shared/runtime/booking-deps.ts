import type { BookingDeps } from '../use-cases/bookings/booking-deps';
import { calendarFeeds } from './calendar-deps';
import { sessionDeps } from './session-deps';

/** The composition root for finding and booking times: sessions, plus the coach's calendar feed. */
export const bookingDeps = (): BookingDeps => ({ ...sessionDeps(), feeds: calendarFeeds() });

