import * as z from 'zod/mini';
import { nonBlank } from './common';
import { lazySchema } from './lazy-schema';

export const messageBody = lazySchema(() => z.strictObject({ body: nonBlank(5000) }));
