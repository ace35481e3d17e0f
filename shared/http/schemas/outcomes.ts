import * as z from 'zod/mini';
import { MAX_PERIOD_DAYS } from '../../domain/analytics/period';
import { REVIEW_BODY_MAX, REVIEW_RATING } from '../../domain/outcomes/review';
import { isValidDate } from '../../domain/time/wall-clock';
import { calendarDate, wholeNumber } from './common';
import { lazySchema, type Parsed } from './lazy-schema';

export const reviewBody = lazySchema(() =>
  z.strictObject({
    rating: wholeNumber(REVIEW_RATING.min, REVIEW_RATING.max, { outOfRange: `Rate from ${REVIEW_RATING.min} to ${REVIEW_RATING.max}.` }),
    body: z.optional(z.string().check(z.trim(), z.maxLength(REVIEW_BODY_MAX, { error: `Keep the review within ${REVIEW_BODY_MAX} characters.` }))),
  }),
);
export type ReviewBody = Parsed<typeof reviewBody>;

/** A period of whole days in the org's zone, `from` and `to` included, at most 366 days. */
export const periodQuery = lazySchema(() =>
  z.strictObject({ from: calendarDate(), to: calendarDate() }).check(
    z.superRefine((q, ctx) => {
      if (!isValidDate(q.from) || !isValidDate(q.to)) return; // already reported on the field
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
      if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts: use a `to` on or after `from`.' });
      else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A period spans at most ${MAX_PERIOD_DAYS} days.` });
    }),
  ),
);
export type PeriodQuery = Parsed<typeof periodQuery>;
