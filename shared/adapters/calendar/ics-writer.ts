import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One session as calendars see it. Times are epoch minutes and are written in UTC. */
export interface CalendarEntry {
  /** Stable per booking across every change, so calendars update the event instead of adding one. */
  uid: string;
  /** Rises on every change (reschedule, cancel): calendars keep the highest. */
  sequence: number;
  start: number;
  end: number;
  summary: string;
  description: string;
  url?: string | null;
  location?: string | null;
  cancelled?: boolean;
  organizer?: { name: string; email: string };
  attendees?: { name?: string; email: string }[];
  /** When this version of the event was made (DTSTAMP), epoch ms. */
  stampedAt: number;
}

const PRODUCT = { company: 'Rapport', product: 'Coaching', language: 'EN' };
const toDate = (epochMinutes: number) => new Date(epochMinutes * 60_000);

function addEvent(calendar: ReturnType<typeof ical>, entry: CalendarEntry): void {
  const event = calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start: toDate(entry.start),
    end: toDate(entry.end),
    stamp: new Date(entry.stampedAt),
    summary: entry.summary,
    description: entry.description,
    location: entry.location ?? undefined,
    url: entry.url ?? undefined,
    status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: entry.organizer,
  });
  for (const attendee of entry.attendees ?? []) {
    event.createAttendee({ email: attendee.email, name: attendee.name, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED, rsvp: false });
  }
}

/** The coach's subscribable feed of their sessions (no METHOD: it is a published calendar). */
export function feedCalendar(name: string, entries: CalendarEntry[]): string {
  const calendar = ical({ name, prodId: PRODUCT, ttl: 15 * 60 });
  for (const entry of entries) addEvent(calendar, entry);
  return calendar.toString();
}

/** An invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) of one session, for an email. */
export function inviteCalendar(method: 'REQUEST' | 'CANCEL', entry: CalendarEntry): string {
  const calendar = ical({ prodId: PRODUCT, method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(calendar, { ...entry, cancelled: method === 'CANCEL' || entry.cancelled });
  return calendar.toString();
}
