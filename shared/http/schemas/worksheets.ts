import * as z from 'zod/mini';

export const responseBody = z.strictObject({
  answers: z.record(z.string().check(z.maxLength(60)), z.union([z.string(), z.number()])),
});
