import type { EmailMessage } from '../adapters/mail/mailer';
import type { Booking } from '../domain/bookings/booking';
import { appLinks } from './app-links';
import {
  addToCalendarLinks,
  changeLinks,
  other,
  policyNote,
  sessionCalendar,
  sessionDetails,
  sessionEmail,
  sessionLabel,
  sessionPage,
  SIDES,
  type SessionParties,
} from './session-content';
import { sessionTime, shortTime } from './session-time';

/** Both sides hear of a new session, each with their own invitation and join link. */
export function bookingConfirmedEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  return SIDES.map((side) => {
    const reader = parties[side];
    const partner = parties[other(side)];
    const byReader = booking.bookedBy === side;
    const withPrep = side === 'client' && booking.packageId === 'coaching';
    return sessionEmail(side, parties, {
      subject: `Booked: ${label} with ${partner.name}, ${shortTime(booking.start, reader)}`,
      preheader: `${sessionTime(booking.start, booking.end, reader)}. Your join link and calendar invitation are inside.`,
      paragraphs: [
        byReader ? `You booked ${label} of "${parties.programName}" with ${partner.name}.` : `${partner.name} booked ${label} of "${parties.programName}" with you.`,
        ...(withPrep ? ['Before you meet, take five minutes for the prep form in the session module: it lets you start with what matters most to you.'] : []),
      ],
      details: sessionDetails(booking, parties, side),
      action: { label: withPrep ? 'Prepare for the session' : 'Open the session', url: sessionPage(booking, parties) },
      links: [...changeLinks(booking, parties), ...addToCalendarLinks(booking, parties, side)],
      notes: [policyNote(side), 'The join link is yours alone; joining opens 15 minutes before the start.'],
      calendar: sessionCalendar('REQUEST', booking, parties, side, stampedAt),
    });
  });
}

export function bookingCancelledEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  const reason = booking.cancelReason ? [`Reason given: ${booking.cancelReason}`] : [];
  const credit = booking.creditReturned
    ? 'The session goes back to the package, so it can be booked again.'
    : 'It was cancelled less than 24 hours before the start, so it counts as used.';
  const program = appLinks.program(parties.appUrl, booking.orgId, booking.programId);
  return SIDES.map((side) => {
    const reader = parties[side];
    const partner = parties[other(side)];
    const byReader = booking.cancelledBy === side;
    return sessionEmail(side, parties, {
      subject: `Cancelled: ${label} with ${partner.name}, ${shortTime(booking.start, reader)}`,
      preheader: `${label} on ${sessionTime(booking.start, booking.end, reader)} will not take place.`,
      paragraphs: [
        byReader ? `You cancelled ${label} of "${parties.programName}" with ${partner.name}.` : `${partner.name} cancelled ${label} of "${parties.programName}".`,
        ...reason,
        credit,
      ],
      details: [['Was', sessionTime(booking.start, booking.end, reader)]],
      action: { label: side === 'client' ? 'Book another time' : 'Open the program', url: program },
      calendar: sessionCalendar('CANCEL', booking, parties, side, stampedAt),
    });
  });
}
