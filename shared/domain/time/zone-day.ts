/**
 * The calendar date an instant falls on in an IANA zone, through Intl rather than luxon: functions
 * that need nothing more of a zone (reviews' stats) then do not load luxon, which costs about a
 * sixth of a small function's cold start (`npm run bench -- cold`).
 */
export interface ZoneDate {
  year: number;
  month: number;
  day: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'iso8601', numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric' });
    formats.set(zone, format);
  }
  return format;
}

export function zoneDateOf(epochMs: number, zone: string): ZoneDate {
  const parts = formatFor(zone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The same date as YYYY-MM-DD. */
export function zoneDayOf(epochMs: number, zone: string): string {
  const { year, month, day } = zoneDateOf(epochMs, zone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
