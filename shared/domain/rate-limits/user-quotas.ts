import { tooManyRequests } from '../errors';
import { retryAfterSeconds, windowAt, type RateLimit } from './rate-limit';

/**
 * What one signed-in person may create in a (UTC) day. Anyone can sign up for the pool, so without
 * these one account could fill the table or use Rapport to email strangers. The numbers sit far
 * above a busy practice (a coach onboarding a whole cohort in a day makes a few dozen programs and
 * invitations) and far below what abuse needs. Counted per user id, only for writes that commit.
 */
export const USER_DAILY_QUOTAS = {
  /** Programs a coach creates. */
  programs: { name: 'user_programs_day', limit: 100, windowSeconds: 24 * 3600 },
  /** Invitation emails a coach sends (a program started from an intro call sends one too). */
  invites: { name: 'user_invites_day', limit: 200, windowSeconds: 24 * 3600 },
  /** Messages a coach or client posts, across all their programs. */
  messages: { name: 'user_messages_day', limit: 1000, windowSeconds: 24 * 3600 },
} as const satisfies Record<string, RateLimit>;

export type UserQuota = keyof typeof USER_DAILY_QUOTAS;

const WHAT: Record<UserQuota, string> = { programs: 'programs', invites: 'invitations', messages: 'messages' };

/** 429 for a quota that is used up, with the seconds until the next UTC day in `Retry-After`. */
export const quotaReached = (quota: UserQuota, nowMs: number) => {
  const limit = USER_DAILY_QUOTAS[quota];
  return tooManyRequests(
    retryAfterSeconds(windowAt(limit, nowMs), nowMs),
    `You have reached today's limit of ${limit.limit} ${WHAT[quota]}; it resets at midnight UTC. If your practice truly needs more, contact support.`,
  );
};

/** The transaction tag of a quota's counter, so a refusal can be read as that quota reached. */
export const quotaTag = (quota: UserQuota) => `quota:${quota}`;
