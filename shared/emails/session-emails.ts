import type { EmailMessage } from '../adapters/mail/mailer';
import type { Booking } from '../domain/bookings/booking';
import type { ReminderLead } from '../domain/bookings/session-timing';
import type { ClientPreparation, FrozenRequest } from '../domain/outbox/session-mail';
import { appLinks } from './app-links';
import {
  addToCalendarLinks,
  changeLinks,
  policyNote,
  sessionCalendar,
  sessionDetails,
  sessionEmail,
  sessionLabel,
  sessionPage,
  toBothSides,
  type SessionParties,
  type Side,
} from './session-content';
import { momentTime, sessionTime, shortTime } from './session-time';

/**
 * Every email of a session's life, one function per SessionMail kind (render-session-mail.ts picks
 * the one an outbox entry names). Each returns the kind's emails in the order its effects list them.
 */

/** Both sides hear of a new session, each with their own invitation and join link. */
export function bookingConfirmedEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  return toBothSides(parties, (side, reader, partner) => {
    const byReader = booking.bookedBy === side;
    const withPrep = side === 'client' && booking.packageId === 'coaching';
    return {
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
    };
  });
}

export function bookingCancelledEmails(booking: Booking, parties: SessionParties, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  const reason = booking.cancelReason ? [`Reason given: ${booking.cancelReason}`] : [];
  const credit = booking.creditReturned
    ? 'The session goes back to the package, so it can be booked again.'
    : 'It was cancelled less than 24 hours before the start, so it counts as used.';
  const program = appLinks.program(parties.appUrl, booking.orgId, booking.programId);
  return toBothSides(parties, (side, reader, partner) => {
    const byReader = booking.cancelledBy === side;
    return {
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
    };
  });
}

/** A session moved (by either side, or by an approved request): both calendars get the new time. */
export function rescheduledEmails(
  booking: Booking,
  parties: SessionParties,
  change: { by: Side; previousStart: number; previousEnd: number; reason: string | null; viaRequest: boolean },
  stampedAt: number,
): EmailMessage[] {
  const label = sessionLabel(booking);
  const reason = change.reason ? [`Reason given: ${change.reason}`] : [];
  const { coach, client } = parties;
  const whoMoved = (side: Side) => {
    if (change.viaRequest) return side === 'coach' ? `You approved ${client.name}'s request to move ${label}.` : `${coach.name} approved your request to move ${label}.`;
    if (change.by === side) return `You moved ${label} of "${parties.programName}".`;
    return `${parties[change.by].name} moved ${label} of "${parties.programName}".`;
  };
  return toBothSides(parties, (side, reader, partner) => ({
    subject: `Moved: ${label} with ${partner.name}, now ${shortTime(booking.start, reader)}`,
    preheader: `New time: ${sessionTime(booking.start, booking.end, reader)}. Your calendar invitation is updated.`,
    paragraphs: [whoMoved(side), ...reason],
    details: [...sessionDetails(booking, parties, side), ['Was', sessionTime(change.previousStart, change.previousEnd, reader)]],
    action: { label: 'Open the session', url: sessionPage(booking, parties) },
    links: [...changeLinks(booking, parties), ...addToCalendarLinks(booking, parties, side)],
    notes: [policyNote(side)],
    calendar: sessionCalendar('REQUEST', booking, parties, side, stampedAt),
  }));
}

/** The session's details changed (meeting room, program or module name): calendars get the new version. */
export function detailsUpdatedEmails(booking: Booking, parties: SessionParties, what: string, stampedAt: number): EmailMessage[] {
  const label = sessionLabel(booking);
  return toBothSides(parties, (side, reader, partner) => ({
    subject: `Updated: ${label} with ${partner.name}, ${shortTime(booking.start, reader)}`,
    preheader: `The time stays the same; ${what}.`,
    paragraphs: [`The details of ${label} have changed: ${what}. The time stays the same, and your calendar invitation is updated.`],
    details: sessionDetails(booking, parties, side),
    action: { label: 'Open the session', url: sessionPage(booking, parties) },
    calendar: sessionCalendar('REQUEST', booking, parties, side, stampedAt),
  }));
}

/** The client asks to move a session 24–48 hours ahead: the coach decides, the client hears it was sent. */
export function rescheduleRequestedEmails(request: FrozenRequest, booking: Booking, parties: SessionParties): EmailMessage[] {
  const label = sessionLabel(booking);
  const { coach, client } = parties;
  const reason = request.reason ? [`Reason given: ${request.reason}`] : [];
  return [
    sessionEmail('coach', parties, {
      subject: `${client.name} asks to move ${label} to ${shortTime(request.proposedStart, coach)}`,
      preheader: `Approve or reject by ${momentTime(request.expiresAt, coach)}.`,
      paragraphs: [
        `${client.name} would like to move ${label} of "${parties.programName}". The new time is held for them until you decide.`,
        ...reason,
        `If there is no answer by ${momentTime(request.expiresAt, coach)}, the request lapses and the session stays where it is.`,
      ],
      details: [
        ['Now', sessionTime(booking.start, booking.end, coach)],
        ['Proposed', sessionTime(request.proposedStart, request.proposedEnd, coach)],
      ],
      action: { label: 'Approve or reject', url: sessionPage(booking, parties) },
    }),
    sessionEmail('client', parties, {
      subject: `Your request to move ${label} is sent`,
      preheader: `${coach.name} will approve or reject it; until then the new time is held for you.`,
      paragraphs: [
        `Your request to move ${label} of "${parties.programName}" is with ${coach.name}, and the new time is held for you until they answer.`,
        `If there is no answer by ${momentTime(request.expiresAt, client)}, the session stays at its current time. You will hear either way.`,
      ],
      details: [
        ['Now', sessionTime(booking.start, booking.end, client)],
        ['Proposed', sessionTime(request.proposedStart, request.proposedEnd, client)],
      ],
      action: { label: 'Open the session', url: sessionPage(booking, parties) },
    }),
  ];
}

