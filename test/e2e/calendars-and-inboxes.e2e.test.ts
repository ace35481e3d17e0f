import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../local/local-ses';
import { horizontalOverflow, launchBrowser, openPage } from '../support/browser';
import { readCalendar } from '../support/ics-check';
import { ApiClient, uniqueEmail } from '../support/local-stack';
import { aProgram, inviteTokenFromOutbox, moveClock, useCoachStack } from '../support/scenarios-http';

/**
 * A whole engagement as calendars and inboxes see it, for a practice whose name holds every
 * character that breaks naive iCalendar and email headers. The local clock only moves forward:
 * the steps of this file run in order. Monday 30 November 2026, 08:00 UTC; the coach's org is in
 * London, the first client in Berlin (German, 24 h), the coach reads in US English (12 h).
 */
const ORG_NAME = 'Dana "DJ" Reyes; Coaching, Ltd 🌱';
const RENAMED = 'Reyes & Partners, "North"';
const env = useCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' });
let browser: Browser;

interface Client {
  client: ApiClient;
  email: string;
  url: string;
}
let jurgen: Client; // joins only through his calendar's join link
let absent: Client; // never joins
let s1: string;
let s2: string;

async function aClient(displayName: string, profile: Record<string, unknown>): Promise<Client> {
  const program = await aProgram(env.coach, env.orgId, { name: 'Leading, Through; Change' });
  const email = uniqueEmail('client');
  expect((await env.coach.post(`/orgs/${env.orgId}/programs/${program.programId}/invites`, { email })).status).toBe(201);
  const client = await ApiClient.signIn(env.stack, email);
  const accepted = await client.post(`/invites/${await inviteTokenFromOutbox(env.stack, email)}/accept`, { displayName, ...profile });
  expect(accepted.status).toBe(200);
  await env.coach.post(`/orgs/${env.orgId}/programs/${program.programId}/publish`);
  return { client, email, url: `/orgs/${env.orgId}/programs/${program.programId}` };
}

const moveClockTo = (iso: string) => moveClock(env.stack, { to: iso });
const lastMail = (to: string, subject: string) => env.stack.ses.outbox(to).filter((m) => m.subject.includes(subject)).at(-1);
const joinLinkIn = (mail: OutboxEmail | undefined) => {
  const ics = mail?.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content ?? '';
  return readCalendar(ics).icalEvents[0]?.location ?? '';
};
const open = (url: string) => fetch(url, { redirect: 'manual' });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('people and practices', () => {
  it('takes names, locales and branding, and refuses what would break headers and calendars', async () => {
    const me = await env.coach.patch('/me', { displayName: 'Dana Reyes', locale: 'en-us' });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: 'Dana Reyes', locale: 'en-US', hourCycle: 12, email: env.coachEmail });

    const bad = await env.coach.patch(`/orgs/${env.orgId}`, { name: 'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('name');
    expect((await env.coach.patch(`/orgs/${env.orgId}`, { brandColor: '#ffee00' })).status).toBe(400);
    expect((await env.coach.patch('/me', { displayName: 'Two\nlines' })).status).toBe(400);
    expect((await env.coach.patch('/me', { locale: 'not a locale' })).status).toBe(400);

    const branded = await env.coach.patch(`/orgs/${env.orgId}`, {
      name: ORG_NAME,
      meetingUrl: 'https://meet.example.com/dana-reyes',
      logoUrl: 'https://cdn.example.com/logo.png',
      brandColor: '#1D4ED8',
      signature: 'Dana Reyes\nCertified executive coach',
    });
    expect(branded.status).toBe(200);
    expect(branded.body).toMatchObject({ name: ORG_NAME, brandColor: '#1d4ed8', logoUrl: 'https://cdn.example.com/logo.png' });

    jurgen = await aClient('Jürgen Ölmann', { timeZone: 'Europe/Berlin', locale: 'de-DE' });
    absent = await aClient('Sam Absent', { timeZone: 'America/New_York' });
    s1 = (await jurgen.client.post(`${jurgen.url}/bookings`, { packageId: 'coaching', start: '2026-12-01T14:00:00Z' })).body.bookingId;
    s2 = (await absent.client.post(`${absent.url}/bookings`, { packageId: 'coaching', start: '2026-12-01T16:00:00Z' })).body.bookingId;
    await env.stack.settle();

    const toJurgen = lastMail(jurgen.email, 'Booked');
    expect(toJurgen?.subject).toBe('Booked: Session 1 with Dana Reyes, Di., 1. Dez., 15:00 MEZ');
    expect(toJurgen?.text).toContain('Dienstag, 1. Dezember 2026, 15:00 – 16:00 MEZ');
    expect(toJurgen?.fromName).toBe(ORG_NAME);
    expect(toJurgen?.text).toContain('Dana Reyes\nCertified executive coach');
    expect(toJurgen?.html).toContain('https://cdn.example.com/logo.png');
    expect(toJurgen?.html).toContain('#1d4ed8');
    const toCoach = env.stack.ses.outbox(env.coachEmail).find((m) => m.subject.startsWith('Booked') && m.subject.includes('Jürgen'));
    expect(toCoach?.subject).toBe('Booked: Session 1 with Jürgen Ölmann, Tue, Dec 1, 2:00 PM GMT');
  });
});

