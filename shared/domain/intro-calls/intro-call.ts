import type { ErrorDetail } from '../errors';
import type { IntroCallQuestion, IntroCallSettings, Org } from '../orgs/org';
import type { Schedule } from '../schedules/schedule';

export type StoredIntroCallStatus = 'confirmed' | 'cancelled';
/** `completed` is not stored: a confirmed call whose end has passed is completed. */
export type IntroCallStatus = StoredIntroCallStatus | 'completed';

/**
 * A free intro call a prospect booked from the coach's public page. It takes the coach's time like
 * a session does (the same calendar entry and time locks in the coach's partition). Times are
 * epoch minutes; `blockedUntil` is the end plus the schedule's buffer.
 */
export interface IntroCall {
  introCallId: string;
  orgId: string;
  coachUserId: string;
  scheduleId: string;
  name: string;
  /** Lower-cased. */
  email: string;
  /** The prospect's own zone, for the times in their emails. */
  timeZone: string;
  answers: IntroCallAnswer[];
  start: number;
  end: number;
  blockedUntil: number;
  status: StoredIntroCallStatus;
  /** The calendar invite's SEQUENCE: rises on every change. */
  sequence: number;
  /** sha-256 of the secret in the prospect's manage link; the link itself only travels by email. */
  secretHash: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelledBy: 'coach' | 'prospect' | null;
  cancelReason: string | null;
  /** The start each reminder was sent for: a moved call gets its reminders again. */
  reminded24h: number | null;
  reminded1h: number | null;
  /** The program the coach started from this call, once they have. */
  programId: string | null;
  /** Optimistic concurrency: every write of the call is conditional on the version read. */
  version: number;
}

/** An answer kept with its question's wording, so later edits of the questions do not change it. */
export interface IntroCallAnswer {
  questionId: string;
  prompt: string;
  answer: string;
}

export const INTRO_CALL_RULES = {
  durationMinutes: 15,
  /** The public availability answers at most this many days at a time. */
  maxRangeDays: 31,
  /** Calls not yet started that one email may hold with one org. */
  maxUpcomingPerEmail: 3,
  maxQuestions: 5,
} as const;

export const introCallStatusAt = (call: Pick<IntroCall, 'status' | 'end'>, nowMinute: number): IntroCallStatus =>
  call.status === 'confirmed' && nowMinute >= call.end ? 'completed' : call.status;

/** The org's intro-call settings and schedule when it takes intro calls; null (a 404 outside) when not. */
export function openIntroCalls(org: Org | null): { org: Org; settings: IntroCallSettings; schedule: Schedule } | null {
  const settings = org?.introCalls;
  if (!org || !settings?.enabled) return null;
  const schedule = org.schedules[settings.scheduleId];
  return schedule ? { org, settings: { ...settings, questions: settings.questions ?? [] }, schedule } : null;
}

/**
 * The answers to store: one per question answered, in the questions' order. Unknown questions and
 * missing required answers are refused, each named.
 */
export function collectAnswers(questions: readonly IntroCallQuestion[], given: Record<string, string>): { answers: IntroCallAnswer[]; violations: ErrorDetail[] } {
  const known = new Set(questions.map((q) => q.questionId));
  const violations: ErrorDetail[] = Object.keys(given)
    .filter((id) => !known.has(id))
    .map((id) => ({ field: `answers.${id}`, message: 'There is no question with this id.' }));
  const answers: IntroCallAnswer[] = [];
  for (const question of questions) {
    const answer = given[question.questionId]?.trim() ?? '';
    if (answer) answers.push({ questionId: question.questionId, prompt: question.prompt, answer });
    else if (question.required) violations.push({ field: `answers.${question.questionId}`, message: 'This question needs an answer.' });
  }
  return { answers, violations };
}

/** Starts (epoch minutes) of an email's calls that have not begun yet, earliest first. */
export const upcomingStarts = (upcoming: Record<string, number>, nowMinute: number): number[] =>
  Object.values(upcoming)
    .filter((start) => start > nowMinute)
    .sort((a, b) => a - b);
