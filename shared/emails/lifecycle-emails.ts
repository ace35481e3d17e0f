import type { EmailMessage } from '../adapters/mail/mailer';
import { inviteCalendar } from '../adapters/calendar/ics-writer';
import type { Booking } from '../domain/bookings/booking';
import type { RescheduleRequest } from '../domain/bookings/reschedule-policy';
import type { ReminderLead } from '../domain/bookings/session-timing';
import { appLinks } from './app-links';
import { calendarEntryOf, sessionLabel, type SessionParties } from './booking-emails';
import { renderEmail } from './layout';
import { momentTime, sessionTime, shortTime } from './session-time';

const updatedInvite = (booking: Booking, parties: SessionParties, stampedAt: number) => ({
  filename: 'invite.ics',
  contentType: 'text/calendar; charset=utf-8; method=REQUEST',
  content: inviteCalendar('REQUEST', calendarEntryOf(booking, parties, stampedAt)),
});

const link = (booking: Booking, parties: SessionParties) => appLinks.booking(parties.appUrl, booking.orgId, booking.programId, booking.bookingId);

/** A session moved (by either side, or by an approved request): both calendars get the new time. */
export function rescheduledEmails(
  booking: Booking,
  parties: SessionParties,
  change: { by: 'coach' | 'client'; previousStart: number; previousEnd: number; reason: string | null; viaRequest: boolean },
  stampedAt: number,
): EmailMessage[] {
  const label = sessionLabel(booking);
  const reason = change.reason ? [`Reason given: ${change.reason}`] : [];
  const invite = updatedInvite(booking, parties, stampedAt);
  const whoMoved = (reader: 'coach' | 'client') => {
    if (change.viaRequest) return reader === 'coach' ? `You approved ${parties.clientEmail}'s request to move ${label}.` : `${parties.orgName} approved your request to move ${label}.`;
    if (change.by === reader) return `You moved ${label} of "${parties.programName}".`;
    return change.by === 'coach' ? `${parties.orgName} moved ${label} of "${parties.programName}".` : `${parties.clientEmail} moved ${label} of "${parties.programName}".`;
  };
  return (['coach', 'client'] as const).map((reader) => {
    const zone = reader === 'coach' ? parties.coachZone : parties.clientZone;
    return renderEmail({
      to: [reader === 'coach' ? parties.coachEmail : parties.clientEmail],
      fromName: reader === 'coach' ? 'Rapport' : `${parties.orgName} via Rapport`,
      replyTo: [reader === 'coach' ? parties.clientEmail : parties.coachEmail],
      subject: `Moved: ${label}, now ${shortTime(booking.start, zone)}`,
      greeting: 'Hello,',
      paragraphs: [whoMoved(reader), ...reason],
      details: [
        ['New time', sessionTime(booking.start, booking.end, zone)],
        ['Was', sessionTime(change.previousStart, change.previousEnd, zone)],
      ],
      action: { label: 'Open the session', url: link(booking, parties) },
      attachments: [invite],
    });
  });
}

/** The client asks to move a session 24–48 hours ahead: the coach decides. */
export function rescheduleRequestedEmail(request: RescheduleRequest, booking: Booking, parties: SessionParties): EmailMessage {
  const label = sessionLabel(booking);
  return renderEmail({
    to: [parties.coachEmail],
    fromName: 'Rapport',
    replyTo: [parties.clientEmail],
    subject: `${parties.clientEmail} asks to move ${label} to ${shortTime(request.proposedStart, parties.coachZone)}`,
    greeting: 'Hello,',
    paragraphs: [
      `${parties.clientEmail} would like to move ${label} of "${parties.programName}". The new time is held for them until you decide.`,
      ...(request.reason ? [`Reason given: ${request.reason}`] : []),
      `If you do not answer by ${momentTime(request.expiresAt, parties.coachZone)}, the request lapses and the session stays where it is.`,
    ],
    details: [
      ['Now', sessionTime(booking.start, booking.end, parties.coachZone)],
      ['Proposed', sessionTime(request.proposedStart, request.proposedEnd, parties.coachZone)],
    ],
    action: { label: 'Approve or reject', url: link(booking, parties) },
  });
}

