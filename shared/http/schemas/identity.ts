import * as z from 'zod';
import { canonicalLocale } from '../../domain/people/person';
import { httpsUrl, multiLine, singleLine, timeZone } from './common';

/** The fields of a person's profile; null clears one. */
export const profileFields = z.strictObject({
  displayName: singleLine(80).nullable(),
  timeZone: timeZone.nullable(),
  locale: z
    .string()
    .max(35)
    .transform((tag, ctx) => {
      const canonical = canonicalLocale(tag);
      if (!canonical) ctx.addIssue({ code: 'custom', message: 'Use a BCP 47 language tag, such as en-US or de-DE.' });
      return canonical ?? tag;
    })
    .nullable(),
  hourCycle: z.union([z.literal(12), z.literal(24)]).nullable(),
  bio: multiLine(2000).nullable(),
  photoUrl: httpsUrl.nullable(),
});

export const patchMeBody = profileFields.partial().refine((body) => Object.keys(body).length > 0, { error: 'Send at least one field to change.' });

export type PatchMeBody = z.output<typeof patchMeBody>;
