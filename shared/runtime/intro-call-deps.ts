import type { IntroCallChangeDeps } from '../use-cases/intro-calls/intro-call-deps';
import { config } from './config';
import { clock, coachCalendarRepository, introCallsRepository, outboxRepository, rateLimitsRepository, transaction } from './deps';

/** The composition root for intro calls. Finding a time reads the calendar's stored busy time with the org: no feed parser here. */
export const introCallDeps = (): IntroCallChangeDeps => ({
  introCalls: introCallsRepository(),
  calendar: coachCalendarRepository(),
  rateLimits: rateLimitsRepository(),
  outbox: outboxRepository(),
  transaction,
  clock: clock(),
  appUrl: config.appUrl(),
  senderEmail: config.senderEmail(),
});