/** The client hears that their request was turned down or lapsed: the session stays. */
export function requestClosedEmail(request: RescheduleRequest, booking: Booking, parties: SessionParties, outcome: 'rejected' | 'expired', reason: string | null): EmailMessage {
  const label = sessionLabel(booking);
  return renderEmail({
    to: [parties.clientEmail],
    fromName: `${parties.orgName} via Rapport`,
    replyTo: [parties.coachEmail],
    subject: outcome === 'rejected' ? `Your request to move ${label} was declined` : `Your request to move ${label} lapsed`,
    greeting: 'Hello,',
    paragraphs: [
      outcome === 'rejected'
        ? `${parties.orgName} could not move ${label} to ${sessionTime(request.proposedStart, request.proposedEnd, parties.clientZone)}.`
        : `${parties.orgName} did not answer your request to move ${label} in time.`,
      ...(reason ? [`Reason given: ${reason}`] : []),
      'Your session stays at its original time. Send a message if you need to talk it over.',
    ],
    details: [['Your session', sessionTime(booking.start, booking.end, parties.clientZone)]],
    action: { label: 'Open the session', url: link(booking, parties) },
  });
}

export interface ClientPreparation {
  /** Whether the session's prep worksheet is still unanswered (null: the session has none). */
  prepEmpty: boolean | null;
  openActionItems: string[];
}

/** 24 hours and 1 hour before: both sides, times in their own zone, with the way in. */
export function reminderEmails(booking: Booking, parties: SessionParties, lead: ReminderLead, preparation: ClientPreparation): EmailMessage[] {
  const label = sessionLabel(booking);
  const when = lead === '24h' ? 'tomorrow' : 'in an hour';
  const joinLine = `Join from Rapport; joining opens 15 minutes before the start: ${link(booking, parties)}`;
  const clientExtras: string[] = [];
  if (preparation.prepEmpty === true) clientExtras.push('Your prep form for this session is still empty. Five minutes on it now means we start with what matters most to you.');
  if (preparation.prepEmpty === false) clientExtras.push('Thank you for filling in your prep form.');
  if (preparation.openActionItems.length > 0) {
    clientExtras.push(`Still open from earlier sessions: ${preparation.openActionItems.map((t) => `"${t}"`).join('; ')}.`);
  }
  return [
    renderEmail({
      to: [parties.coachEmail],
      fromName: 'Rapport',
      subject: `Reminder: ${label} with ${parties.clientEmail} ${when}, ${shortTime(booking.start, parties.coachZone)}`,
      greeting: 'Hello,',
      paragraphs: [`${label} of "${parties.programName}" with ${parties.clientEmail} is ${when}.`, joinLine],
      details: [['When', sessionTime(booking.start, booking.end, parties.coachZone)]],
      action: { label: 'Open the session', url: link(booking, parties) },
    }),
    renderEmail({
      to: [parties.clientEmail],
      fromName: `${parties.orgName} via Rapport`,
      replyTo: [parties.coachEmail],
      subject: `Reminder: your ${label} is ${when}, ${shortTime(booking.start, parties.clientZone)}`,
      greeting: 'Hello,',
      paragraphs: [`Your ${label} of "${parties.programName}" is ${when}.`, ...clientExtras, joinLine],
      details: [['When', sessionTime(booking.start, booking.end, parties.clientZone)]],
      action: { label: 'Prepare and join', url: link(booking, parties) },
    }),
  ];
}

/** A missed session, marked by the coach or found 15 minutes in: both sides hear of it. */
export function noShowEmails(booking: Booking, parties: SessionParties): EmailMessage[] {
  const label = sessionLabel(booking);
  const automatic = booking.noShowMarkedBy === 'automatic';
  return [
    renderEmail({
      to: [parties.coachEmail],
      fromName: 'Rapport',
      subject: `No-show: ${label} with ${parties.clientEmail}`,
      greeting: 'Hello,',
      paragraphs: [
        automatic ? `${parties.clientEmail} had not joined ${label} 15 minutes after the start, so it is marked as a no-show.` : `You marked ${label} with ${parties.clientEmail} as a no-show.`,
        'The session counts as used. A message to check in often helps.',
      ],
      details: [['Was', sessionTime(booking.start, booking.end, parties.coachZone)]],
      action: { label: 'Send a message', url: appLinks.messages(parties.appUrl, booking.orgId, booking.programId) },
    }),
    renderEmail({
      to: [parties.clientEmail],
      fromName: `${parties.orgName} via Rapport`,
      replyTo: [parties.coachEmail],
      subject: `We missed you at your ${label}`,
      greeting: 'Hello,',
      paragraphs: [
        `Your ${label} of "${parties.programName}" was marked as missed, and it counts as used.`,
        'If something came up, send a message and we will find the next step together.',
      ],
      details: [['Was', sessionTime(booking.start, booking.end, parties.clientZone)]],
      action: { label: 'Send a message', url: appLinks.messages(parties.appUrl, booking.orgId, booking.programId) },
    }),
  ];
}
