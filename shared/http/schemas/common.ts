import * as z from 'zod';
import { ID_PATTERN } from '../../domain/ids';
import { parseInstant } from '../../domain/time/instant';
import { isValidDate, isValidZone, parseTimeOfDay } from '../../domain/time/wall-clock';

/** A path id. A malformed one is answered with 404 by the parser, since it names nothing. */
export const id = z.string().regex(ID_PATTERN);

export const timeZone = z.string().refine(isValidZone, { error: 'Use an IANA time zone name, such as Europe/London.' });

export const timeOfDay = z.string().refine((v) => parseTimeOfDay(v) !== null, { error: 'Use HH:mm between 00:00 and 24:00.' });

/**
 * An ISO-8601 instant with its offset, as epoch milliseconds: THE instant of every route. One that
 * does not exist (30 February, 24:30) is refused, never rolled over into another day.
 */
export const instant = z.string().transform((value, ctx) => {
  const ms = parseInstant(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'Use a real ISO-8601 instant with its offset, e.g. 2026-12-01T09:00:00Z.' });
    return z.NEVER;
  }
  return ms;
});

export const calendarDate = z.string().refine(isValidDate, { error: 'Use a real date as YYYY-MM-DD.' });

export const nonBlank = (max: number) => z.string().trim().min(1).max(max);

export const httpsUrl = z
  .url({ protocol: /^https$/, error: 'Use an https:// address.' })
  .max(2000);

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2000).optional(),
});

export const orgPath = z.object({ orgId: id });
