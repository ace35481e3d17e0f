import type { EmailMessage } from '../../shared/adapters/mail/mailer';
import type { RescheduleRequest } from '../../shared/domain/bookings/reschedule-policy';
import { resolvePerson } from '../../shared/domain/people/person';
import {
  bookingCancelledEmails,
  bookingConfirmedEmails,
  detailsUpdatedEmails,
  noShowEmails,
  reminderEmails,
  requestClosedEmails,
  rescheduledEmails,
  rescheduleRequestedEmails,
} from '../../shared/emails/session-emails';
import { clientJoinedEmail, inviteEmail, newMessageEmail } from '../../shared/emails/program-emails';
import type { SessionParties } from '../../shared/emails/session-content';
import { aBooking } from './scenarios';

/**
 * Every kind of email Rapport sends, composed from data (no stack needed) for people whose names,
 * practice and program push the layout: long words, non-Latin letters, quotes and semicolons, a
 * German reader with a 24-hour clock and an American one with a 12-hour clock.
 */
const minute = (iso: string) => Date.parse(iso) / 60_000;
export const practice = { name: 'Dana "DJ" Reyes; Coaching, Ltd 🌱', logoUrl: 'https://cdn.example.com/logo.png', brandColor: '#1d4ed8', signature: 'Dana Reyes\nCertified executive coach' };
export const coach = resolvePerson('dana.reyes+sessions@practice-with-a-rather-long-domain-name.example.com', { displayName: 'Dana Reyes', locale: 'en-US' }, 'America/New_York');
export const client = resolvePerson('juergen@example.de', { displayName: 'Jürgen Ölmann-Schwarzenbergerhausen', locale: 'de-DE', timeZone: 'Europe/Berlin' }, 'Europe/London');
export const parties: SessionParties = {
  practice,
  programName: 'Leadership, Influence; and the Extraordinarily Long Program Title Nobody Shortens',
  coach,
  client,
  joinLinks: { coach: `https://api.example.com/j/org.prog.booking.k.${'A'.repeat(43)}`, client: `https://api.example.com/j/org.prog.booking.c.${'B'.repeat(43)}` },
  appUrl: 'https://app.example.com',
  senderEmail: 'sessions@practice.example.com',
};
const booking = aBooking(
  {
    bookingId: '01JBOOKING0000000000000000',
    start: minute('2026-12-09T14:00:00Z'),
    weekKey: '2026-W50',
    sessionNumber: 3,
    statsDay: '2026-12-09',
    price: { amountMinor: 25000, currency: 'USD' },
    bookedAt: '2026-12-01T08:00:00Z',
  },
  { sequence: 1 },
);
const request: RescheduleRequest = {
  requestId: 'req',
  orgId: 'org',
  programId: 'prog',
  bookingId: booking.bookingId,
  coachUserId: 'coach',
  currentStart: booking.start,
  proposedStart: minute('2026-12-10T14:00:00Z'),
  proposedEnd: minute('2026-12-10T15:00:00Z'),
  proposedBlockedUntil: minute('2026-12-10T15:00:00Z'),
  heldBlocks: [],
  reason: 'A board meeting moved; sorry!',
  status: 'pending',
  createdAt: '2026-12-08T08:00:00Z',
  expiresAt: booking.start,
  decidedAt: null,
  decisionReason: null,
};
const stamp = Date.parse('2026-12-01T08:00:00Z');

export const kinds: [string, EmailMessage[]][] = [
  ['invite', [inviteEmail({ to: 'juergen@example.de', practice, coach, programName: parties.programName, token: 'o.p.i.secret', expiresOn: '2026-12-15', appUrl: parties.appUrl })]],
  ['client joined', [clientJoinedEmail({ coach, client, practice, programName: parties.programName, published: false, orgId: 'org', programId: 'prog', appUrl: parties.appUrl })]],
  ['new message', [newMessageEmail({ to: client, from: coach, toSide: 'client', practice, programName: parties.programName, orgId: 'org', programId: 'prog', appUrl: parties.appUrl })]],
  ['booked', bookingConfirmedEmails(booking, parties, stamp)],
  ['check-in booked', bookingConfirmedEmails({ ...booking, packageId: 'quick_check_in', sessionNumber: null, end: booking.start + 15 }, parties, stamp)],
  ['cancelled', bookingCancelledEmails({ ...booking, status: 'cancelled', cancelledBy: 'client', cancelReason: 'Family matter', creditReturned: false }, parties, stamp)],
  ['moved', rescheduledEmails(booking, parties, { by: 'coach', previousStart: booking.start - 1440, previousEnd: booking.end - 1440, reason: 'Travel', viaRequest: false }, stamp)],
  ['request', rescheduleRequestedEmails(request, booking, parties)],
  ['declined', requestClosedEmails(request, booking, parties, 'rejected', 'That day is full')],
  ['lapsed', requestClosedEmails(request, booking, parties, 'expired', null)],
  ['reminder', reminderEmails(booking, parties, '24h', { prepEmpty: true, openActionItems: ['Draft the stakeholder map', 'Ask two peers for feedback'] })],
  ['check-in reminder', reminderEmails({ ...booking, packageId: 'quick_check_in', sessionNumber: null }, parties, '1h', { prepEmpty: null, openActionItems: [] })],
  ['no-show', noShowEmails({ ...booking, status: 'no_show', noShowMarkedBy: 'automatic' }, parties)],
  ['updated', detailsUpdatedEmails(booking, parties, 'the program is now called "Leading Through Change"', stamp)],
];
