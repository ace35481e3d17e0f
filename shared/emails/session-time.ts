import type { Person } from '../domain/people/person';

/** The reader's zone, locale and hour cycle: every time in an email is written for its reader. */
export type TimeReader = Pick<Person, 'zone' | 'locale' | 'hourCycle'>;

/**
 * Intl formatters are costly to make (about a millisecond each) and an email needs several, so each
 * one is made once per container and reused.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const date = (minute: number) => new Date(minute * 60_000);
const clock = (minute: number, r: TimeReader) =>
  formatter(r.locale, r.zone, { hour: r.hourCycle === 12 ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: r.hourCycle === 12 ? 'h12' : 'h23' }).format(date(minute));
const day = (minute: number, r: TimeReader) => formatter(r.locale, r.zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date(minute));
const isoDay = (minute: number, zone: string) => formatter('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date(minute));

/**
 * The zone's short name at that moment ("EDT", "BST", "MEZ"): as the reader's locale writes it
 * when it has a name for it, else as English in the US or in Britain does (Intl knows "EST" only
 * in en-US and "BST" only in en-GB), else the offset ("GMT+5:30").
 */
function zoneName(minute: number, reader: TimeReader): string {
  const names = [reader.locale, 'en-US', 'en-GB'].map(
    (locale) => formatter(locale, reader.zone, { timeZoneName: 'short' }).formatToParts(date(minute)).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC',
  );
  return names.find((name) => !/^(GMT|UTC)([+-−]|$)/.test(name)) ?? names[0] ?? 'UTC';
}

/** "Tuesday, December 1, 2026, 10:00 AM – 11:00 AM EST": a session's time for one reader. */
export function sessionTime(start: number, end: number, reader: TimeReader): string {
  const sameDay = isoDay(start, reader.zone) === isoDay(end, reader.zone);
  const until = sameDay ? clock(end, reader) : `${day(end, reader)}, ${clock(end, reader)}`;
  return `${day(start, reader)}, ${clock(start, reader)} – ${until} ${zoneName(start, reader)}`;
}

/** "Tue, Dec 1, 10:00 AM EST": short enough for a subject line, still with its zone. */
export function shortTime(start: number, reader: TimeReader): string {
  const when = formatter(reader.locale, reader.zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(date(start));
  return `${when}, ${clock(start, reader)} ${zoneName(start, reader)}`;
}

/** "Tuesday, December 1, 2026, 10:00 AM EST": one moment for a reader. */
export const momentTime = (minute: number, reader: TimeReader) => `${day(minute, reader)}, ${clock(minute, reader)} ${zoneName(minute, reader)}`;

/** "60 minutes". */
export const duration = (start: number, end: number) => `${end - start} minutes`;
