/**
 * Instants inside are integer epoch minutes (bookings, locks) or epoch milliseconds (the clock);
 * at the edge they are ISO-8601 UTC strings with `Z` and no fractional seconds.
 */
export const MS_PER_MINUTE = 60_000;

export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const toEpochMinutes = (epochMs: number): number => Math.floor(epochMs / MS_PER_MINUTE);

export const minutesToInstant = (epochMinutes: number): string => formatInstant(epochMinutes * MS_PER_MINUTE);

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO-8601 instant that names its offset (`Z` or `+01:00`); null for anything else —
 * including instants that do not exist: `Date.parse` reads 30 February as 2 March and 24:30 as the
 * next day, so every field is checked against the calendar first.
 */
export function parseInstant(value: string): number | null {
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  if (match[8] && (Number(match[9]) > 18 || Number(match[10]) > 59)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
