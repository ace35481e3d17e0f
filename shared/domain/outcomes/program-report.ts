import { statusAt, type Booking, type BookingStatus } from '../bookings/booking';
import type { Module, Program, ProgramStructure } from '../programs/program';
import { allModules, sessionModules } from '../programs/structure-edits';
import { minutesToInstant } from '../time/instant';
import type { WorksheetOutcome } from './outcome-questions';

export interface ActionItemState {
  moduleId: string;
  done: boolean;
}

export interface ReportInput {
  program: Pick<Program, 'totalSessions'>;
  structure: ProgramStructure;
  bookings: Booking[];
  actionItems: ActionItemState[];
  outcomes: WorksheetOutcome[];
  /** Epoch minutes: a confirmed session whose end has passed is completed. */
  now: number;
}

export type SessionStatus = BookingStatus | 'not_booked';

export interface SessionDetail {
  sessionNumber: number;
  title: string;
  bookingId: string | null;
  start: string | null;
  status: SessionStatus;
  /** Only for a cancelled session: false when the client cancelled late and the session was forfeited. */
  creditReturned?: boolean;
  prepSubmitted: boolean;
  reflectionSubmitted: boolean;
  rating: number | null;
  actionItems: { done: number; total: number };
}

/**
 * The coaching sessions' counts: every booking ever made is `booked`, and each is exactly one of
 * completed, no-show, cancelled (free or late) or still upcoming. A late cancellation and a no-show
 * use a session up, so `remaining` is the package's total less everything not given back.
 */
function sessionCounts(bookings: Booking[], total: number, now: number) {
  const statuses = bookings.map((b) => statusAt(b, now));
  const count = (status: BookingStatus) => statuses.filter((s) => s === status).length;
  const cancelledLate = bookings.filter((b) => b.status === 'cancelled' && b.creditReturned === false).length;
  const used = bookings.filter((b) => b.status !== 'cancelled' || b.creditReturned === false).length;
  return {
    booked: bookings.length,
    completed: count('completed'),
    noShow: count('no_show'),
    cancelled: count('cancelled'),
    cancelledLate,
    upcoming: count('confirmed'),
    remaining: Math.max(0, total - used),
  };
}

/** The booking that speaks for a session number: the live one, else the latest cancelled. */
function bookingFor(bookings: Booking[], sessionNumber: number): Booking | null {
  const mine = bookings.filter((b) => b.sessionNumber === sessionNumber);
  return mine.find((b) => b.status !== 'cancelled') ?? mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}

const activityOf = (module: Module, kind: string) => module.activities.find((a) => a.kind === kind) ?? null;

/**
 * The program report: what happened in the sessions, how much of the between-session work was
 * done, the progress ratings in session order, and the satisfaction before and after. Pure: the
 * caller reads the records, this only counts them.
 */
export function programReport(input: ReportInput) {
  const coaching = input.bookings.filter((b) => b.packageId === 'coaching');
  const outcomes = new Map(input.outcomes.map((o) => [o.activityId, o]));
  const sessions = sessionModules(input.structure);

  const details: SessionDetail[] = sessions.map((module) => {
    const sessionNumber = module.sessionNumber ?? 0;
    const booking = bookingFor(coaching, sessionNumber);
    const prep = activityOf(module, 'session_prep');
    const reflection = activityOf(module, 'session_reflection');
    const items = input.actionItems.filter((i) => i.moduleId === module.moduleId);
    const status = booking ? statusAt(booking, input.now) : 'not_booked';
    return {
      sessionNumber,
      title: module.title,
      bookingId: booking?.bookingId ?? null,
      start: booking ? minutesToInstant(booking.start) : null,
      status,
      ...(booking?.status === 'cancelled' ? { creditReturned: booking.creditReturned === true } : {}),
      prepSubmitted: prep ? outcomes.has(prep.activityId) : false,
      reflectionSubmitted: reflection ? outcomes.has(reflection.activityId) : false,
      rating: reflection ? (outcomes.get(reflection.activityId)?.rating ?? null) : null,
      actionItems: { done: items.filter((i) => i.done).length, total: items.length },
    };
  });

  const worksheets = (kind: string) => sessions.flatMap((m) => m.activities.filter((a) => a.kind === kind));
  const submitted = (kind: string) => worksheets(kind).filter((a) => outcomes.has(a.activityId)).length;
  const satisfactionOf = (kind: 'intake' | 'reflection_90_day') => {
    const activity = allModules(input.structure).flatMap((m) => m.activities).find((a) => a.kind === kind);
    return (activity && outcomes.get(activity.activityId)) || null;
  };
  const intake = satisfactionOf('intake');
  const final = satisfactionOf('reflection_90_day');
  const intakeRating = intake?.rating ?? null;
  const finalRating = final?.rating ?? null;

  return {
    sessions: sessionCounts(coaching, input.program.totalSessions, input.now),
    activityCompletion: {
      sessionPrep: { submitted: submitted('session_prep'), total: worksheets('session_prep').length },
      sessionReflection: { submitted: submitted('session_reflection'), total: worksheets('session_reflection').length },
    },
    progressRatings: details.flatMap((d) => (d.rating === null ? [] : [{ sessionNumber: d.sessionNumber, rating: d.rating }])),
    actionItems: { done: input.actionItems.filter((i) => i.done).length, total: input.actionItems.length },
    satisfaction: {
      intake: intakeRating,
      final: finalRating,
      change: intakeRating !== null && finalRating !== null ? finalRating - intakeRating : null,
      intakeQuestion: intake?.ratingPrompt ?? null,
      finalQuestion: final?.ratingPrompt ?? null,
      intakeAnsweredAt: intake?.answeredAt ?? null,
      finalAnsweredAt: final?.answeredAt ?? null,
    },
    sessionDetails: details,
  };
}

export type ProgramReport = ReturnType<typeof programReport>;
