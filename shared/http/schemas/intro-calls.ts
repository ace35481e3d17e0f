import * as z from 'zod/mini';
import { INTRO_CALL_RULES } from '../../domain/intro-calls/intro-call';
import { emailAddress, id, instant, pageCursor, pageLimit, plainText, questionId, timeZone } from './common';
import { lazySchema, type Parsed } from './lazy-schema';

/** The public intro-call routes take small bodies only. */
export const INTRO_CALL_MAX_BODY_BYTES = 8 * 1024;

export const introCallsAvailabilityQuery = lazySchema(() => z.strictObject({ from: instant(), to: instant() }));

export const bookIntroCallBody = lazySchema(() =>
  z.strictObject({
    name: plainText(100),
    email: emailAddress(),
    start: instant(),
    timeZone: timeZone(),
    answers: z.optional(z.record(z.string().check(z.maxLength(40)), plainText(1000, { multiline: true }))),
  }),
);
export type BookIntroCallBody = Parsed<typeof bookIntroCallBody>;

/** `<orgId>.<introCallId>.<secret>`, as in the prospect's link; anything else names nothing (404). */
export const introCallTokenPath = lazySchema(() =>
  z.object({
    token: z.string().check(z.minLength(20), z.maxLength(300), z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)),
  }),
);

export const introCallPath = lazySchema(() => z.object({ orgId: id(), introCallId: id() }));

export const cancelIntroCallBody = lazySchema(() => z.optional(z.strictObject({ reason: z.optional(plainText(1000, { multiline: true })) })));

export const rescheduleIntroCallBody = lazySchema(() => z.strictObject({ start: instant() }));

export const introCallsQuery = lazySchema(() =>
  z.strictObject({
    status: z.optional(z.enum(['confirmed', 'cancelled', 'completed'])),
    limit: pageLimit(),
    cursor: pageCursor(),
  }),
);

const introCallQuestion = lazySchema(() =>
  z.strictObject({
    questionId: z.optional(questionId()),
    prompt: plainText(300),
    required: z._default(z.boolean(), false),
  }),
);

/** The coach's intro-call settings, as `PATCH /orgs/{orgId}` takes them. */
export const introCallSettingsBody = lazySchema(() =>
  z.strictObject({
    enabled: z.boolean(),
    scheduleId: id(),
    durationMinutes: z._default(z.literal(INTRO_CALL_RULES.durationMinutes), INTRO_CALL_RULES.durationMinutes),
    questions: z.pipe(
      z._default(z.array(introCallQuestion()).check(z.maxLength(INTRO_CALL_RULES.maxQuestions)), []),
      z.transform((questions: Parsed<typeof introCallQuestion>[], ctx) => {
        const withIds = questions.map((q, i) => ({ questionId: q.questionId ?? `q${i + 1}`, prompt: q.prompt, required: q.required }));
        const seen = new Set<string>();
        withIds.forEach((q, i) => {
          if (seen.has(q.questionId)) ctx.issues.push({ code: 'custom', path: [i, 'questionId'], message: 'Each question needs its own id.', input: questions });
          seen.add(q.questionId);
        });
        return withIds;
      }),
    ),
  }),
);
