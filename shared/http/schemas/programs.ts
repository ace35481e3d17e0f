import * as z from 'zod/mini';
import { HOMEPAGE_KEYS, SESSION_LIMITS } from '../../domain/programs/program';
import { id, nonBlank, patchBody, questionId, singleLine, wholeNumber } from './common';
import { lazySchema, type Parsed } from './lazy-schema';

/** ISO 4217 codes the runtime knows (Intl's list), e.g. USD, EUR, JPY; read on first use. */
let currencies: Set<string> | undefined;
const isCurrency = (code: string) => (currencies ??= new Set(Intl.supportedValuesOf('currency'))).has(code);

/** A price in minor units (cents for USD, yen for JPY) and its ISO 4217 currency. */
const money = lazySchema(() =>
  z.strictObject({
    amount: wholeNumber(0, 100_000_000, { notWhole: 'Give the amount in minor units, as a whole number (24950 for 249.50 USD).' }),
    currency: z.string().check(z.refine(isCurrency, { error: 'Use an ISO 4217 currency code such as USD, EUR or JPY.' })),
  }),
);

export const createProgramBody = lazySchema(() =>
  z.strictObject({
    type: z.literal('one_to_one_coaching'),
    name: z.optional(singleLine(120)),
    totalSessions: z.optional(wholeNumber(SESSION_LIMITS.min, SESSION_LIMITS.max)),
    scheduleId: z.optional(id()),
    quickCheckIns: z.optional(z.boolean()),
    pricePerSession: z.optional(money()),
    /** Start the program for the person of this intro call: they are invited at once, by name. */
    fromIntroCallId: z.optional(id()),
  }),
);
export type CreateProgramBody = Parsed<typeof createProgramBody>;

export const patchProgramBody = lazySchema(() =>
  patchBody(z.strictObject({ name: singleLine(120), pricePerSession: z.nullable(money()) })),
);
export type PatchProgramBody = Parsed<typeof patchProgramBody>;

export const newModuleBody = lazySchema(() => z.optional(z.strictObject({ title: z.optional(singleLine(120)) })));
export const renameModuleBody = lazySchema(() => z.strictObject({ title: singleLine(120) }));

const question = lazySchema(() =>
  z
    .strictObject({
      questionId: z.optional(questionId()),
      prompt: nonBlank(500),
      type: z.enum(['text', 'rating']),
      min: z.optional(wholeNumber(0, 100)),
      max: z.optional(wholeNumber(1, 100)),
      required: z._default(z.boolean(), false),
    })
    .check(
      z.superRefine((q, ctx) => {
        if (q.type === 'text' && (q.min !== undefined || q.max !== undefined)) {
          ctx.addIssue({ code: 'custom', path: ['min'], message: 'Only rating questions have a range.' });
        }
        if (q.type === 'rating' && (q.min ?? 1) >= (q.max ?? 10)) {
          ctx.addIssue({ code: 'custom', path: ['max'], message: 'The maximum must be above the minimum.' });
        }
      }),
    ),
);

export const templateBody = lazySchema(() =>
  z.strictObject({
    questions: z.array(question()).check(
      z.minLength(1),
      z.maxLength(20),
      z.superRefine((questions, ctx) => {
        const seen = new Set<string>();
        questions.forEach((q, i) => {
          if (q.questionId && seen.has(q.questionId)) ctx.addIssue({ code: 'custom', path: [i, 'questionId'], message: 'Each question needs its own id.' });
          if (q.questionId) seen.add(q.questionId);
        });
      }),
    ),
  }),
);
export type TemplateBody = Parsed<typeof templateBody>;

export const homepageBody = lazySchema(() =>
  z.strictObject({
    sections: z.array(z.strictObject({ key: z.enum(HOMEPAGE_KEYS), title: singleLine(120), body: z.string().check(z.maxLength(10_000)) })).check(
      z.maxLength(HOMEPAGE_KEYS.length),
      z.superRefine((sections, ctx) => {
        const seen = new Set<string>();
        sections.forEach((s, i) => {
          if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Each section appears once.' });
          seen.add(s.key);
        });
      }),
    ),
  }),
);
export type HomepageBody = Parsed<typeof homepageBody>;
