import type { IntroCallChangeDeps } from '../use-cases/intro-calls/intro-call-deps';
import { config } from './config';
import { clock, coachCalendarRepository, introCallsRepository, outboxRepository, rateLimitsRepository, transaction } from './deps';

/**
 * The composition root for intro calls that do not look for a time (cancel, list, remind). It
 * leaves out the calendar-feed parser, so the reminder bundle does not carry it.
 */
export const introCallDeps = (): IntroCallChangeDeps => ({
  introCalls: introCallsRepository(),
  calendar: coachCalendarRepository(),
  rateLimits: rateLimitsRepository(),
  outbox: outboxRepository(),
  transaction,
  clock: clock(),
  appUrl: config.appUrl(),
});

