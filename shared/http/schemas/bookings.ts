import * as z from 'zod/mini';
import { instant, nonBlank, pageCursor, pageLimit } from './common';

const packageId = z._default(z.enum(['coaching', 'quick_check_in']), 'coaching');

export const availabilityQuery = z.strictObject({ packageId, from: instant, to: instant });

export const bookingBody = z.strictObject({ packageId, start: instant });

export const cancelBody = z.optional(z.strictObject({ reason: z.optional(nonBlank(1000)) }));

export const bookingsQuery = z.strictObject({
  status: z.optional(z.enum(['confirmed', 'cancelled', 'no_show', 'completed'])),
  limit: pageLimit,
  cursor: pageCursor,
});