describe('addresses', () => {
  it('invites every address SES can deliver to, an international domain stored in punycode', async () => {
    const program = await aProgram(env.coach, env.orgId);
    for (const address of ['jane&john@x.test', 'user=tag@x.test', 'a/b@x.test', 'x#y@x.test']) {
      const invited = await env.coach.post(`/orgs/${env.orgId}/programs/${program.programId}/invites`, { email: address });
      expect(invited.status, address).toBe(201);
      expect(invited.body.email).toBe(address);
    }
    const idn = await env.coach.post(`/orgs/${env.orgId}/programs/${program.programId}/invites`, { email: 'user@bücher.test' });
    expect(idn.body.email).toBe('user@xn--bcher-kva.test');
    await env.stack.settle();
    expect(env.stack.ses.outbox('jane&john@x.test')).toHaveLength(1);
    expect(env.stack.ses.outbox('user@xn--bcher-kva.test')).toHaveLength(1);
    expect((await env.coach.post(`/orgs/${env.orgId}/programs/${program.programId}/invites`, { email: 'a@b' })).status).toBe(400);
  });
});

describe('join links', () => {
  it('carries a per-person join link in every invite and email, never the meeting URL itself', () => {
    const client = lastMail(jurgen.email, 'Booked');
    const forCoach = env.stack.ses.outbox(env.coachEmail).find((m) => m.subject.includes('Booked') && m.subject.includes('Jürgen'));
    const clientLink = joinLinkIn(client);
    const coachLink = joinLinkIn(forCoach);
    expect(clientLink).toMatch(new RegExp(`^${env.stack.url}/j/`));
    expect(coachLink).toMatch(new RegExp(`^${env.stack.url}/j/`));
    expect(clientLink).not.toBe(coachLink);
    for (const mail of [client, forCoach]) {
      expect(mail?.text).not.toContain('meet.example.com');
      expect(mail?.attachments.map((a) => a.content).join('')).not.toContain('meet.example.com');
    }
    expect(client?.text).toContain(clientLink);
  });

  it('shows when the link opens before the window, then records the join and redirects; a wrong secret is unknown', async () => {
    const link = joinLinkIn(lastMail(jurgen.email, 'Booked'));
    await moveClockTo('2026-12-01T13:30:00Z');
    const early = await open(link);
    expect(early.status).toBe(200);
    expect(await early.text()).toContain('14:45 MEZ');
    expect((await open(`${link.slice(0, -4)}AAAA`)).status).toBe(404);

    await moveClockTo('2026-12-01T14:05:00Z');
    const inside = await open(link);
    expect(inside.status).toBe(302);
    expect(inside.headers.get('location')).toBe('https://meet.example.com/dana-reyes');
    const booking = await env.coach.get(`${jurgen.url}/bookings/${s1}`);
    expect(booking.body.clientJoinedAt).toBe('2026-12-01T14:05:00Z');
  });

  it('does not mark a client who joined only through the calendar a no-show; marks one who never joined', async () => {
    await moveClockTo('2026-12-01T16:20:00Z');
    expect((await env.coach.get(`${jurgen.url}/bookings/${s1}`)).body.status).toBe('completed');
    expect((await env.coach.get(`${absent.url}/bookings/${s2}`)).body.status).toBe('no_show');
    const gone = await open(joinLinkIn(lastMail(jurgen.email, 'Booked')));
    expect(gone.status).toBe(410);
  });
});

