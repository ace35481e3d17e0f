import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { calendarWith, IcsServer } from '../support/ics-server';
import { eventsOf, inviteOf } from '../support/ics-parse';
import { ApiClient, uniqueEmail } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';
import { secondsToNextWindow, useLimit } from '../support/quotas';
import { FEED_POLLS_PER_TOKEN } from '../../shared/domain/rate-limits/feed-limits';

/**
 * Booking over HTTP as a frontend does it. The local clock stands at Monday 30 November 2026,
 * 08:00 UTC; the coach works in London (UTC in winter), the client lives in New York (UTC−5).
 */
let stack: LocalStack;
let ics: IcsServer;
let coach: ApiClient;
let coachEmail: string;
let orgId: string;
let feedUrl: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, ics, coach, coachEmail, orgId, feedUrl, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
});
afterAll(() => stop());

async function aProgramWithClient(fields: Record<string, unknown> = {}) {
  const program = await aProgram(coach, orgId, fields);
  const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId, { timeZone: 'America/New_York' });
  return { program, client, email, url: `/orgs/${orgId}/programs/${program.programId}` };
}

describe('availability', () => {
  it('offers the schedule’s slots in its zone, one 60-minute session per step', async () => {
    const { client, url } = await aProgramWithClient();
    const response = await client.get(`${url}/availability?packageId=coaching&from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ timeZone: 'Europe/London', packageId: 'coaching', durationMinutes: 60, remaining: 12, calendarChecked: true });
    expect(response.body.slots[0]).toEqual({ start: '2026-12-07T10:00:00Z', end: '2026-12-07T11:00:00Z' });
    expect(response.body.slots.at(-1)).toEqual({ start: '2026-12-07T16:00:00Z', end: '2026-12-07T17:00:00Z' });
    expect(response.body.slots).toHaveLength(13);
  });

  it.each([
    ['a range over 62 days', 'from=2026-12-01T00:00:00Z&to=2027-02-02T00:00:00Z', 'query.to'],
    ['an end before the start', 'from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z', 'query.to'],
    ['a start without an offset', 'from=2026-12-01T00:00:00&to=2026-12-02T00:00:00Z', 'query.from'],
    ['no range at all', 'packageId=coaching', 'query.from'],
    ['a package the program does not have', 'packageId=quick_check_in&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z', 'query.packageId'],
  ])('answers 400 for %s', async (_label, query, field) => {
    const { client, url } = await aProgramWithClient();
    const response = await client.get(`${url}/availability?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
  });

  it('keeps the coach’s calendar events (with the buffer) out of the slots', async () => {
    ics.ics = calendarWith([{ uid: 'dentist', start: 'DTSTART:20261208T120000Z', end: 'DTEND:20261208T130000Z' }]);
    await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl }); // re-reads the feed now
    const { client, url } = await aProgramWithClient();
    const starts = (await client.get(`${url}/availability?from=2026-12-08T00:00:00Z&to=2026-12-09T00:00:00Z`)).body.slots.map((s: any) => s.start);
    expect(starts).toEqual(['2026-12-08T10:00:00Z', '2026-12-08T10:30:00Z', '2026-12-08T11:00:00Z', '2026-12-08T13:00:00Z', '2026-12-08T13:30:00Z', '2026-12-08T14:00:00Z', '2026-12-08T14:30:00Z', '2026-12-08T15:00:00Z', '2026-12-08T15:30:00Z', '2026-12-08T16:00:00Z']);
    ics.ics = calendarWith([]);
    await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl });
  });
});

