import type { EmailMessage } from '../adapters/mail/mailer';
import { buildInvite, type CalendarEvent } from '../adapters/calendar/ics-writer';
import { bookingUid } from '../domain/bookings/calendar-uid';
import { resolvePerson, type Person } from '../domain/people/person';
import type { ReminderLead } from '../domain/bookings/session-timing';
import type { IntroCall } from '../domain/intro-calls/intro-call';
import { fromNameFor } from './addressing';
import { appLinks } from './app-links';
import { renderEmail, type Branding, type EmailContent } from './layout';
import { sessionTime, shortTime } from './session-time';

/**
 * The emails around an intro call. They are built with the same layout and ICS writer as the
 * session emails, but kept apart: a prospect is not a client yet, has no account and no program,
 * and reaches their call only through the private link in these emails.
 */
export interface IntroCallParties {
  practice: Branding;
  coach: Person;
  /** The practice's sending address: the invites' ORGANIZER (README: "Calendar invites"). */
  senderEmail: string;
  meetingUrl: string | null;
  appUrl: string;
  /**
   * The prospect's private link to move or cancel the call. Only its hash is stored, so it can be
   * put in an email only while the request that holds it runs (booking, or the prospect acting).
   */
  manageToken: string | null;
}

const LABEL = 'Intro call';

/** The prospect as their emails address them: their name, their zone. */
const prospectOf = (call: IntroCall): Person => resolvePerson(call.email, { displayName: call.name, timeZone: call.timeZone }, call.timeZone);

function calendarEntry(call: IntroCall, parties: IntroCallParties, reader: 'coach' | 'prospect', stampedAt: number): CalendarEvent {
  const manage = parties.manageToken ? appLinks.introCall(parties.appUrl, parties.manageToken) : null;
  const join = parties.meetingUrl ? [`Join: ${parties.meetingUrl}`] : [];
  const description =
    reader === 'coach'
      ? [`A free ${minutes(call)}-minute intro call with ${call.name} (${call.email}).`, ...join, ...call.answers.map((a) => `${a.prompt}: ${a.answer}`)]
      : [`A free ${minutes(call)}-minute intro call with ${parties.practice.name}.`, ...join, ...(manage ? [`Move or cancel: ${manage}`] : [])];
  return {
    uid: bookingUid(call.introCallId, parties.appUrl),
    sequence: call.sequence,
    start: call.start,
    end: call.end,
    summary: reader === 'coach' ? `${LABEL} with ${call.name}` : `${LABEL} with ${parties.practice.name}`,
    description: description.join('\n'),
    url: reader === 'prospect' ? manage : null,
    location: parties.meetingUrl,
    organizer: { name: parties.practice.name, email: parties.senderEmail },
    attendees: [
      { name: parties.coach.name, email: parties.coach.email, partstat: 'NEEDS-ACTION' },
      { name: call.name, email: call.email, partstat: 'ACCEPTED' },
    ],
    stampedAt,
  };
}

const minutes = (call: IntroCall) => call.end - call.start;

const invite = (method: 'REQUEST' | 'CANCEL', entry: CalendarEvent) => ({ method, content: buildInvite(method, entry) });

/**
 * One email of an intro call, in the practice's branding; the first paragraph doubles as the
 * preheader. To the coach it comes from Rapport and replies go to the prospect; to the prospect it
 * comes from the practice and replies go to the coach. `replies: false` sends it without a Reply-To.
 */
type IntroContent = Omit<EmailContent, 'to' | 'fromName' | 'replyTo' | 'greeting' | 'preheader'>;
function introEmail(reader: 'coach' | 'prospect', call: IntroCall, parties: IntroCallParties, content: IntroContent, { replies = true } = {}): EmailMessage {
  const toCoach = reader === 'coach';
  const envelope = {
    to: [toCoach ? parties.coach.email : call.email],
    fromName: fromNameFor(toCoach ? 'coach' : 'client', parties.practice),
    replyTo: replies ? [toCoach ? call.email : parties.coach.email] : undefined,
    greeting: toCoach ? 'Hello,' : `Hello ${call.name},`,
  };
  return renderEmail({ ...envelope, ...content, preheader: content.paragraphs[0] ?? content.subject }, parties.practice);
}

const joinLine = (parties: IntroCallParties) =>
  parties.meetingUrl ? `Join the call here at the time: ${parties.meetingUrl}` : `${parties.practice.name} will send you the way to join before the call.`;

const manageAction = (parties: IntroCallParties) =>
  parties.manageToken ? { action: { label: 'Move or cancel the call', url: appLinks.introCall(parties.appUrl, parties.manageToken) } } : {};

const answersDetails = (call: IntroCall): [string, string][] => call.answers.map((a) => [a.prompt, a.answer]);

