import * as z from 'zod';
import { id, instant } from './common';
import { programPath } from './programs';

const packageId = z.enum(['coaching', 'quick_check_in']);

export const availabilityQuery = z.strictObject({ packageId: packageId.default('coaching'), from: instant, to: instant });

export const bookingBody = z.strictObject({ packageId: packageId.default('coaching'), start: instant });

export const bookingPath = programPath.extend({ bookingId: id });

export const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() }).optional();

export const bookingsQuery = z.strictObject({
  status: z.enum(['confirmed', 'cancelled', 'no_show', 'completed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2000).optional(),
});
