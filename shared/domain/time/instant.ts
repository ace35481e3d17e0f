/**
 * Instants inside are integer epoch minutes (bookings, locks) or epoch milliseconds (the clock);
 * at the edge they are ISO-8601 UTC strings with `Z` and no fractional seconds.
 */
export const MS_PER_MINUTE = 60_000;

export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const toEpochMinutes = (epochMs: number): number => Math.floor(epochMs / MS_PER_MINUTE);

export const minutesToInstant = (epochMinutes: number): string => formatInstant(epochMinutes * MS_PER_MINUTE);

/** Parses an ISO-8601 instant that names its offset (`Z` or `+01:00`); null for anything else. */
export function parseInstant(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
