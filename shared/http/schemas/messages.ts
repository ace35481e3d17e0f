import * as z from 'zod/mini';
import { nonBlank } from './common';

export const messageBody = z.strictObject({ body: nonBlank(5000) });
