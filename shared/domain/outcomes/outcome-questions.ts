import { conflict } from '../errors';
import type { ActivityKind, Question } from '../programs/program';

/**
 * The rating each worksheet contributes to the outcomes: the 1–10 satisfaction of the intake and of
 * the 90-day reflection (before and after), and each session reflection's progress rating. The
 * report and its chart are built from these, so a coach may reword them but not remove them.
 */
export const OUTCOME_QUESTION = {
  intake: 'satisfaction',
  reflection_90_day: 'satisfaction',
  session_reflection: 'progress_rating',
} as const satisfies Partial<Record<ActivityKind, string>>;

export type OutcomeKind = keyof typeof OUTCOME_QUESTION;

export const isOutcomeKind = (kind: ActivityKind): kind is OutcomeKind => kind in OUTCOME_QUESTION;

export const RATING_SCALE = { min: 1, max: 10 } as const;

/** Refuses a set of questions that lost the worksheet's outcome rating, or turned it into something else. */
export function requireOutcomeQuestion(kind: ActivityKind, questions: Question[]): void {
  if (!isOutcomeKind(kind)) return;
  const questionId = OUTCOME_QUESTION[kind];
  const rating = questions.find((q) => q.questionId === questionId);
  const intact = rating?.type === 'rating' && (rating.min ?? RATING_SCALE.min) === RATING_SCALE.min && (rating.max ?? RATING_SCALE.max) === RATING_SCALE.max;
  if (!intact) {
    throw conflict(
      'rating_question_required',
      `Keep the question "${questionId}" as a ${RATING_SCALE.min}–${RATING_SCALE.max} rating (you may reword it): the program report compares these ratings over time.`,
    );
  }
}

/** What an answered worksheet says for the report: its rating, asked in the words of the time. */
export interface WorksheetOutcome {
  activityId: string;
  kind: 'intake' | 'session_prep' | 'session_reflection' | 'reflection_90_day';
  answeredAt: string;
  rating: number | null;
  /** The rating question's wording when it was answered: a later edit does not rewrite history. */
  ratingPrompt: string | null;
}

export function outcomeOf(activityId: string, kind: WorksheetOutcome['kind'], questions: Question[], answers: Record<string, string | number>, answeredAt: string): WorksheetOutcome {
  const questionId = isOutcomeKind(kind) ? OUTCOME_QUESTION[kind] : null;
  const question = questionId ? questions.find((q) => q.questionId === questionId && q.type === 'rating') : undefined;
  const answer = question ? answers[question.questionId] : undefined;
  return { activityId, kind, answeredAt, rating: typeof answer === 'number' ? answer : null, ratingPrompt: question && typeof answer === 'number' ? question.prompt : null };
}
