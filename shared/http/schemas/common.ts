import * as z from 'zod/mini';
import { ID_PATTERN } from '../../domain/ids';
import { normalizeAddress } from '../../domain/people/person';
import { parseInstant } from '../../domain/time/instant';
import { isValidDate, isValidZone, parseTimeOfDay } from '../../domain/time/wall-clock';
import { lazySchema } from './lazy-schema';

/*
 * The request schemas are written with zod/mini: the same validator core as `zod`, without the
 * chainable methods classic zod attaches to every schema it builds. Building schemas is still the
 * largest work a function would do at load, so each is a `lazySchema`, built on first use (see
 * lazy-schema.ts); the functions below (`nonBlank(max)`, …) build a new one per call, inside a
 * lazy schema's builder.
 */

/** A path id. A malformed one is answered with 404 by the parser, since it names nothing. */
export const id = lazySchema(() => z.string().check(z.regex(ID_PATTERN)));

export const timeZone = lazySchema(() => z.string().check(z.refine(isValidZone, { error: 'Use an IANA time zone name, such as Europe/London.' })));

export const timeOfDay = lazySchema(() => z.string().check(z.refine((v) => parseTimeOfDay(v) !== null, { error: 'Use HH:mm between 00:00 and 24:00.' })));

/** A string read into another value by `read`, which answers null for what it cannot read. */
export const readString = <T>(read: (value: string) => T | null, error: string) =>
  z.pipe(
    z.string(),
    z.transform((value: string, ctx): T => {
      const out = read(value);
      if (out === null) {
        ctx.issues.push({ code: 'custom', message: error, input: value });
        return z.NEVER;
      }
      return out;
    }),
  );

/**
 * An ISO-8601 instant with its offset, as epoch milliseconds: THE instant of every route. One that
 * does not exist (30 February, 24:30) is refused, never rolled over into another day.
 */
export const instant = lazySchema(() =>
  readString(parseInstant, 'Use a real ISO-8601 instant with its offset, e.g. 2026-12-01T09:00:00Z.').check(
    z.meta({ description: 'An ISO 8601 instant with its offset.', format: 'date-time', example: '2026-12-07T10:00:00Z' }),
  ),
);

export const calendarDate = lazySchema(() => z.string().check(z.refine(isValidDate, { error: 'Use a real date as YYYY-MM-DD.' })));

/** Text trimmed, then at least one and at most `max` characters (UTF-16 units). */
export const nonBlank = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** An email address as SES delivers it; stored normalized (see normalizeAddress). */
export const emailAddress = lazySchema(() => readString(normalizeAddress, 'Use an email address, such as jane@example.com.'));

/**
 * A name or title: one line. Line breaks and other control characters are refused, because names
 * travel into email headers and calendar files, where a line break starts something new.
 */
export const singleLine = (max: number) =>
  nonBlank(max).check(z.refine((v) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(v), { error: 'Use one line of text, without line breaks or control characters.' }));

/** Free text that may run over lines (a signature), but carries no other control characters. */
export const multiLine = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max), z.refine((v) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(v), { error: 'Remove control characters.' }));

export const httpsUrl = lazySchema(() => z.url({ protocol: /^https$/, error: 'Use an https:// address.' }).check(z.maxLength(2000)));

/**
 * A whole number in [min, max]; `coerce` for query strings, which arrive as text. `notWhole` and
 * `outOfRange` replace the standard sentences where a field has a better one.
 */
export const wholeNumber = (min: number, max: number, options: { coerce?: boolean; notWhole?: string; outOfRange?: string } = {}) =>
  (options.coerce ? z.coerce.number() : z.number()).check(
    z.int({ error: options.notWhole }),
    z.minimum(min, { error: options.outOfRange }),
    z.maximum(max, { error: options.outOfRange }),
  );

export const pageLimit = lazySchema(() => z.optional(wholeNumber(1, 100, { coerce: true })));
export const pageCursor = lazySchema(() => z.optional(z.string().check(z.maxLength(2000))));

export const pageQuery = lazySchema(() => z.strictObject({ limit: pageLimit(), cursor: pageCursor() }));

export const orgPath = lazySchema(() => z.object({ orgId: id() }));

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
    .check(
      z.trim(),
      z.minLength(1),
      z.refine((v) => [...v].length <= max, { error: `Use at most ${max} characters.` }),
      z.refine((v) => !(options.multiline ? CONTROL_BUT_LINES : CONTROL).test(v), { error: 'Control and invisible formatting characters are not allowed.' }),
    );

/** The id a coach may give a question (else one is made up): it keys the answers. */
export const questionId = lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'Use lowercase letters, digits and underscores, starting with a letter.' })));

/** A PATCH body: each of the object's fields may be left out, but at least one must come. Call it inside a lazy schema's builder. */
export const patchBody = <T extends z.ZodMiniObject>(fields: T) =>
  z.partial(fields).check(z.refine((body) => Object.keys(body).length > 0, { error: 'Send at least one field to change.' }));
