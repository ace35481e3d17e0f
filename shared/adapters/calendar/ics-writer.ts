/**
 * THE iCalendar writer: every calendar Rapport hands out (invitations, cancellations, the coach's
 * feed) is written here, so escaping is right once and everywhere. Hand-written rather than a
 * library because the one used before got parameter values wrong (backslash escapes inside quoted
 * CN values, which RFC 5545 §3.2 does not allow) and let CR/LF through in calendar names.
 *
 *   TEXT values (SUMMARY, DESCRIPTION, LOCATION, NAME…): `\` `;` `,` escaped, line breaks as `\n`,
 *     other controls dropped (RFC 5545 §3.3.11).
 *   Parameter values (CN): always quoted, `^` `"` and line breaks as RFC 6868 `^^` `^'` `^n`.
 *   URIs (mailto:, https:): percent-encoded where RFC 6068 / 3986 want it, never escaped as TEXT.
 *   Lines folded at 75 octets without splitting a UTF-8 sequence; CRLF after every line, the last too.
 */

export interface CalendarPerson {
  name: string;
  email: string;
}

export type ParticipationStatus = 'ACCEPTED' | 'NEEDS-ACTION' | 'DECLINED';

export interface CalendarAttendee extends CalendarPerson {
  partstat: ParticipationStatus;
}

/** One session as calendars see it. Times are epoch minutes and are written in UTC. */
export interface CalendarEvent {
  /** Stable per booking across every change, so calendars update the event instead of adding one. */
  uid: string;
  /** Rises on every change (reschedule, cancel, new details): calendars keep the highest. */
  sequence: number;
  start: number;
  end: number;
  /** When this version of the event was made (DTSTAMP), epoch ms. */
  stampedAt: number;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
  cancelled?: boolean;
  organizer?: CalendarPerson;
  attendees?: CalendarAttendee[];
}

export type InviteMethod = 'REQUEST' | 'CANCEL';

const PRODID = '-//Rapport//Coaching sessions//EN';

/** An invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) of one event, for an email. */
export function buildInvite(method: InviteMethod, event: CalendarEvent): string {
  return serialize([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...eventLines({ ...event, cancelled: method === 'CANCEL' || event.cancelled }),
    'END:VCALENDAR',
  ]);
}

/** A subscribable feed (no METHOD: it is a published calendar), refreshed every 15 minutes. */
export function buildFeed(name: string, events: CalendarEvent[]): string {
  return serialize([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `NAME:${text(name)}`,
    `X-WR-CALNAME:${text(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
    'X-PUBLISHED-TTL:PT15M',
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ]);
}

function eventLines(event: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`,
    `DTSTAMP:${utc(event.stampedAt)}`,
    `DTSTART:${utc(event.start * 60_000)}`,
    `DTEND:${utc(event.end * 60_000)}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    // Sessions are private to coach and client: a shared or delegated calendar shows only "busy".
    'CLASS:PRIVATE',
    `TRANSP:${event.cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
    ...(event.organizer ? [`ORGANIZER;CN=${param(event.organizer.name)}:${mailto(event.organizer.email)}`] : []),
    ...(event.attendees ?? []).map(
      (a) => `ATTENDEE;CN=${param(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${a.partstat};RSVP=FALSE:${mailto(a.email)}`,
    ),
    'END:VEVENT',
  ];
}

// Controls other than TAB, CR and LF, and DEL: not allowed in any value.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 §3.3.11). */
export function text(value: string): string {
  return value
    .replace(CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value, always quoted (RFC 5545 §3.2) with RFC 6868's caret escapes. */
export function param(value: string): string {
  const escaped = value
    .replace(CONTROLS, '')
    .replace(/\t/g, ' ')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
  return `"${escaped}"`;
}

/** A URI value: no controls or spaces may reach the line (they would end or break it). */
const uri = (value: string) => value.replace(/[\u0000-\u0020\u007f]/g, (c) => encodeURIComponent(c));

/** A mailto: URI (RFC 6068): characters outside a dot-atom are percent-encoded. */
export function mailto(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const encodedLocal = [...local].map((c) => (/^[A-Za-z0-9!$'*+\-^_`{|}~.]$/.test(c) ? c : encodeURIComponent(c))).join('');
  return `mailto:${encodedLocal}@${domain}`;
}

const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Folds each content line at 75 octets (never inside a UTF-8 sequence) and ends every line with CRLF. */
function serialize(lines: string[]): string {
  return lines.map(fold).join('');
}

function fold(line: string): string {
  let out = '';
  let width = 0;
  for (const char of line) {
    const octets = Buffer.byteLength(char, 'utf8');
    if (width + octets > 75) {
      out += '\r\n ';
      width = 1;
    }
    out += char;
    width += octets;
  }
  return `${out}\r\n`;
}
