import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

export const responseBody = lazySchema(() =>
  z.strictObject({
    answers: z.record(z.string().check(z.maxLength(60)), z.union([z.string(), z.number()])),
  }),
);