describe('the coach’s feed', () => {
  it('holds exactly the real sessions, with names intact, after a name that tried to inject events', async () => {
    const read = readCalendar(await (await fetch(env.feedUrl)).text());
    expect(read.problems).toEqual([]);
    expect(read.icalEvents.map((e) => e.uid).sort()).toEqual([`${s1}@127.0.0.1`, `${s2}@127.0.0.1`].sort());
    expect(read.nodeIcalEvents).toHaveLength(2);
    expect(read.icalEvents.map((e) => e.summary).sort()).toEqual(['Session 1 with Jürgen Ölmann (Leading, Through; Change)', 'Session 1 with Sam Absent (Leading, Through; Change)']);
    expect(read.icalEvents.every((e) => e.klass === 'PRIVATE' && e.location.startsWith(`${env.stack.url}/j/`))).toBe(true);
  });
});

describe('updated invitations', () => {
  it('sends every upcoming session an updated REQUEST, SEQUENCE+1, once, when the program or the practice is renamed', async () => {
    const s3 = (await jurgen.client.post(`${jurgen.url}/bookings`, { packageId: 'coaching', start: '2026-12-08T14:00:00Z' })).body.bookingId;
    await env.stack.settle();
    const updates = () => env.stack.ses.outbox().filter((m) => m.subject.startsWith('Updated'));
    expect((await env.coach.patch(jurgen.url, { name: 'Leading Through Change' })).status).toBe(200);
    await env.stack.settle();
    expect(updates().map((m) => m.to[0]).sort()).toEqual([env.coachEmail, jurgen.email].sort());
    for (const mail of updates()) {
      const [event] = readCalendar(mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content ?? '').icalEvents;
      expect(event).toMatchObject({ uid: `${s3}@127.0.0.1`, sequence: 1 });
      expect(event?.summary).toContain('(Leading Through Change)');
    }

    expect((await env.coach.patch(`/orgs/${env.orgId}`, { name: RENAMED })).status).toBe(200);
    await moveClockTo('2026-12-01T16:30:00Z'); // the sweeper runs too: nothing goes twice
    expect(updates()).toHaveLength(4);
    const last = readCalendar(updates().at(-1)?.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content ?? '').icalEvents[0];
    expect(last).toMatchObject({ sequence: 2, organizer: { cn: RENAMED } });
    expect((await env.coach.get(`${jurgen.url}/bookings/${s3}`)).body.status).toBe('confirmed');
  });
});

describe('every email', () => {
  it('is raw MIME that parses, with the From name RFC 2047-encoded and a calendar part where there is an invite', async () => {
    const all = env.stack.ses.outbox();
    expect(all.length).toBeGreaterThan(8);
    for (const mail of all) {
      const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
      expect(head).toMatch(/^[\x00-\x7f]*$/);
      const parsed = await simpleParser(mail.raw);
      expect(parsed.text, mail.subject).toBeTruthy();
      expect(parsed.html, mail.subject).toContain('<!DOCTYPE html>');
      if (/Booked|Cancelled|Moved|Updated/.test(mail.subject)) {
        expect(mail.raw, mail.subject).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=(REQUEST|CANCEL)/);
        const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content ?? '';
        const read = readCalendar(ics);
        expect(read.problems, mail.subject).toEqual([]);
        const [event] = read.icalEvents;
        expect(event?.organizer?.value).toBe('mailto:rapport@localhost.test');
        expect([ORG_NAME, RENAMED]).toContain(event?.organizer?.cn);
        expect(event?.attendees.map((a) => a.cn), mail.subject).toContain('Dana Reyes');
        expect(event?.attendees.map((a) => a.cn), mail.subject).toContainEqual(expect.stringMatching(/^(Jürgen Ölmann|Sam Absent)$/));
        expect(read.nodeIcalEvents[0]?.organizer, mail.subject).toBeTruthy();
      }
    }
    const fromClientSide = all.find((m) => m.to.includes(jurgen.email) && m.subject.startsWith('Booked'));
    expect(fromClientSide?.from).toMatch(/^=\?UTF-8\?B\?/);
  });

  it('renders in Chromium at 375 and 700 px without scrolling sideways', async () => {
    const kinds = new Map<string, OutboxEmail>();
    for (const mail of env.stack.ses.outbox()) kinds.set(`${mail.subject.split(/[:\s]/)[0]}-${mail.to[0] === env.coachEmail}`, mail);
    expect(kinds.size).toBeGreaterThan(5);
    for (const width of [375, 700]) {
      const page = await openPage(browser, width);
      for (const [kind, mail] of kinds) {
        await page.setContent(mail.html);
        expect(await horizontalOverflow(page), `${kind} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await page.context().close();
    }
  });
});
