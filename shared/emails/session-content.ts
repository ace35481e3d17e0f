import { buildInvite, type CalendarEvent, type InviteMethod } from '../adapters/calendar/ics-writer';
import type { EmailCalendar, EmailMessage } from '../adapters/mail/mailer';
import type { Booking } from '../domain/bookings/booking';
import { bookingUid } from '../domain/bookings/calendar-uid';
import type { Person } from '../domain/people/person';
import { fromNameFor, greetingFor } from './addressing';
import { appLinks } from './app-links';
import { renderEmail, type Branding, type EmailContent, type EmailLink } from './layout';
import { duration, sessionTime } from './session-time';

export type Side = 'coach' | 'client';

/** Who a session's emails and invites speak of and to; each reader gets times in their own zone. */
export interface SessionParties {
  practice: Branding;
  programName: string;
  coach: Person;
  client: Person;
  /** Each side's own join link (`GET /j/{token}`): it records the join, then opens the meeting. */
  joinLinks: Record<Side, string>;
  appUrl: string;
  /** The practice's sending address: the ORGANIZER of every invite (README: "Calendar invites"). */
  senderEmail: string;
}

const SIDES = ['coach', 'client'] as const;

const other = (side: Side): Side => (side === 'coach' ? 'client' : 'coach');

export const sessionLabel = (booking: Pick<Booking, 'packageId' | 'sessionNumber'>) =>
  booking.packageId === 'quick_check_in' ? 'Quick Check-in' : `Session ${booking.sessionNumber ?? ''}`.trim();

/** What one session email says; sessionEmail() adds who it is to, from and for. */
type SessionEmailContent = Omit<EmailContent, 'to' | 'fromName' | 'replyTo' | 'lang' | 'greeting'>;

/**
 * One side's email about a session: to the reader, from the practice (or Rapport, to the coach),
 * replies to the other side, greeting and `<html lang>` for the reader, in the practice's branding.
 */
export const sessionEmail = (side: Side, parties: SessionParties, content: SessionEmailContent): EmailMessage => {
  const reader = parties[side];
  return renderEmail(
    { to: [reader.email], fromName: fromNameFor(side, parties.practice), replyTo: [parties[other(side)].email], lang: reader.locale, greeting: greetingFor(reader), ...content },
    parties.practice,
  );
};

/** The same email to both sides, each written for its reader (times in their zone) and naming the other. */
export const toBothSides = (parties: SessionParties, write: (side: Side, reader: Person, partner: Person) => SessionEmailContent): EmailMessage[] =>
  SIDES.map((side) => sessionEmail(side, parties, write(side, parties[side], parties[other(side)])));

/** The session page and its reschedule and cancel paths (the README lists what a frontend serves). */
export const sessionPage = (booking: Booking, parties: SessionParties) => appLinks.booking(parties.appUrl, booking.orgId, booking.programId, booking.bookingId);

/**
 * The event as one side's calendar gets it. ORGANIZER is the practice's sending address, and both
 * coach and client are ATTENDEEs (the one who booked has accepted; the other is asked): neither
 * person is told "you are the organizer", and every app accepts a REQUEST from the address that
 * sent it. The title names the other person; LOCATION and URL are the reader's own join link.
 */
function sessionEvent(booking: Booking, parties: SessionParties, side: Side, stampedAt: number): CalendarEvent {
  const label = sessionLabel(booking);
  const partner = parties[other(side)];
  const join = parties.joinLinks[side];
  return {
    uid: bookingUid(booking.bookingId, parties.appUrl),
    sequence: booking.sequence,
    start: booking.start,
    end: booking.end,
    stampedAt,
    summary: `${label} with ${partner.name} (${parties.programName})`,
    description: [
      `${label} of "${parties.programName}" with ${partner.name} (${parties.practice.name}).`,
      `Join (opens 15 minutes before the start): ${join}`,
      `Prepare, reschedule or cancel: ${sessionPage(booking, parties)}`,
    ].join('\n'),
    location: join,
    url: join,
    cancelled: booking.status === 'cancelled',
    organizer: { name: parties.practice.name, email: parties.senderEmail },
    attendees: SIDES.map((s) => ({
      name: parties[s].name,
      email: parties[s].email,
      partstat: booking.status === 'cancelled' ? 'DECLINED' : booking.bookedBy === s ? 'ACCEPTED' : 'NEEDS-ACTION',
    })),
  };
}

export const sessionCalendar = (method: InviteMethod, booking: Booking, parties: SessionParties, side: Side, stampedAt: number): EmailCalendar => ({
  method,
  content: buildInvite(method, sessionEvent(booking, parties, side, stampedAt)),
});

/** The lines every session email carries: what, with whom, when (reader's zone), how long, where. */
export function sessionDetails(booking: Booking, parties: SessionParties, side: Side): [string, string][] {
  const reader = parties[side];
  return [
    ['What', `${sessionLabel(booking)} · ${parties.programName}`],
    [side === 'coach' ? 'Client' : 'Coach', parties[other(side)].name],
    ['When', sessionTime(booking.start, booking.end, reader)],
    ['Duration', duration(booking.start, booking.end)],
    ['Join', parties.joinLinks[side]],
  ];
}

const utcStamp = (minute: number) => new Date(minute * 60_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Add-to-calendar links for those who do not use the attached invitation. */
export function addToCalendarLinks(booking: Booking, parties: SessionParties, side: Side): EmailLink[] {
  const event = sessionEvent(booking, parties, side, 0);
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.summary,
    dates: `${utcStamp(booking.start)}/${utcStamp(booking.end)}`,
    details: event.description,
    location: parties.joinLinks[side],
  }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.summary,
    startdt: new Date(booking.start * 60_000).toISOString(),
    enddt: new Date(booking.end * 60_000).toISOString(),
    body: event.description,
    location: parties.joinLinks[side],
  }).toString();
  return [
    { label: 'Add to Google Calendar', url: google.toString() },
    { label: 'Add to Outlook', url: outlook.toString() },
  ];
}

/** Reschedule and cancel, one click each, into the frontend's session pages. */
export const changeLinks = (booking: Booking, parties: SessionParties): EmailLink[] => [
  { label: 'Reschedule', url: `${sessionPage(booking, parties)}/reschedule` },
  { label: 'Cancel', url: `${sessionPage(booking, parties)}/cancel` },
];

/** The change policy in words, for the side it binds. */
export const policyNote = (side: Side) =>
  side === 'client'
    ? 'Plans change: moving or cancelling is free until 48 hours before the start. Between 48 and 24 hours before, a move is a request your coach approves. Under 24 hours, a cancelled session counts as used.'
    : 'You can move or cancel this session at any time; your client is told at once.';
