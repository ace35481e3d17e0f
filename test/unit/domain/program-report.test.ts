import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../shared/domain/bookings/booking';
import { AppError } from '../../../shared/domain/errors';
import { outcomeOf, requireOutcomeQuestion, type WorksheetOutcome } from '../../../shared/domain/outcomes/outcome-questions';
import { programReport } from '../../../shared/domain/outcomes/program-report';
import { generateStructure } from '../../../shared/domain/programs/generate-program';
import { sessionModules } from '../../../shared/domain/programs/structure-edits';
import { INTAKE_QUESTIONS, REFLECTION_90_DAY_QUESTIONS, SESSION_REFLECTION_QUESTIONS } from '../../../shared/domain/programs/template-content';

let n = 0;
const ids = () => `x${++n}`;
const structure = generateStructure(4, ids);
const sessions = sessionModules(structure);
const activity = (sessionNumber: number, kind: string) => sessions[sessionNumber - 1]!.activities.find((a) => a.kind === kind)!;
const worksheet = (kind: string) => structure.sections.flatMap((s) => s.modules).flatMap((m) => m.activities).find((a) => a.kind === kind)!;

const HOUR = 60;
const aBooking = (sessionNumber: number, start: number, fields: Partial<Booking> = {}): Booking =>
  ({
    bookingId: `b${sessionNumber}-${start}`,
    packageId: 'coaching',
    sessionNumber,
    start,
    end: start + HOUR,
    status: 'confirmed',
    creditReturned: null,
    updatedAt: `2026-12-0${sessionNumber}T00:00:00Z`,
    ...fields,
  }) as Booking;

const reflection = (sessionNumber: number, rating: number): WorksheetOutcome =>
  outcomeOf(activity(sessionNumber, 'session_reflection').activityId, 'session_reflection', SESSION_REFLECTION_QUESTIONS, { takeaway: 't', commitments: 'c', progress_rating: rating }, 'x');

describe('the program report', () => {
  const now = 100 * HOUR;
  const report = programReport({
    program: { totalSessions: 4 },
    structure,
    now,
    bookings: [
      aBooking(1, 10 * HOUR),
      aBooking(2, 20 * HOUR, { status: 'no_show' }),
      aBooking(3, 30 * HOUR, { status: 'cancelled', creditReturned: true }),
      aBooking(3, 40 * HOUR, { status: 'cancelled', creditReturned: false, updatedAt: '2026-12-09T00:00:00Z' }),
      aBooking(4, now + HOUR),
      aBooking(0, 5 * HOUR, { packageId: 'quick_check_in', sessionNumber: null }),
    ],
    actionItems: [
      { moduleId: sessions[0]!.moduleId, done: true },
      { moduleId: sessions[0]!.moduleId, done: false },
      { moduleId: sessions[1]!.moduleId, done: true },
    ],
    outcomes: [
      outcomeOf(worksheet('intake').activityId, 'intake', INTAKE_QUESTIONS, { satisfaction: 3 }, '2026-11-01T00:00:00Z'),
      outcomeOf(activity(1, 'session_prep').activityId, 'session_prep', [], {}, 'x'),
      reflection(1, 5),
      reflection(2, 7),
      outcomeOf(worksheet('reflection_90_day').activityId, 'reflection_90_day', REFLECTION_90_DAY_QUESTIONS, { satisfaction: 9 }, '2027-03-01T00:00:00Z'),
    ],
  });

  it('counts each coaching booking once by what became of it; late cancellations and no-shows use a session up', () => {
    expect(report.sessions).toEqual({ booked: 5, completed: 1, noShow: 1, cancelled: 2, cancelledLate: 1, upcoming: 1, remaining: 0 });
  });

  it('reports worksheets, ratings in session order, action items and the change in satisfaction', () => {
    expect(report.activityCompletion).toEqual({ sessionPrep: { submitted: 1, total: 4 }, sessionReflection: { submitted: 2, total: 4 } });
    expect(report.progressRatings).toEqual([
      { sessionNumber: 1, rating: 5 },
      { sessionNumber: 2, rating: 7 },
    ]);
    expect(report.actionItems).toEqual({ done: 2, total: 3 });
    expect(report.satisfaction).toMatchObject({ intake: 3, final: 9, change: 6, intakeQuestion: INTAKE_QUESTIONS[2]!.prompt });
  });

  it('details each session: the live booking, else the latest cancelled one', () => {
    expect(report.sessionDetails.map((d) => [d.sessionNumber, d.status, d.creditReturned, d.prepSubmitted, d.reflectionSubmitted, d.rating, d.actionItems])).toEqual([
      [1, 'completed', undefined, true, true, 5, { done: 1, total: 2 }],
      [2, 'no_show', undefined, false, true, 7, { done: 1, total: 1 }],
      [3, 'cancelled', false, false, false, null, { done: 0, total: 0 }],
      [4, 'confirmed', undefined, false, false, null, { done: 0, total: 0 }],
    ]);
  });

  it('reports an untouched program with zeros and nulls, not errors', () => {
    const empty = programReport({ program: { totalSessions: 4 }, structure, now, bookings: [], actionItems: [], outcomes: [] });
    expect(empty.sessions.remaining).toBe(4);
    expect(empty.progressRatings).toEqual([]);
    expect(empty.satisfaction).toMatchObject({ intake: null, final: null, change: null });
    expect(empty.sessionDetails[0]).toMatchObject({ status: 'not_booked', start: null, rating: null });
  });
});

describe('the outcome ratings a coach may reword but not remove', () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return null;
    } catch (error) {
      return (error as AppError).code;
    }
  };
  it('keeps the satisfaction rating of the intake and the 90-day reflection, and the progress rating', () => {
    const reworded = INTAKE_QUESTIONS.map((q) => (q.questionId === 'satisfaction' ? { ...q, prompt: 'How content are you?' } : q));
    expect(codeOf(() => requireOutcomeQuestion('intake', reworded))).toBeNull();
    expect(codeOf(() => requireOutcomeQuestion('intake', INTAKE_QUESTIONS.filter((q) => q.questionId !== 'satisfaction')))).toBe('rating_question_required');
    expect(codeOf(() => requireOutcomeQuestion('reflection_90_day', [{ questionId: 'satisfaction', prompt: 'x', type: 'text', required: true }]))).toBe('rating_question_required');
    expect(codeOf(() => requireOutcomeQuestion('session_reflection', [{ questionId: 'progress_rating', prompt: 'x', type: 'rating', min: 0, max: 5, required: true }]))).toBe(
      'rating_question_required',
    );
    expect(codeOf(() => requireOutcomeQuestion('session_prep', [{ questionId: 'q1', prompt: 'x', type: 'text', required: true }]))).toBeNull();
  });

  it('remembers the words a rating was asked in', () => {
    expect(outcomeOf('a', 'intake', INTAKE_QUESTIONS, { satisfaction: 4 }, 't')).toEqual({ activityId: 'a', kind: 'intake', answeredAt: 't', rating: 4, ratingPrompt: INTAKE_QUESTIONS[2]!.prompt });
    expect(outcomeOf('a', 'session_prep', [], {}, 't')).toMatchObject({ rating: null, ratingPrompt: null });
  });
});
