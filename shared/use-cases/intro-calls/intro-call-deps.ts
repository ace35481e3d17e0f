import type { CalendarFeeds } from '../../adapters/calendar/calendar-feeds';
import type { CoachCalendarRepository } from '../../data/coach-calendar-repository';
import type { IntroCallsRepository } from '../../data/intro-calls-repository';
import type { OutboxRepository } from '../../data/outbox-repository';
import type { RateLimitsRepository } from '../../data/rate-limits-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import { tooManyRequests } from '../../domain/errors';
import type { IntroCall } from '../../domain/intro-calls/intro-call';
import type { Org } from '../../domain/orgs/org';
import type { RateLimit } from '../../domain/rate-limits/rate-limit';
import type { CalendarSession } from '../../data/coach-calendar-repository';
import type { IntroCallParties } from '../../emails/intro-call-emails';
import type { Clock } from '../../runtime/clock';

export interface IntroCallDeps {
  introCalls: IntroCallsRepository;
  calendar: CoachCalendarRepository;
  feeds: Pick<CalendarFeeds, 'busy'>;
  rateLimits: Pick<RateLimitsRepository, 'take' | 'takeItem'>;
  outbox: Pick<OutboxRepository, 'newEntryItem'>;
  transaction: () => WriteTransaction;
  clock: Clock;
  appUrl: string;
  newId?: () => string;
}

/** What changes a call without finding it a new time (cancelling, reminding). */
export type IntroCallChangeDeps = Omit<IntroCallDeps, 'feeds'>;

/** Counts one use of `limit` by `subject`, or answers 429 with when to try again. */
export async function requireWithinLimit(deps: Pick<IntroCallDeps, 'rateLimits' | 'clock'>, limit: RateLimit, subject: string): Promise<void> {
  const decision = await deps.rateLimits.take(limit, subject, deps.clock.now());
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
}

export function introCallParties(org: Org, appUrl: string, manageToken: string | null): IntroCallParties {
  return { orgName: org.name, coachEmail: org.coachEmail, coachZone: org.timeZone, meetingUrl: org.meetingUrl, appUrl, manageToken };
}

/** The call's entry in the coach's calendar: busy time for every program, and the coach's feed. */
export function calendarEntryForIntroCall(call: IntroCall, nowMs: number): CalendarSession {
  return {
    id: call.introCallId,
    kind: 'intro_call',
    orgId: call.orgId,
    programId: null,
    start: call.start,
    end: call.end,
    blockedUntil: call.blockedUntil,
    sequence: call.sequence,
    summary: `Intro call with ${call.name} <${call.email}>`,
    changedAt: nowMs,
  };
}

/** The prospect's link: it names the call and carries the secret whose hash alone is stored. */
export const manageTokenOf = (call: Pick<IntroCall, 'orgId' | 'introCallId'>, secret: string) => `${call.orgId}.${call.introCallId}.${secret}`;
