import * as z from 'zod/mini';
import { instant, nonBlank, pageCursor, pageLimit } from './common';
import { lazySchema } from './lazy-schema';

const packageId = lazySchema(() => z._default(z.enum(['coaching', 'quick_check_in']), 'coaching'));

export const availabilityQuery = lazySchema(() => z.strictObject({ packageId: packageId(), from: instant(), to: instant() }));

export const bookingBody = lazySchema(() => z.strictObject({ packageId: packageId(), start: instant() }));

export const cancelBody = lazySchema(() => z.optional(z.strictObject({ reason: z.optional(nonBlank(1000)) })));

export const bookingsQuery = lazySchema(() =>
  z.strictObject({
    status: z.optional(z.enum(['confirmed', 'cancelled', 'no_show', 'completed'])),
    limit: pageLimit(),
    cursor: pageCursor(),
  }),
);
