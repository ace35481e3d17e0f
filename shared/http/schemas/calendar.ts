import * as z from 'zod/mini';
import { nonBlank } from './common';
import { lazySchema } from './lazy-schema';

export const connectCalendarBody = lazySchema(() => z.strictObject({ icsUrl: nonBlank(2000) }));

/** The feed's secret in the URL is the credential; a malformed one names nothing. */
export const feedPath = lazySchema(() => z.object({ feedToken: z.string().check(z.minLength(10), z.maxLength(200)) }));