describe('booking', () => {
  it('books, invites both sides with an ICS each reader’s calendar accepts, and shows in the coach’s feed', async () => {
    const { client, email, url } = await aProgramWithClient({ name: 'Leading Through Change' });
    const booked = await client.post(`${url}/bookings`, { packageId: 'coaching', start: '2026-12-09T14:00:00Z' });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ packageId: 'coaching', start: '2026-12-09T14:00:00Z', end: '2026-12-09T15:00:00Z', status: 'confirmed', sessionNumber: 1 });
    const { bookingId } = booked.body;

    await stack.settle();
    const coachMail = stack.ses.outbox(coachEmail).at(-1);
    const clientMail = stack.ses.outbox(email).at(-1);
    expect(coachMail?.subject).toContain('Booked: Session 1');
    expect(coachMail?.text).toContain('Wednesday, 9 December 2026, 14:00 – 15:00 GMT');
    expect(clientMail?.subject).toContain('Booked: Session 1 with');
    expect(clientMail?.text).toContain('Wednesday, 9 December 2026, 09:00 – 10:00 EST');

    for (const mail of [coachMail, clientMail]) {
      const invite = inviteOf(mail);
      expect(invite.method).toBe('REQUEST');
      expect(invite.contentType).toContain('method=REQUEST');
      expect(invite.event.uid).toBe(`${bookingId}@127.0.0.1`);
      expect(Number(invite.event.sequence)).toBe(0);
      expect(new Date(invite.event.start).toISOString()).toBe('2026-12-09T14:00:00.000Z');
      expect(new Date(invite.event.end as Date).toISOString()).toBe('2026-12-09T15:00:00.000Z');
      expect(invite.raw).toMatch(/DTSTART:20261209T140000Z/);
      expect(String(invite.event.summary)).toContain('Leading Through Change');
    }

    const feed = eventsOf(await (await fetch(feedUrl)).text()).find((e) => e.uid === `${bookingId}@127.0.0.1`);
    expect(new Date(feed?.start ?? 0).toISOString()).toBe('2026-12-09T14:00:00.000Z');

    const list = await client.get(`${url}/bookings`);
    expect(list.body.items.map((b: any) => b.bookingId)).toEqual([bookingId]);
    expect((await coach.get(`${url}/bookings/${bookingId}`)).body.status).toBe('confirmed');
  });

  it('takes the booked time (and its buffer) out of availability, in every program of the coach', async () => {
    const first = await aProgramWithClient();
    const second = await aProgramWithClient();
    await first.client.post(`${first.url}/bookings`, { start: '2026-12-10T11:00:00Z' });
    const starts = (await second.client.get(`${second.url}/availability?from=2026-12-10T00:00:00Z&to=2026-12-11T00:00:00Z`)).body.slots.map((s: any) => s.start.slice(11, 16));
    expect(starts).toEqual(['10:00', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
    const taken = await second.client.post(`${second.url}/bookings`, { start: '2026-12-10T11:30:00Z' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_unavailable');
  });

  it('answers each refusal with its precise code', async () => {
    const { client, url } = await aProgramWithClient({ totalSessions: 2 });
    for (const start of ['2027-01-04T20:00:00Z', '2027-01-04T10:10:00Z', '2026-11-28T10:00:00Z']) {
      const notOffered = await client.post(`${url}/bookings`, { start });
      expect(notOffered.status, start).toBe(409);
      expect(notOffered.body.error.code, start).toBe('slot_unavailable');
    }
    expect((await client.post(`${url}/bookings`, { start: '2026-12-14T10:00:00Z' })).status).toBe(201);
    const sameWeek = await client.post(`${url}/bookings`, { start: '2026-12-16T10:00:00Z' });
    expect(sameWeek.body.error.code).toBe('weekly_limit_reached');
    expect((await client.post(`${url}/bookings`, { start: '2026-12-21T10:00:00Z' })).status).toBe(201);
    const beyond = await client.post(`${url}/bookings`, { start: '2026-12-28T10:00:00Z' });
    expect(beyond.body.error.code).toBe('package_limit_reached');
    expect((await client.get(`${url}/availability?from=2026-12-28T00:00:00Z&to=2027-01-08T00:00:00Z`)).body).toMatchObject({ remaining: 0, slots: [] });
    expect((await client.post(`${url}/bookings`, { start: 'tomorrow' })).status).toBe(400);
  });
});

describe('cancelling', () => {
  it('sends both sides a METHOD:CANCEL with the next SEQUENCE, frees the time and takes it off the feed', async () => {
    const { client, email, url } = await aProgramWithClient();
    const { bookingId } = (await client.post(`${url}/bookings`, { start: '2026-12-15T15:00:00Z' })).body;
    const cancelled = await client.post(`${url}/bookings/${bookingId}/cancel`, { reason: 'A family matter' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', creditReturned: true, cancelledBy: 'client', cancelReason: 'A family matter' });

    await stack.settle();
    for (const mail of [stack.ses.outbox(email).at(-1), stack.ses.outbox(coachEmail).at(-1)]) {
      expect(mail?.subject).toContain('Cancelled');
      const invite = inviteOf(mail);
      expect(invite.method).toBe('CANCEL');
      expect(invite.event.uid).toBe(`${bookingId}@127.0.0.1`);
      expect(Number(invite.event.sequence)).toBe(1);
      expect(String(invite.event.status)).toBe('CANCELLED');
    }
    expect(eventsOf(await (await fetch(feedUrl)).text()).some((e) => e.uid === `${bookingId}@127.0.0.1`)).toBe(false);
    const starts = (await client.get(`${url}/availability?from=2026-12-15T00:00:00Z&to=2026-12-16T00:00:00Z`)).body.slots.map((s: any) => s.start);
    expect(starts).toContain('2026-12-15T15:00:00Z');
    expect((await client.post(`${url}/bookings/${bookingId}/cancel`)).body.error.code).toBe('booking_not_active');
  });

  it('forfeits the session when the client cancels under 24 hours before, never when the coach does', async () => {
    const { client, url } = await aProgramWithClient();
    const soon = (await client.post(`${url}/bookings`, { start: '2026-11-30T16:00:00Z' })).body; // eight hours away
    const forfeited = await client.post(`${url}/bookings/${soon.bookingId}/cancel`);
    expect(forfeited.body).toMatchObject({ status: 'cancelled', creditReturned: false });
    expect((await client.get(`${url}/availability?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z`)).body.remaining).toBe(11);

    const next = (await client.post(`${url}/bookings`, { start: '2026-12-07T10:00:00Z' })).body;
    await stack.scheduler.advanceTo(Date.parse('2026-12-07T02:00:00Z'));
    const byCoach = await coach.post(`${url}/bookings/${next.bookingId}/cancel`, { reason: 'I am unwell' });
    expect(byCoach.body).toMatchObject({ creditReturned: true, cancelledBy: 'coach' });
  });

  it('keeps other programs’ clients out', async () => {
    const mine = await aProgramWithClient();
    const other = await aProgramWithClient();
    const { bookingId } = (await mine.client.post(`${mine.url}/bookings`, { start: '2026-12-17T10:00:00Z' })).body;
    expect((await other.client.get(`${mine.url}/bookings/${bookingId}`)).status).toBe(404);
    expect((await other.client.post(`${mine.url}/bookings/${bookingId}/cancel`)).status).toBe(404);
    expect((await other.client.get(`${mine.url}/availability?from=2026-12-17T00:00:00Z&to=2026-12-18T00:00:00Z`)).status).toBe(404);
    expect((await other.client.post(`${mine.url}/bookings`, { start: '2026-12-18T10:00:00Z' })).status).toBe(404);
    const stranger = await ApiClient.signIn(stack, uniqueEmail('stranger'));
    expect((await stranger.get(`${mine.url}/bookings`)).status).toBe(404);
  });
});

describe('when SES is down during a booking', () => {
  it('keeps the booking, and sends its emails once SES is back — each exactly once', async () => {
    const { client, email, url } = await aProgramWithClient();
    await stack.settle();
    const before = { client: stack.ses.outbox(email).length, coach: stack.ses.outbox(coachEmail).length };
    await client.anonymous().post('/_local/faults', { ses: true });
    const booked = await client.post(`${url}/bookings`, { start: '2026-12-22T10:00:00Z' });
    expect(booked.status).toBe(201);
    await stack.settle();
    expect(stack.ses.outbox(email)).toHaveLength(before.client);

    await client.anonymous().post('/_local/faults', { ses: false });
    await moveClock(stack, { advanceMinutes: 2 }); // the sweeper's next round
    const clientMails = stack.ses.outbox(email).slice(before.client);
    const coachMails = stack.ses.outbox(coachEmail).slice(before.coach);
    expect(clientMails.map((m) => m.subject)).toEqual([expect.stringContaining('Booked:')]);
    expect(coachMails.map((m) => m.subject)).toEqual([expect.stringContaining('Booked:')]);

    await moveClock(stack, { advanceMinutes: 60 });
    expect(stack.ses.outbox(email).slice(before.client)).toHaveLength(1);
    expect((await client.get(`${url}/bookings/${booked.body.bookingId}`)).body.status).toBe('confirmed');
  });
});

describe('removing session modules once sessions are booked', () => {
  it('refuses to remove a booked session or one before a booked session, and allows the rest', async () => {
    const { client, url, program } = await aProgramWithClient({ totalSessions: 4 });
    await client.post(`${url}/bookings`, { start: '2027-01-11T10:00:00Z' }); // session 1
    await client.post(`${url}/bookings`, { start: '2027-01-18T10:00:00Z' }); // session 2
    const modules = program.sections[1].modules as { moduleId: string }[];
    const [first, second, third, fourth] = modules.map((m) => `${url}/modules/${m.moduleId}`);

    for (const booked of [first, second]) {
      const refused = await coach.delete(booked ?? '');
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('session_module_booked');
    }
    expect((await coach.delete(fourth ?? '')).body).toEqual({ totalSessions: 3 });
    expect((await coach.delete(third ?? '')).body).toEqual({ totalSessions: 2 });
    const after = (await client.get(`${url}/availability?from=2027-01-25T00:00:00Z&to=2027-01-30T00:00:00Z`)).body;
    expect(after).toMatchObject({ remaining: 0, slots: [] });
    expect((await client.get(`${url}/bookings`)).body.items.map((b: any) => b.sessionNumber)).toEqual([1, 2]);
  });
});

describe("the coach's feed, as calendar apps poll it", () => {
  const poll = (etag?: string) => fetch(feedUrl, etag ? { headers: { 'if-none-match': etag } } : {});

  it('answers 304 without a body while nothing changed, and the new feed once a session is booked', async () => {
    const first = await poll();
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const unchanged = await poll(etag!);
    expect({ status: unchanged.status, body: await unchanged.text(), etag: unchanged.headers.get('etag') }).toEqual({ status: 304, body: '', etag });
    expect((await poll(`W/${etag}`)).status).toBe(304);

    const { client, url } = await aProgramWithClient();
    const { bookingId } = (await client.post(`${url}/bookings`, { start: '2027-02-03T10:00:00Z' })).body;
    const changed = await poll(etag!);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(eventsOf(await changed.text()).some((e) => e.uid === `${bookingId}@127.0.0.1`)).toBe(true);
  });

  it('limits each feed on its own with 429 and Retry-After, and serves it again in the next hour', async () => {
    const token = decodeURIComponent(new URL(feedUrl).pathname.split('/').at(-1)!).replace(/\.ics$/, '');
    await useLimit(stack, FEED_POLLS_PER_TOKEN, token, FEED_POLLS_PER_TOKEN.limit);
    const limited = await poll();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(secondsToNextWindow(stack, FEED_POLLS_PER_TOKEN.windowSeconds));
    expect(((await limited.json()) as any).error.code).toBe('too_many_requests');
    // A made-up token of the same org is still a plain 404: only real feeds are counted.
    expect((await fetch(feedUrl.replace(/\.([A-Za-z0-9_-]{10})/, '.AAAAAAAAAA'))).status).toBe(404);

    await stack.scheduler.advanceTo(stack.clock.now() + secondsToNextWindow(stack, FEED_POLLS_PER_TOKEN.windowSeconds) * 1000);
    expect((await poll()).status).toBe(200);
  });
});
