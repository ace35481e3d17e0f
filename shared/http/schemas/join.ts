import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/** A per-person, per-session join link's token; its signature is checked by the use case. */
export const joinLinkPath = lazySchema(() => z.object({ token: z.string().check(z.maxLength(400)) }));
