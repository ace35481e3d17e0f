import * as z from 'zod';
import { profileFields } from './identity';
import { EDITABLE_WORKSHEETS, HOMEPAGE_KEYS, SESSION_LIMITS } from '../../domain/programs/program';
import { calendarDate, emailAddress, id, nonBlank, singleLine } from './common';

export const programPath = z.object({ orgId: id, programId: id });
export const modulePath = programPath.extend({ moduleId: id });
export const activityPath = programPath.extend({ activityId: id });
export const templatePath = programPath.extend({ templateKind: z.enum(EDITABLE_WORKSHEETS) });
export const resourcePath = programPath.extend({ resourceId: id });
export const actionItemPath = programPath.extend({ actionItemId: id });

/** ISO 4217 codes the runtime knows (Intl's list), e.g. USD, EUR, JPY. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A price in minor units (cents for USD, yen for JPY) and its ISO 4217 currency. */
const money = z.strictObject({
  amount: z.number().int({ error: 'Give the amount in minor units, as a whole number (24950 for 249.50 USD).' }).min(0).max(100_000_000),
  currency: z.string().refine((code) => CURRENCIES.has(code), { error: 'Use an ISO 4217 currency code such as USD, EUR or JPY.' }),
});

export const createProgramBody = z.strictObject({
  type: z.literal('one_to_one_coaching'),
  name: singleLine(120).optional(),
  totalSessions: z.number().int().min(SESSION_LIMITS.min).max(SESSION_LIMITS.max).optional(),
  scheduleId: id.optional(),
  quickCheckIns: z.boolean().optional(),
  pricePerSession: money.optional(),
  /** Start the program for the person of this intro call: they are invited at once, by name. */
  fromIntroCallId: id.optional(),
});
export type CreateProgramBody = z.output<typeof createProgramBody>;

export const patchProgramBody = z
  .strictObject({ name: singleLine(120), pricePerSession: money.nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'Send at least one field to change.' });
export type PatchProgramBody = z.output<typeof patchProgramBody>;

export const newModuleBody = z.strictObject({ title: singleLine(120).optional() }).optional();
export const renameModuleBody = z.strictObject({ title: singleLine(120) });

const question = z
  .strictObject({
    questionId: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'Use lowercase letters, digits and underscores, starting with a letter.' }).optional(),
    prompt: nonBlank(500),
    type: z.enum(['text', 'rating']),
    min: z.number().int().min(0).max(100).optional(),
    max: z.number().int().min(1).max(100).optional(),
    required: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'text' && (q.min !== undefined || q.max !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'Only rating questions have a range.' });
    }
    if (q.type === 'rating' && (q.min ?? 1) >= (q.max ?? 10)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'The maximum must be above the minimum.' });
    }
  });

export const templateBody = z.strictObject({
  questions: z
    .array(question)
    .min(1)
    .max(20)
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (q.questionId && seen.has(q.questionId)) ctx.addIssue({ code: 'custom', path: [i, 'questionId'], message: 'Each question needs its own id.' });
        if (q.questionId) seen.add(q.questionId);
      });
    }),
});
export type TemplateBody = z.output<typeof templateBody>;

export const homepageBody = z.strictObject({
  sections: z
    .array(z.strictObject({ key: z.enum(HOMEPAGE_KEYS), title: singleLine(120), body: z.string().max(10_000) }))
    .max(HOMEPAGE_KEYS.length)
    .superRefine((sections, ctx) => {
      const seen = new Set<string>();
      sections.forEach((s, i) => {
        if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Each section appears once.' });
        seen.add(s.key);
      });
    }),
});
export type HomepageBody = z.output<typeof homepageBody>;

export const inviteBody = z.strictObject({ email: emailAddress });
/** The client's own zone, for the times in their emails. */
export const acceptInviteBody = profileFields.pick({ timeZone: true, displayName: true, locale: true, hourCycle: true }).partial().optional();
export const invitePath = z.object({ token: z.string().min(10).max(300) });

export const messageBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const resourceBody = z.strictObject({
  title: singleLine(200),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  note: z.string().max(5000).optional(),
  sessionNumber: z.number().int().min(1).max(SESSION_LIMITS.max).optional(),
});

export const responseBody = z.strictObject({
  answers: z.record(z.string().max(60), z.union([z.string(), z.number()])),
});

export const newActionItemBody = z.strictObject({ text: nonBlank(1000), dueDate: calendarDate.optional() });
export const patchActionItemBody = z
  .strictObject({ done: z.boolean(), text: nonBlank(1000), dueDate: calendarDate.nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'Send at least one field to change.' });
export const actionItemsQuery = z.strictObject({
  moduleId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2000).optional(),
});
