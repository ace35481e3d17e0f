import * as z from 'zod/mini';
import { SESSION_LIMITS } from '../../domain/programs/program';
import { singleLine, wholeNumber } from './common';
import { lazySchema } from './lazy-schema';

export const resourceBody = lazySchema(() =>
  z.strictObject({
    title: singleLine(200),
    url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
    note: z.optional(z.string().check(z.maxLength(5000))),
    sessionNumber: z.optional(wholeNumber(1, SESSION_LIMITS.max)),
  }),
);
