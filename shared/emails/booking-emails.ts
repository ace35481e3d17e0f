import type { EmailMessage } from '../adapters/mail/mailer';
import type { Booking } from '../domain/bookings/booking';
import { appLinks } from './app-links';
import { renderEmail } from './layout';
import {
  addToCalendarLinks,
  changeLinks,
  fromNameFor,
  greetingFor,
  other,
  policyNote,
  sessionCalendar,
  sessionDetails,
  sessionLabel,
  sessionPage,
  type SessionParties,
  type Side,
} from './session-content';
import { sessionTime, shortTime } from './session-time';

export { sessionLabel, type SessionParties } from './session-content';

const SIDES = ['coach', 'client'] as const;

/** Both sides hear of a new session, each with their own invitation and join link. */
export function bookingConfirmedEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  return SIDES.map((side) => {
    const reader = parties[side];
    const partner = parties[other(side)];
    const byReader = booking.bookedBy === side;
    const prep =
      side === 'client' && booking.packageId === 'coaching'
        ? ['Before you meet, take five minutes for the prep form in the session module: it lets you start with what matters most to you.']
        : [];
    return renderEmail(
      {
        to: [reader.email],
        fromName: fromNameFor(side, parties),
        replyTo: [partner.email],
        subject: `Booked: ${label} with ${partner.name}, ${shortTime(booking.start, reader)}`,
        preheader: `${sessionTime(booking.start, booking.end, reader)}. Your join link and calendar invitation are inside.`,
        lang: reader.locale,
        greeting: greetingFor(reader),
        paragraphs: [
          byReader ? `You booked ${label} of "${parties.programName}" with ${partner.name}.` : `${partner.name} booked ${label} of "${parties.programName}" with you.`,
          ...prep,
        ],
        details: sessionDetails(booking, parties, side),
        action: { label: side === 'client' && booking.packageId === 'coaching' ? 'Prepare for the session' : 'Open the session', url: sessionPage(booking, parties) },
        links: [...changeLinks(booking, parties), ...addToCalendarLinks(booking, parties, side)],
        notes: [policyNote(side), 'The join link is yours alone; joining opens 15 minutes before the start.'],
        calendar: sessionCalendar('REQUEST', booking, parties, side, stampedAt),
      },
      parties.practice,
    );
  });
}

export function bookingCancelledEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  const reason = booking.cancelReason ? [`Reason given: ${booking.cancelReason}`] : [];
  const credit = booking.creditReturned
    ? 'The session goes back to the package, so it can be booked again.'
    : 'It was cancelled less than 24 hours before the start, so it counts as used.';
  return SIDES.map((side: Side) => {
    const reader = parties[side];
    const partner = parties[other(side)];
    const byReader = booking.cancelledBy === side;
    return renderEmail(
      {
        to: [reader.email],
        fromName: fromNameFor(side, parties),
        replyTo: [partner.email],
        subject: `Cancelled: ${label} with ${partner.name}, ${shortTime(booking.start, reader)}`,
        preheader: `${label} on ${sessionTime(booking.start, booking.end, reader)} will not take place.`,
        lang: reader.locale,
        greeting: greetingFor(reader),
        paragraphs: [
          byReader ? `You cancelled ${label} of "${parties.programName}" with ${partner.name}.` : `${partner.name} cancelled ${label} of "${parties.programName}".`,
          ...reason,
          credit,
        ],
        details: [['Was', sessionTime(booking.start, booking.end, reader)]],
        action:
          side === 'client'
            ? { label: 'Book another time', url: appLinks.program(parties.appUrl, booking.orgId, booking.programId) }
            : { label: 'Open the program', url: appLinks.program(parties.appUrl, booking.orgId, booking.programId) },
        calendar: sessionCalendar('CANCEL', booking, parties, side, stampedAt),
      },
      parties.practice,
    );
  });
}