export function introCallBookedEmails(call: IntroCall, parties: IntroCallParties, stampedAt: number): EmailMessage[] {
  const prospect = prospectOf(call);
  return [
    introEmail('coach', call, parties, {
      subject: `New intro call: ${call.name}, ${shortTime(call.start, parties.coach)}`,
      paragraphs: [`${call.name} booked a free intro call with you. If it turns out to be a fit, you can start a program for them straight from the call.`],
      details: [['When', sessionTime(call.start, call.end, parties.coach)], ['Who', `${call.name} <${call.email}>`], ['Their zone', call.timeZone], ...answersDetails(call)],
      calendar: invite('REQUEST', calendarEntry(call, parties, 'coach', stampedAt)),
    }),
    introEmail('prospect', call, parties, {
      subject: `Your intro call with ${parties.practice.name}: ${shortTime(call.start, prospect)}`,
      paragraphs: [
        `Your free ${minutes(call)}-minute intro call with ${parties.practice.name} is booked. It is a chance to talk about what you want to work on and to see whether coaching together is a good fit — no preparation needed.`,
        joinLine(parties),
        'Keep this email: its link is the only way to move or cancel the call.',
      ],
      details: [['When', sessionTime(call.start, call.end, prospect)]],
      ...manageAction(parties),
      calendar: invite('REQUEST', calendarEntry(call, parties, 'prospect', stampedAt)),
    }),
  ];
}

export function introCallCancelledEmails(call: IntroCall, parties: IntroCallParties, stampedAt: number): EmailMessage[] {
  const prospect = prospectOf(call);
  const byCoach = call.cancelledBy === 'coach';
  const reason = call.cancelReason ? [`Reason given: ${call.cancelReason}`] : [];
  return [
    introEmail(
      'coach',
      call,
      parties,
      {
        subject: `Cancelled: intro call with ${call.name}, ${shortTime(call.start, parties.coach)}`,
        paragraphs: [byCoach ? `You cancelled the intro call with ${call.name}. The time is free again.` : `${call.name} cancelled their intro call. The time is free again.`, ...reason],
        details: [['Was', sessionTime(call.start, call.end, parties.coach)]],
        calendar: invite('CANCEL', calendarEntry(call, parties, 'coach', stampedAt)),
      },
      // The coach's cancellation notice is the one intro-call email without a Reply-To.
      { replies: false },
    ),
    introEmail('prospect', call, parties, {
      subject: `Cancelled: your intro call with ${parties.practice.name}`,
      paragraphs: [
        byCoach ? `${parties.practice.name} had to cancel your intro call.` : `Your intro call with ${parties.practice.name} is cancelled.`,
        ...reason,
        'You are welcome to book another time from the same page whenever it suits you.',
      ],
      details: [['Was', sessionTime(call.start, call.end, prospect)]],
      calendar: invite('CANCEL', calendarEntry(call, parties, 'prospect', stampedAt)),
    }),
  ];
}

export function introCallMovedEmails(call: IntroCall, previous: { start: number; end: number }, parties: IntroCallParties, stampedAt: number): EmailMessage[] {
  const prospect = prospectOf(call);
  return [
    introEmail('coach', call, parties, {
      subject: `Moved: intro call with ${call.name}, now ${shortTime(call.start, parties.coach)}`,
      paragraphs: [`${call.name} moved their intro call.`],
      details: [['New time', sessionTime(call.start, call.end, parties.coach)], ['Was', sessionTime(previous.start, previous.end, parties.coach)]],
      calendar: invite('REQUEST', calendarEntry(call, parties, 'coach', stampedAt)),
    }),
    introEmail('prospect', call, parties, {
      subject: `Moved: your intro call with ${parties.practice.name}, now ${shortTime(call.start, prospect)}`,
      paragraphs: [`Your intro call with ${parties.practice.name} has a new time.`, joinLine(parties)],
      details: [['New time', sessionTime(call.start, call.end, prospect)], ['Was', sessionTime(previous.start, previous.end, prospect)]],
      ...manageAction(parties),
      calendar: invite('REQUEST', calendarEntry(call, parties, 'prospect', stampedAt)),
    }),
  ];
}

export function introCallReminderEmails(call: IntroCall, parties: IntroCallParties, lead: ReminderLead): EmailMessage[] {
  const prospect = prospectOf(call);
  const when = lead === '24h' ? 'tomorrow' : 'in an hour';
  return [
    introEmail('coach', call, parties, {
      subject: `Reminder: intro call with ${call.name} ${when}, ${shortTime(call.start, parties.coach)}`,
      paragraphs: [`Your intro call with ${call.name} is ${when}.`, ...(parties.meetingUrl ? [`Join: ${parties.meetingUrl}`] : [])],
      details: [['When', sessionTime(call.start, call.end, parties.coach)], ['Who', `${call.name} <${call.email}>`], ...answersDetails(call)],
    }),
    introEmail('prospect', call, parties, {
      subject: `Reminder: your intro call with ${parties.practice.name} is ${when}`,
      paragraphs: [
        `Your free intro call with ${parties.practice.name} is ${when}.`,
        joinLine(parties),
        'To move or cancel it, use the link in the email that confirmed your booking.',
      ],
      details: [['When', sessionTime(call.start, call.end, prospect)]],
    }),
  ];
}
