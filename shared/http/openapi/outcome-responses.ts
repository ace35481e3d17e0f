import * as z from 'zod';
import { MAX_PERIOD_DAYS } from '../../domain/analytics/period';
import { REVIEW_REQUEST_OPEN_DAYS, REVIEW_RATING } from '../../domain/outcomes/review';
import { RATING_SCALE } from '../../domain/outcomes/outcome-questions';
import { date, id, instant, nullableInstant, zone } from './response-schemas';

/** What the outcome routes answer (report, reviews, analytics); see response-schemas.ts for the rule these follow. */

const done = z.object({ done: z.number().int(), total: z.number().int() });
const submitted = z.object({ submitted: z.number().int(), total: z.number().int() });
const rating = z.number().int().min(RATING_SCALE.min).max(RATING_SCALE.max);

const sessionDetail = z.object({
  sessionNumber: z.number().int(),
  title: z.string(),
  bookingId: id.nullable(),
  start: nullableInstant,
  status: z.enum(['not_booked', 'confirmed', 'completed', 'no_show', 'cancelled']),
  creditReturned: z.boolean().optional().meta({ description: 'Cancelled sessions only: false when the client cancelled late and the session was used up.' }),
  prepSubmitted: z.boolean(),
  reflectionSubmitted: z.boolean(),
  rating: rating.nullable().meta({ description: "The progress rating of the session's reflection; null until answered." }),
  actionItems: done,
});

export const programReport = z
  .object({
    sessions: z
      .object({
        booked: z.number().int().meta({ description: 'Every coaching session ever booked, whatever became of it.' }),
        completed: z.number().int(),
        noShow: z.number().int(),
        cancelled: z.number().int(),
        cancelledLate: z.number().int().meta({ description: 'Of the cancelled: those the client cancelled under 24 hours ahead (the session is used up).' }),
        upcoming: z.number().int(),
        remaining: z.number().int().meta({ description: 'Sessions still to book: the package total less completed, upcoming, no-shows and late cancellations.' }),
      })
      .meta({ description: 'Coaching sessions only (quick check-ins are not counted).' }),
    activityCompletion: z.object({ sessionPrep: submitted, sessionReflection: submitted }),
    progressRatings: z
      .array(z.object({ sessionNumber: z.number().int(), rating }))
      .meta({ description: `The 1–${RATING_SCALE.max} progress rating of each answered session reflection, in session order.` }),
    actionItems: done,
    satisfaction: z
      .object({
        intake: rating.nullable(),
        final: rating.nullable().meta({ description: 'From the 90-day reflection.' }),
        change: z.number().int().nullable().meta({ description: '`final - intake`; null until both are answered.' }),
        intakeQuestion: z.string().nullable().meta({ description: 'The rating question as it was worded when answered.' }),
        finalQuestion: z.string().nullable(),
        intakeAnsweredAt: nullableInstant,
        finalAnsweredAt: nullableInstant,
      })
      .meta({ description: `The 1–${RATING_SCALE.max} satisfaction rating at intake and at the 90-day reflection.` }),
    sessionDetails: z.array(sessionDetail).meta({ description: 'One entry per session module, in order.' }),
  })
  .meta({
    id: 'ProgramReport',
    example: {
      sessions: { booked: 5, completed: 3, noShow: 1, cancelled: 1, cancelledLate: 1, upcoming: 0, remaining: 7 },
      activityCompletion: { sessionPrep: { submitted: 2, total: 12 }, sessionReflection: { submitted: 3, total: 12 } },
      progressRatings: [
        { sessionNumber: 1, rating: 5 },
        { sessionNumber: 2, rating: 6 },
      ],
      actionItems: { done: 2, total: 4 },
      satisfaction: {
        intake: 4,
        final: 8,
        change: 4,
        intakeQuestion: 'How satisfied are you with where you are now?',
        finalQuestion: 'How satisfied are you with where you are now?',
        intakeAnsweredAt: '2026-11-30T08:10:00Z',
        finalAnsweredAt: '2027-02-28T09:00:00Z',
      },
      sessionDetails: [
        {
          sessionNumber: 1,
          title: 'Session 1',
          bookingId: '01KQ3V8H9J0K1L2M3N4P5Q6R7S',
          start: '2026-12-02T10:00:00Z',
          status: 'completed',
          prepSubmitted: true,
          reflectionSubmitted: true,
          rating: 5,
          actionItems: { done: 1, total: 2 },
        },
      ],
    },
  });

