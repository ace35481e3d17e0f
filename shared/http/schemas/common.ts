import * as z from 'zod';
import { ID_PATTERN } from '../../domain/ids';
import { normalizeAddress } from '../../domain/people/person';
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
}).meta({ description: 'An ISO 8601 instant with its offset.', format: 'date-time', example: '2026-12-07T10:00:00Z' });

export const calendarDate = z.string().refine(isValidDate, { error: 'Use a real date as YYYY-MM-DD.' });

export const nonBlank = (max: number) => z.string().trim().min(1).max(max);

/** An email address as SES delivers it; stored normalized (see normalizeAddress). */
export const emailAddress = z.string().transform((value, ctx) => {
  const address = normalizeAddress(value);
  if (!address) ctx.addIssue({ code: 'custom', message: 'Use an email address, such as jane@example.com.' });
  return address ?? value;
});

/**
 * A name or title: one line. Line breaks and other control characters are refused, because names
 * travel into email headers and calendar files, where a line break starts something new.
 */
export const singleLine = (max: number) =>
  nonBlank(max).refine((v) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(v), { error: 'Use one line of text, without line breaks or control characters.' });

/** Free text that may run over lines (a signature), but carries no other control characters. */
export const multiLine = (max: number) =>
  z.string().trim().max(max).refine((v) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(v), { error: 'Remove control characters.' });

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

