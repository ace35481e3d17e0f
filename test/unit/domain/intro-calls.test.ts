import { describe, expect, it } from 'vitest';
import { collectAnswers, upcomingStarts } from '../../../shared/domain/intro-calls/intro-call';
import { retryAfterSeconds, windowAt } from '../../../shared/domain/rate-limits/rate-limit';

const questions = [
  { questionId: 'goal', prompt: 'What would you like to work on?', required: true },
  { questionId: 'heard', prompt: 'How did you hear of us?', required: false },
];

describe('intro-call answers', () => {
  it('keeps answers in the questions’ order, with their wording, and skips blank optional ones', () => {
    expect(collectAnswers(questions, { heard: '  ', goal: ' Leading a team ' })).toEqual({
      answers: [{ questionId: 'goal', prompt: 'What would you like to work on?', answer: 'Leading a team' }],
      violations: [],
    });
  });

  it('names every unknown question and every missing required answer', () => {
    expect(collectAnswers(questions, { age: '40' }).violations.map((v) => v.field)).toEqual(['answers.age', 'answers.goal']);
  });
});

describe('upcoming calls of one email', () => {
  it('counts only calls that have not started, earliest first', () => {
    expect(upcomingStarts({ a: 500, b: 100, c: 300, d: 200 }, 200)).toEqual([300, 500]);
  });
});

describe('rate-limit windows', () => {
  it('align to the epoch, so a day is a UTC day, and say how long until the next', () => {
    const day = { name: 'd', limit: 5, windowSeconds: 86_400 };
    const now = Date.parse('2026-12-01T18:00:00.500Z');
    const window = windowAt(day, now);
    expect(new Date(window.start * 1000).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(retryAfterSeconds(window, now)).toBe(6 * 3600);
    expect(retryAfterSeconds(windowAt({ name: 'm', limit: 1, windowSeconds: 60 }, Date.parse('2026-12-01T18:00:59.900Z')), Date.parse('2026-12-01T18:00:59.900Z'))).toBe(1);
  });
});