/**
 * A request turned down or lapsed: the session stays. The client hears either way; the coach hears
 * of a lapse too, since they did not act on it. Nobody is blamed for a lapse.
 */
export function requestClosedEmails(request: FrozenRequest, booking: Booking, parties: SessionParties, outcome: 'rejected' | 'expired', reason: string | null): EmailMessage[] {
  const label = sessionLabel(booking);
  const { coach, client } = parties;
  const proposed = (side: Side) => sessionTime(request.proposedStart, request.proposedEnd, parties[side]);
  const toClient = sessionEmail('client', parties, {
    subject: outcome === 'rejected' ? `Your request to move ${label} was declined` : `Your request to move ${label} lapsed`,
    preheader: `Your session stays at ${sessionTime(booking.start, booking.end, client)}.`,
    paragraphs: [
      outcome === 'rejected'
        ? `${coach.name} could not move ${label} to ${proposed('client')}.`
        : `Your request to move ${label} to ${proposed('client')} was not confirmed before it lapsed.`,
      ...(reason ? [`Reason given: ${reason}`] : []),
      'Your session stays at its original time. Send a message if you need to talk it over.',
    ],
    details: [['Your session', sessionTime(booking.start, booking.end, client)]],
    action: { label: 'Open the session', url: sessionPage(booking, parties) },
  });
  if (outcome === 'rejected') return [toClient];
  const toCoach = sessionEmail('coach', parties, {
    subject: `${client.name}'s request to move ${label} lapsed`,
    preheader: `The session stays at ${sessionTime(booking.start, booking.end, coach)}.`,
    paragraphs: [
      `${client.name}'s request to move ${label} to ${proposed('coach')} was not answered in time, so it lapsed. The held time is free again.`,
      `The session stays at its original time, and ${client.name} has been told.`,
    ],
    details: [['Session', sessionTime(booking.start, booking.end, coach)]],
    action: { label: 'Open the session', url: sessionPage(booking, parties) },
  });
  return [toClient, toCoach];
}

/** 24 hours and 1 hour before: both sides, times in their own zone, with their own way in. */
export function reminderEmails(booking: Booking, parties: SessionParties, lead: ReminderLead, preparation: ClientPreparation): EmailMessage[] {
  const label = sessionLabel(booking);
  const when = lead === '24h' ? 'tomorrow' : 'in an hour';
  const clientExtras: string[] = [];
  if (preparation.prepEmpty === true) clientExtras.push('Your prep form for this session is still empty. Five minutes on it now means you start with what matters most to you.');
  if (preparation.prepEmpty === false) clientExtras.push('Thank you for filling in your prep form.');
  if (preparation.openActionItems.length > 0) {
    clientExtras.push(`Still open from earlier sessions: ${preparation.openActionItems.map((t) => `"${t}"`).join('; ')}.`);
  }
  return toBothSides(parties, (side, reader, partner) => ({
    subject: `Reminder: ${label} with ${partner.name} ${when}, ${shortTime(booking.start, reader)}`,
    preheader: `${sessionTime(booking.start, booking.end, reader)}. Joining opens 15 minutes before the start.`,
    paragraphs: [`${label} of "${parties.programName}" with ${partner.name} is ${when}.`, ...(side === 'client' ? clientExtras : [])],
    details: sessionDetails(booking, parties, side),
    action: { label: 'Join the session', url: parties.joinLinks[side] },
    links: [{ label: side === 'client' && preparation.prepEmpty !== null ? 'Prepare for the session' : 'Open the session', url: sessionPage(booking, parties) }, ...changeLinks(booking, parties)],
    notes: ['The join link is yours alone; joining opens 15 minutes before the start.', policyNote(side)],
  }));
}

/** A missed session, marked by the coach or found 15 minutes in: both sides hear of it. */
export function noShowEmails(booking: Booking, parties: SessionParties): EmailMessage[] {
  const label = sessionLabel(booking);
  const { coach, client } = parties;
  const automatic = booking.noShowMarkedBy === 'automatic';
  const messages = appLinks.messages(parties.appUrl, booking.orgId, booking.programId);
  return [
    sessionEmail('coach', parties, {
      subject: `No-show: ${label} with ${client.name}`,
      preheader: 'The session counts as used.',
      paragraphs: [
        automatic ? `${client.name} had not joined ${label} 15 minutes after the start, so it is marked as a no-show.` : `You marked ${label} with ${client.name} as a no-show.`,
        'The session counts as used. A message to check in often helps.',
      ],
      details: [['Was', sessionTime(booking.start, booking.end, coach)]],
      action: { label: 'Send a message', url: messages },
    }),
    sessionEmail('client', parties, {
      subject: `We missed you at ${label}`,
      preheader: 'If something came up, send a message.',
      paragraphs: [
        `${label} of "${parties.programName}" with ${coach.name} was marked as missed, and it counts as used.`,
        'If something came up, send a message and you will find the next step together.',
      ],
      details: [['Was', sessionTime(booking.start, booking.end, client)]],
      action: { label: 'Send a message', url: messages },
    }),
  ];
}
