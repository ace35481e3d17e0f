import type { EmailMessage } from '../../adapters/mail/mailer';
import type { OneTimeSchedule } from '../../adapters/scheduler/session-scheduler';
import type { EventEffect } from '../events/domain-event';
import type { SessionMailEffect } from './session-mail';

/**
 * Which record's schedules to bring in line with the record as it is when the relay runs. Schedules
 * are desired state, not commands: an entry that runs late, or after a newer one, cannot put back a
 * reminder for a time the booking no longer has.
 */
export type ScheduleSubject =
  | { kind: 'session'; orgId: string; programId: string; bookingId: string }
  | { kind: 'introCall'; orgId: string; introCallId: string };

/**
 * Work that must follow a committed write — emails and schedules — recorded in the same
 * transaction as the write itself, then performed after the commit. An entry lives until every
 * effect is done, so a failure after the commit is retried, never silently dropped.
 */
export type OutboxEffect =
  /** A session's email, rendered when sent (session-mail.ts): a few hundred bytes instead of kilobytes. */
  | SessionMailEffect
  /** An email stored rendered: the one-off emails (invites, messages, intro calls, reviews), and every email of entries staged before session emails were stored compact. */
  | { type: 'email'; message: EmailMessage }
  | { type: 'syncSchedules'; subject: ScheduleSubject }
  /** Only for a reschedule request's expiry, which fires once and checks the request itself. */
  | { type: 'schedule'; schedule: OneTimeSchedule }
  | { type: 'unschedule'; name: string }
  | ReissueEffect
  /** A domain event for the org's webhooks and the event bus (shared/domain/events). */
  | EventEffect;

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

/** Effects that send an email: they wait for older entries' emails, and each is sent at most once. */
export const isMail = (effect: OutboxEffect): effect is Extract<OutboxEffect, { type: 'email' | 'sessionMail' }> => effect.type === 'email' || effect.type === 'sessionMail';

export const emailEffects = (messages: EmailMessage[]): OutboxEffect[] => messages.map((message) => ({ type: 'email', message }));

export const syncSchedules = (subject: ScheduleSubject): OutboxEffect => ({ type: 'syncSchedules', subject });

/** Attempts before an entry is set aside as `failed` for an operator (about 2 hours of backoff). */
export const MAX_ATTEMPTS = 8;

export interface OutboxEntry {
  /** The partition the entry lives in: the org or program whose write caused it. */
  pk: string;
  entryId: string;
  effects: OutboxEffect[];
  /** Indexes of effects already performed (or given up on for good). */
  done: number[];
  /**
   * Indexes of emails a relay began to send. Begun but not done means a relay died mid-send: the
   * email may have left, so it is not sent again (at most once, logged for an operator).
   */
  started: number[];
  /** Emails SES refused for good, recorded as they happen (so a retry of the rest keeps them). */
  failures?: OutboxFailure[];
  attempts: number;
  createdAt: string;
  /** The API request (or scheduled run) whose write staged the entry, for the logs. */
  correlationId?: string;
  /** Set by `lease`: the token every later mark must carry, so a relay that lost its lease stops. */
  leaseToken?: string;
  state: 'pending' | 'failed';
  lastError?: string;
}

/** An effect's idempotency key: stable across retries and relays. */
export const effectKey = (entry: Pick<OutboxEntry, 'entryId'>, index: number) => `${entry.entryId}:${index}`;
