import type { IntroCallDeps } from '../use-cases/intro-calls/intro-call-deps';
import { calendarFeeds } from './calendar-deps';
import { introCallDeps } from './intro-call-deps';

/** The composition root for finding and taking intro-call times: the coach's calendar feed too. */
export const introCallBookingDeps = (): IntroCallDeps => ({ ...introCallDeps(), feeds: calendarFeeds() });
