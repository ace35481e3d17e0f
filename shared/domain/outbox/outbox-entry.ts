import type { EmailMessage } from '../../adapters/mail/mailer';
import type { OneTimeSchedule } from '../../adapters/scheduler/session-scheduler';

/**
 * Work that must follow a committed write — emails and schedules — recorded in the same
 * transaction as the write itself, then performed after the commit. An entry lives until every
 * effect is done, so a failure after the commit is retried, never silently dropped.
 */
export type OutboxEffect =
  | { type: 'email'; message: EmailMessage }
  | { type: 'schedule'; schedule: OneTimeSchedule }
  | { type: 'unschedule'; name: string }
  | ReissueEffect;

/**
 * Details every upcoming session's invitation shows changed (the practice's or a program's name):
 * send each an updated invitation. `changeId` makes the work idempotent per session.
 */
export interface ReissueEffect {
  type: 'reissue_invites';
  orgId: string;
  coachUserId: string;
  /** Only this program's sessions; null: every program of the coach in this org. */
  programId: string | null;
  /** What changed, in words for the email ("the practice is now called …"). */
  what: string;
  changeId: string;
}

/** An email SES refused for good: who it was for, what it was, and SES's reason. */
export interface OutboxFailure {
  index: number;
  to: string[];
  subject: string;
  error: string;
}

export const emailEffects = (messages: EmailMessage[]): OutboxEffect[] => messages.map((message) => ({ type: 'email', message }));

export interface OutboxEntry {
  /** The partition the entry lives in: the org or program whose write caused it. */
  pk: string;
  entryId: string;
  effects: OutboxEffect[];
  /** Indexes of effects already performed (or given up on for good). */
  done: number[];
  /** Emails SES refused for good, recorded as they happen (so a retry of the rest keeps them). */
  failures?: OutboxFailure[];
  attempts: number;
  createdAt: string;
}
