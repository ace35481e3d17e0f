import * as z from 'zod/mini';
import { canonicalLocale } from '../../domain/people/person';
import { httpsUrl, multiLine, patchBody, readString, singleLine, timeZone } from './common';
import { lazySchema, type Parsed } from './lazy-schema';

/** The fields of a person's profile; null clears one. */
export const profileFields = lazySchema(() =>
  z.strictObject({
    displayName: z.nullable(singleLine(80)),
    timeZone: z.nullable(timeZone()),
    locale: z.nullable(z.pipe(z.string().check(z.maxLength(35)), readString(canonicalLocale, 'Use a BCP 47 language tag, such as en-US or de-DE.'))),
    hourCycle: z.nullable(z.union([z.literal(12), z.literal(24)])),
    bio: z.nullable(multiLine(2000)),
    photoUrl: z.nullable(httpsUrl()),
  }),
);

export const patchMeBody = lazySchema(() =>
  patchBody(profileFields()),
);

export type PatchMeBody = Parsed<typeof patchMeBody>;