export const review = z
  .object({
    clientUserId: z.string(),
    rating: z.number().int().min(REVIEW_RATING.min).max(REVIEW_RATING.max),
    body: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({
    id: 'Review',
    example: { clientUserId: '9a8b7c6d-5e4f-5a1b-a2c3-d4e5f6a7b8c9', rating: 5, body: 'Worth every minute.', createdAt: '2027-03-01T09:00:00Z', updatedAt: '2027-03-01T09:00:00Z' },
  });

export const reviewRequest = z
  .object({
    requestId: id,
    status: z.enum(['open', 'answered', 'expired']).meta({ description: `Open until the client writes a review or for ${REVIEW_REQUEST_OPEN_DAYS} days.` }),
    requestedAt: instant,
    expiresAt: instant,
    answeredAt: nullableInstant,
  })
  .meta({
    id: 'ReviewRequest',
    example: { requestId: '01KQ3VAK0L1M2N3P4Q5R6S7T8V', status: 'open', requestedAt: '2027-03-01T08:00:00Z', expiresAt: '2027-03-31T08:00:00Z', answeredAt: null },
  });

export const reviews = z
  .object({
    items: z.array(review).meta({ description: "The program's review: at most one, its client's." }),
    nextCursor: z.null(),
    request: reviewRequest.nullable().meta({ description: "The coach's latest request, if any." }),
  })
  .meta({ id: 'ReviewList' });

const count = (description: string) => z.number().int().meta({ description });

export const orgAnalytics = z
  .object({
    from: date,
    to: date,
    timeZone: zone.meta({ description: "The org's zone, in which the days are counted." }),
    sessionsCompleted: count('Sessions of every program and package that were held (confirmed, and their end has passed), counted on the day they were booked for in the org zone.'),
    noShows: count('Sessions the client missed, marked by the coach or automatically.'),
    cancellations: count('All cancellations of sessions booked for the period: `cancellationsLate + cancellationsFree`.'),
    cancellationsLate: count('Cancelled by the client under 24 hours ahead: the session is used up.'),
    cancellationsFree: count('Cancelled in time, or by the coach: the session was given back.'),
    activeClients: count('Clients who completed at least one session in the period.'),
    clientRetentionRate: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .meta({
        description:
          'Of the clients who completed at least one session in the previous period of equal length, the share who also completed one in this period (0–1, four decimals); null when no one completed a session then.',
      }),
    retention: z.object({
      previousFrom: date,
      previousTo: date,
      previousClients: z.number().int(),
      retainedClients: z.number().int(),
    }),
    averageRating: z
      .number()
      .nullable()
      .meta({ description: `The mean (two decimals) of the ${REVIEW_RATING.min}–${REVIEW_RATING.max} reviews first written in the period; an edited review keeps its first day. Null when none.` }),
    reviews: count('How many reviews `averageRating` is the mean of.'),
    revenue: z
      .array(
        z.object({
          month: z.string().regex(/^\d{4}-\d{2}$/),
          amount: z.number().int().meta({ description: 'Minor units (cents for USD).' }),
          currency: z.string().meta({ description: 'ISO 4217.' }),
        }),
      )
      .meta({
        description:
          'Per month and currency, oldest first: completed coaching sessions, late cancellations and no-shows, each at the price per session its program had when it was booked. Free cancellations, quick check-ins and programs without a price add nothing; currencies are never added together.',
      }),
  })
  .meta({
    id: 'OrgAnalytics',
    description: `Figures for whole days in the org's zone, \`from\` and \`to\` included (at most ${MAX_PERIOD_DAYS} days).`,
    example: {
      from: '2026-12-01',
      to: '2026-12-31',
      timeZone: 'Europe/London',
      sessionsCompleted: 14,
      noShows: 1,
      cancellations: 3,
      cancellationsLate: 1,
      cancellationsFree: 2,
      activeClients: 5,
      clientRetentionRate: 0.8,
      retention: { previousFrom: '2026-10-31', previousTo: '2026-11-30', previousClients: 5, retainedClients: 4 },
      averageRating: 4.5,
      reviews: 2,
      revenue: [{ month: '2026-12', amount: 240000, currency: 'USD' }],
    },
  });
