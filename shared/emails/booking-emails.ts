import type { EmailMessage } from '../adapters/mail/mailer';
import { inviteCalendar, type CalendarEntry } from '../adapters/calendar/ics-writer';
import type { Booking } from '../domain/bookings/booking';
import { appLinks } from './app-links';
import { renderEmail } from './layout';
import { sessionTime, shortTime } from './session-time';

/** Who and where a session's emails speak about. Each reader gets times in their own zone. */
export interface SessionParties {
  orgName: string;
  programName: string;
  coachEmail: string;
  clientEmail: string;
  coachZone: string;
  clientZone: string;
  meetingUrl: string | null;
  appUrl: string;
}

export const sessionLabel = (booking: Pick<Booking, 'packageId' | 'sessionNumber'>) =>
  booking.packageId === 'quick_check_in' ? 'Quick Check-in' : `Session ${booking.sessionNumber ?? ''}`.trim();

/** The calendar event both parties get: one UID per booking, the SEQUENCE of this version. */
export function calendarEntryOf(booking: Booking, parties: SessionParties, stampedAt: number): CalendarEntry {
  const link = appLinks.booking(parties.appUrl, booking.orgId, booking.programId, booking.bookingId);
  return {
    uid: `${booking.bookingId}@rapport`,
    sequence: booking.sequence,
    start: booking.start,
    end: booking.end,
    summary: `${parties.programName}: ${sessionLabel(booking)}`,
    description: [
      `${sessionLabel(booking)} of ${parties.programName}, coached by ${parties.orgName}.`,
      `Prepare and join from Rapport (joining opens 15 minutes before the start): ${link}`,
    ].join('\n'),
    url: link,
    location: parties.meetingUrl,
    organizer: { name: parties.orgName, email: parties.coachEmail },
    attendees: [{ email: parties.clientEmail }],
    stampedAt,
  };
}

const attachment = (method: 'REQUEST' | 'CANCEL', entry: CalendarEntry) => ({
  filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
  contentType: `text/calendar; charset=utf-8; method=${method}`,
  content: inviteCalendar(method, entry),
});

export function bookingConfirmedEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const entry = calendarEntryOf(booking, parties, stampedAt);
  const label = sessionLabel(booking);
  const link = appLinks.booking(parties.appUrl, booking.orgId, booking.programId, booking.bookingId);
  const bookedByCoach = booking.bookedBy === 'coach';
  return [
    renderEmail({
      to: [parties.coachEmail],
      fromName: 'Rapport',
      replyTo: [parties.clientEmail],
      subject: `Booked: ${label} with ${parties.clientEmail}, ${shortTime(booking.start, parties.coachZone)}`,
      greeting: 'Hello,',
      paragraphs: [bookedByCoach ? `You booked ${label} of "${parties.programName}" with ${parties.clientEmail}.` : `${parties.clientEmail} booked ${label} of "${parties.programName}".`],
      details: [
        ['When', sessionTime(booking.start, booking.end, parties.coachZone)],
        ['Client', parties.clientEmail],
      ],
      action: { label: 'Open the session', url: link },
      attachments: [attachment('REQUEST', entry)],
    }),
    renderEmail({
      to: [parties.clientEmail],
      fromName: `${parties.orgName} via Rapport`,
      replyTo: [parties.coachEmail],
      subject: `Your ${label} is booked: ${shortTime(booking.start, parties.clientZone)}`,
      greeting: 'Hello,',
      paragraphs: [
        bookedByCoach ? `${parties.orgName} booked ${label} of "${parties.programName}" with you.` : `Your ${label} of "${parties.programName}" is booked.`,
        'Before we meet, take five minutes for the prep form in the session module: it lets us start with what matters most to you.',
      ],
      details: [['When', sessionTime(booking.start, booking.end, parties.clientZone)]],
      action: { label: 'Prepare for the session', url: link },
      attachments: [attachment('REQUEST', entry)],
    }),
  ];
}

export function bookingCancelledEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const entry = calendarEntryOf(booking, parties, stampedAt);
  const label = sessionLabel(booking);
  const byCoach = booking.cancelledBy === 'coach';
  const reason = booking.cancelReason ? [`Reason given: ${booking.cancelReason}`] : [];
  const credit = booking.creditReturned
    ? 'The session goes back to the package, so it can be booked again.'
    : 'It was cancelled less than 24 hours before the start, so it counts as used.';
  return [
    renderEmail({
      to: [parties.coachEmail],
      fromName: 'Rapport',
      subject: `Cancelled: ${label} with ${parties.clientEmail}, ${shortTime(booking.start, parties.coachZone)}`,
      greeting: 'Hello,',
      paragraphs: [byCoach ? `You cancelled ${label} of "${parties.programName}".` : `${parties.clientEmail} cancelled ${label} of "${parties.programName}".`, ...reason, credit],
      details: [['Was', sessionTime(booking.start, booking.end, parties.coachZone)]],
      attachments: [attachment('CANCEL', entry)],
    }),
    renderEmail({
      to: [parties.clientEmail],
      fromName: `${parties.orgName} via Rapport`,
      replyTo: [parties.coachEmail],
      subject: `Cancelled: your ${label}, ${shortTime(booking.start, parties.clientZone)}`,
      greeting: 'Hello,',
      paragraphs: [byCoach ? `${parties.orgName} cancelled ${label} of "${parties.programName}".` : `Your ${label} of "${parties.programName}" is cancelled.`, ...reason, credit],
      details: [['Was', sessionTime(booking.start, booking.end, parties.clientZone)]],
      action: { label: 'Book another time', url: appLinks.program(parties.appUrl, booking.orgId, booking.programId) },
      attachments: [attachment('CANCEL', entry)],
    }),
  ];
}
