import * as z from 'zod';
import { ID_PATTERN } from '../../domain/ids';
import { isValidDate, isValidZone, parseTimeOfDay } from '../../domain/time/wall-clock';

/** A path id. A malformed one is answered with 404 by the parser, since it names nothing. */
export const id = z.string().regex(ID_PATTERN);

export const timeZone = z.string().refine(isValidZone, { error: 'Use an IANA time zone name, such as Europe/London.' });

export const timeOfDay = z.string().refine((v) => parseTimeOfDay(v) !== null, { error: 'Use HH:mm between 00:00 and 24:00.' });

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

/**
 * Text from the public internet: no control characters (tabs and line breaks only where `multiline`)
 * and none of the invisible formatting characters (bidi overrides, zero-width joiners) used to
 * make one name look like another. Length counts characters, not UTF-16 units.
 */
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const CONTROL_BUT_LINES = /(?![\t\n\r])[\p{Cc}\p{Cf}\u2028\u2029]/u;
export const plainText = (max: number, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => [...v].length <= max, { error: `Use at most ${max} characters.` })
    .refine((v) => !(options.multiline ? CONTROL_BUT_LINES : CONTROL).test(v), { error: 'Control and invisible formatting characters are not allowed.' });

/**
 * An address mail can be delivered to: the practical subset of RFC 5321/5322 (dot-atom local part,
 * a domain of valid labels with a letter TLD), at most 64 characters before the @ and 254 in all.
 */
export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Use a valid email address, such as sam@example.com.' }))
  .refine((v) => (v.split('@')[0]?.length ?? 0) <= 64 && v.split('@')[1]?.split('.').every((label) => label.length <= 63 && !label.startsWith('-') && !label.endsWith('-')), {
    error: 'Use a valid email address, such as sam@example.com.',
  })
  .transform((v) => v.toLowerCase());
