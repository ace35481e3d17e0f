import * as z from 'zod';
import { INTRO_CALL_RULES } from '../../domain/intro-calls/intro-call';
import { emailAddress, id, instant, plainText, timeZone } from './common';

/** The public intro-call routes take small bodies only. */
export const INTRO_CALL_MAX_BODY_BYTES = 8 * 1024;

export const introCallsAvailabilityQuery = z.strictObject({ from: instant, to: instant });

export const bookIntroCallBody = z.strictObject({
  name: plainText(100),
  email: emailAddress,
  start: instant,
  timeZone,
  answers: z.record(z.string().max(40), plainText(1000, { multiline: true })).optional(),
});
export type BookIntroCallBody = z.output<typeof bookIntroCallBody>;

/** `<orgId>.<introCallId>.<secret>`, as in the prospect's link; anything else names nothing (404). */
export const introCallTokenPath = z.object({ token: z.string().min(20).max(300).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/) });

export const introCallPath = z.object({ orgId: id, introCallId: id });

export const cancelIntroCallBody = z.strictObject({ reason: plainText(1000, { multiline: true }).optional() }).optional();

export const rescheduleIntroCallBody = z.strictObject({ start: instant });

export const introCallsQuery = z.strictObject({
  status: z.enum(['confirmed', 'cancelled', 'completed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2000).optional(),
});

/** The coach's intro-call settings, as `PATCH /orgs/{orgId}` takes them. */
export const introCallSettingsBody = z.strictObject({
  enabled: z.boolean(),
  scheduleId: id,
  durationMinutes: z.literal(INTRO_CALL_RULES.durationMinutes).default(INTRO_CALL_RULES.durationMinutes),
  questions: z
    .array(
      z.strictObject({
        questionId: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'Use lowercase letters, digits and underscores, starting with a letter.' }).optional(),
        prompt: plainText(300),
        required: z.boolean().default(false),
      }),
    )
    .max(INTRO_CALL_RULES.maxQuestions)
    .default([])
    .transform((questions, ctx) => {
      const withIds = questions.map((q, i) => ({ questionId: q.questionId ?? `q${i + 1}`, prompt: q.prompt, required: q.required }));
      const seen = new Set<string>();
      withIds.forEach((q, i) => {
        if (seen.has(q.questionId)) ctx.addIssue({ code: 'custom', path: [i, 'questionId'], message: 'Each question needs its own id.' });
        seen.add(q.questionId);
      });
      return withIds;
    }),
});
