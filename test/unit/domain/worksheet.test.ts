import { describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/domain/programs/program';
import { answerViolations, keptAnswers } from '../../../shared/domain/programs/worksheet';

const questions: Question[] = [
  { questionId: 'takeaway', prompt: 'Takeaway?', type: 'text', required: true },
  { questionId: 'extra', prompt: 'Anything else?', type: 'text', required: false },
  { questionId: 'rating', prompt: 'Progress?', type: 'rating', min: 1, max: 10, required: true },
];

describe('worksheet answers', () => {
  it('accept complete, well-typed answers', () => {
    expect(answerViolations(questions, { takeaway: 'Say no more often', rating: 7 })).toEqual([]);
  });

  it.each([
    ['an unknown question', { takeaway: 'x', rating: 5, mood: 'ok' }, [['answers.mood', 'This worksheet has no such question.']]],
    ['a missing required answer', { rating: 5 }, [['answers.takeaway', 'An answer is required.']]],
    ['a blank required answer', { takeaway: '   ', rating: 5 }, [['answers.takeaway', 'An answer is required.']]],
    ['a rating above the range', { takeaway: 'x', rating: 11 }, [['answers.rating', 'Answer with a whole number from 1 to 10.']]],
    ['a rating below the range', { takeaway: 'x', rating: 0 }, [['answers.rating', 'Answer with a whole number from 1 to 10.']]],
    ['a fractional rating', { takeaway: 'x', rating: 6.5 }, [['answers.rating', 'Answer with a whole number from 1 to 10.']]],
    ['a rating given as text', { takeaway: 'x', rating: '7' }, [['answers.rating', 'Answer with a whole number from 1 to 10.']]],
    ['text given as a number', { takeaway: 42, rating: 7 }, [['answers.takeaway', 'Answer with text.']]],
    ['a text over the limit', { takeaway: 'x'.repeat(10_001), rating: 7 }, [['answers.takeaway', 'Keep the answer under 10000 characters.']]],
  ])('refuse %s', (_label, answers, expected) => {
    expect(answerViolations(questions, answers).map((d) => [d.field, d.message])).toEqual(expected);
  });

  it("reads a question called after one of Object's members as unanswered, not as the inherited function", () => {
    const named: Question[] = [{ questionId: 'constructor', prompt: 'Who built it?', type: 'text', required: true }, { questionId: 'tostring', prompt: 'Say it', type: 'text', required: false }];
    expect(answerViolations(named, {}).map((d) => [d.field, d.message])).toEqual([['answers.constructor', 'An answer is required.']]);
    expect(keptAnswers(named, { constructor: 'Me' })).toEqual({ constructor: 'Me' });
    expect(keptAnswers(named, {})).toEqual({});
  });

  it('keeps only the questions that were answered', () => {
    expect(keptAnswers(questions, { takeaway: 'x', extra: '', rating: 3 })).toEqual({ takeaway: 'x', rating: 3 });
  });
});
