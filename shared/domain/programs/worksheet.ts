import { ownEntry } from '../own-entry';
import type { ErrorDetail } from '../errors';
import type { Question } from './program';

export type Answers = Record<string, string | number>;

export const MAX_TEXT_ANSWER = 10_000;

/**
 * Checks a client's answers against the worksheet's questions: no unknown questions, every
 * required one answered, text as text, ratings whole numbers within the question's range.
 */
export function answerViolations(questions: Question[], answers: Record<string, unknown>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  for (const questionId of Object.keys(answers)) {
    if (!byId.has(questionId)) details.push({ field: `answers.${questionId}`, message: 'This worksheet has no such question.' });
  }
  for (const question of questions) {
    const field = `answers.${question.questionId}`;
    const answer = ownEntry(answers, question.questionId);
    const missing = answer === undefined || answer === null || (typeof answer === 'string' && answer.trim() === '');
    if (missing) {
      if (question.required) details.push({ field, message: 'An answer is required.' });
      continue;
    }
    if (question.type === 'text') {
      if (typeof answer !== 'string') details.push({ field, message: 'Answer with text.' });
      else if (answer.length > MAX_TEXT_ANSWER) details.push({ field, message: `Keep the answer under ${MAX_TEXT_ANSWER} characters.` });
      continue;
    }
    const min = question.min ?? 1;
    const max = question.max ?? 10;
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < min || answer > max) {
      details.push({ field, message: `Answer with a whole number from ${min} to ${max}.` });
    }
  }
  return details;
}

/** The answers as stored: only answered questions. */
export function keptAnswers(questions: Question[], answers: Record<string, unknown>): Answers {
  const kept: Answers = {};
  for (const q of questions) {
    const answer = ownEntry(answers, q.questionId);
    if (typeof answer === 'number' || (typeof answer === 'string' && answer.trim() !== '')) kept[q.questionId] = answer;
  }
  return kept;
}
