import * as z from 'zod';
import { MAX_PERIOD_DAYS } from '../../domain/analytics/org-analytics';
import { REVIEW_BODY_MAX, REVIEW_RATING } from '../../domain/outcomes/review';
import { isValidDate } from '../../domain/time/wall-clock';
import { calendarDate } from './common';

export const reviewBody = z.strictObject({
  rating: z.number().int().min(REVIEW_RATING.min, { error: `Rate from ${REVIEW_RATING.min} to ${REVIEW_RATING.max}.` }).max(REVIEW_RATING.max, { error: `Rate from ${REVIEW_RATING.min} to ${REVIEW_RATING.max}.` }),
  body: z.string().trim().max(REVIEW_BODY_MAX, { error: `Keep the review within ${REVIEW_BODY_MAX} characters.` }).optional(),
});
export type ReviewBody = z.output<typeof reviewBody>;

/** A period of whole days in the org's zone, `from` and `to` included, at most 366 days. */
export const periodQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .superRefine((q, ctx) => {
    if (!isValidDate(q.from) || !isValidDate(q.to)) return; // already reported on the field
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts: use a `to` on or after `from`.' });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A period spans at most ${MAX_PERIOD_DAYS} days.` });
  });
export type PeriodQuery = z.output<typeof periodQuery>;
