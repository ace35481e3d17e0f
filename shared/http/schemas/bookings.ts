import * as z from 'zod';
import { parseInstant } from '../../domain/time/instant';
import { id } from './common';
import { programPath } from './programs';

/** An ISO-8601 instant with its offset, as epoch milliseconds. */
export const instant = z.string().transform((value, ctx) => {
  const ms = parseInstant(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'Use an ISO-8601 instant with its offset, e.g. 2026-12-01T09:00:00Z.' });
    return z.NEVER;
  }
  return ms;
}).meta({ description: 'An ISO 8601 instant with its offset.', format: 'date-time', example: '2026-12-07T10:00:00Z' });

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
