import { coachOf } from '../../domain/people/person';
import { brandingOf } from '../../emails/layout';
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
  rateLimits: Pick<RateLimitsRepository, 'take' | 'takeItem'>;
  outbox: Pick<OutboxRepository, 'newEntryItem'>;
  transaction: () => WriteTransaction;
  clock: Clock;
  appUrl: string;
  /** The practice's sending address: the ORGANIZER of the invites, as for sessions. */
  senderEmail: string;
  newId?: () => string;
}

/** What changes a call. (Finding a new time needs nothing more: the calendar's busy time is read with the context.) */
export type IntroCallChangeDeps = IntroCallDeps;

/** Counts one use of `limit` by `subject`, or answers 429 with when to try again. */
export async function requireWithinLimit(deps: Pick<IntroCallDeps, 'rateLimits' | 'clock'>, limit: RateLimit, subject: string): Promise<void> {
  const decision = await deps.rateLimits.take(limit, subject, deps.clock.now());
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
}

export function introCallParties(org: Org, deps: Pick<IntroCallDeps, 'appUrl' | 'senderEmail'>, manageToken: string | null): IntroCallParties {
  return { practice: brandingOf(org), coach: coachOf(org), senderEmail: deps.senderEmail, meetingUrl: org.meetingUrl, appUrl: deps.appUrl, manageToken };
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
