import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { ApiClient, uniqueEmail } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';

/**
 * Two months of an org's sessions walked on the local clock (from Monday 2 November 2026; the coach
 * in London, UTC in winter). Program A costs 120.00 EUR a session, B 200.00 USD, C is free.
 *   A1 4 Nov held · A2 11 Nov missed · A3 18 Nov cancelled late by the client · A4 booked for 25 Nov,
 *   moved by the coach to 2 Dec, held · B1 5 Nov held · B2 12 Nov cancelled by the coach (free) ·
 *   C1 4 Dec held. Reviews: A's client 4 (20 Nov), B's client 5 (3 Dec).
 */
let stack: LocalStack;
let coach: ApiClient;
let orgId: string;
let stop: () => Promise<void>;
const clients: Record<'a' | 'b' | 'c', { client: ApiClient; email: string; url: string }> = {} as never;
const ids: Record<string, string> = {};

const moveClockTo = (iso: string) => moveClock(stack, { to: iso });
const book = async (who: 'a' | 'b' | 'c', name: string, start: string) => {
  const booked = await clients[who].client.post(`${clients[who].url}/bookings`, { packageId: 'coaching', start });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  ids[name] = booked.body.bookingId;
};
const join = async (who: 'a' | 'b' | 'c', name: string, start: string) => {
  await moveClockTo(new Date(Date.parse(start) - 5 * 60_000).toISOString());
  expect((await clients[who].client.post(`${clients[who].url}/bookings/${ids[name]}/join`)).status).toBe(200);
};
const analytics = (from: string, to: string, as: ApiClient = coach) => as.get(`/orgs/${orgId}/analytics?from=${from}&to=${to}`);

beforeAll(async () => {
  ({ stack, coach, orgId, stop } = await aCoachStack({ now: '2026-11-02T08:00:00Z', timeZone: 'Europe/London' }));
  const programs = {
    a: await aProgram(coach, orgId, { name: 'Executive Presence', pricePerSession: { amount: 12000, currency: 'EUR' } }),
    b: await aProgram(coach, orgId, { name: 'Leadership, Intensive', pricePerSession: { amount: 20000, currency: 'USD' } }),
    c: await aProgram(coach, orgId, { name: 'Career "Reset", phase 1' }),
  };
  for (const who of ['a', 'b', 'c'] as const) {
    const { client, email } = await aJoinedClient(stack, coach, orgId, programs[who].programId);
    clients[who] = { client, email, url: `/orgs/${orgId}/programs/${programs[who].programId}` };
  }
  await book('a', 'A1', '2026-11-04T10:00:00Z');
  await book('a', 'A2', '2026-11-11T10:00:00Z');
  await book('a', 'A3', '2026-11-18T10:00:00Z');
  await book('a', 'A4', '2026-11-25T10:00:00Z');
  await book('b', 'B1', '2026-11-05T10:00:00Z');
  await book('b', 'B2', '2026-11-12T10:00:00Z');
  await book('c', 'C1', '2026-12-04T10:00:00Z');
  expect((await coach.post(`${clients.a.url}/bookings/${ids.A4}/reschedule`, { start: '2026-12-02T10:00:00Z' })).status).toBe(200);
  expect((await coach.post(`${clients.b.url}/bookings/${ids.B2}/cancel`, {})).body.creditReturned).toBe(true);

  await join('a', 'A1', '2026-11-04T10:00:00Z');
  await join('b', 'B1', '2026-11-05T10:00:00Z');
  await moveClockTo('2026-11-11T10:16:00Z'); // A2: the client never comes
  await moveClockTo('2026-11-17T12:00:00Z');
  expect((await clients.a.client.post(`${clients.a.url}/bookings/${ids.A3}/cancel`, {})).body.creditReturned).toBe(false);
  await moveClockTo('2026-11-20T09:00:00Z');
  expect((await clients.a.client.post(`${clients.a.url}/reviews`, { rating: 4 })).status).toBe(201);
  await join('a', 'A4', '2026-12-02T10:00:00Z');
  await moveClockTo('2026-12-03T09:00:00Z');
  expect((await clients.b.client.post(`${clients.b.url}/reviews`, { rating: 5, body: 'Worth every minute.' })).status).toBe(201);
  await join('c', 'C1', '2026-12-04T10:00:00Z');
  await moveClockTo('2026-12-04T11:05:00Z'); // C1 ended five minutes ago: today is not settled yet
});
afterAll(() => stop());

describe('org analytics', () => {
  it('counts today’s ended sessions from the sessions themselves', async () => {
    const today = await analytics('2026-12-01', '2026-12-04');
    expect(today.status).toBe(200);
    expect(today.body).toMatchObject({ sessionsCompleted: 2, noShows: 0, cancellations: 0, revenue: [{ month: '2026-12', amount: 12000, currency: 'EUR' }] });
  });

  it('answers the known figures for two months, each currency apart', async () => {
    await moveClockTo('2026-12-10T12:00:00Z');
    const both = await analytics('2026-11-01', '2026-12-31');
    expect(both.body).toEqual({
      from: '2026-11-01',
      to: '2026-12-31',
      timeZone: 'Europe/London',
      sessionsCompleted: 4,
      noShows: 1,
      cancellations: 2,
      cancellationsLate: 1,
      cancellationsFree: 1,
      activeClients: 3,
      clientRetentionRate: null,
      retention: { previousFrom: '2026-09-01', previousTo: '2026-10-31', previousClients: 0, retainedClients: 0 },
      averageRating: 4.5,
      reviews: 2,
      revenue: [
        { month: '2026-11', amount: 36000, currency: 'EUR' }, // A1 held, A2 missed, A3 cancelled late
        { month: '2026-11', amount: 20000, currency: 'USD' }, // B1 held; B2 cancelled free
        { month: '2026-12', amount: 12000, currency: 'EUR' }, // A4, moved from November
      ],
    });
  });

  it('keeps half the clients of the month before', async () => {
    const december = (await analytics('2026-12-01', '2026-12-31')).body;
    expect(december).toMatchObject({ sessionsCompleted: 2, clientRetentionRate: 0.5, retention: { previousFrom: '2026-10-31', previousTo: '2026-11-30', previousClients: 2, retainedClients: 1 } });
    expect(december).toMatchObject({ averageRating: 5, reviews: 1 });
    const november = (await analytics('2026-11-01', '2026-11-30')).body;
    expect(november).toMatchObject({ sessionsCompleted: 2, noShows: 1, cancellations: 2, averageRating: 4 });
  });

  it('refuses bad periods with 400 and details, and anyone but the coach', async () => {
    for (const [query, field] of [
      ['from=2026-12-02&to=2026-12-01', 'query.to'],
      ['from=2026-01-01&to=2027-01-02', 'query.to'],
      ['from=2026-02-30&to=2026-03-01', 'query.from'],
      ['to=2026-03-01', 'query.from'],
    ] as const) {
      const refused = await coach.get(`/orgs/${orgId}/analytics?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.details.map((d: any) => d.field)).toEqual([field]);
    }
    expect((await analytics('2026-01-01', '2027-01-01')).status).toBe(200); // 366 days
    const outsider = await ApiClient.signIn(stack, uniqueEmail('outsider'));
    for (const path of [`/orgs/${orgId}/analytics?from=2026-11-01&to=2026-11-30`, `/orgs/${orgId}/coaching-log.csv?from=2026-11-01&to=2026-11-30`]) {
      expect((await coach.anonymous().get(path)).status).toBe(401);
      expect((await outsider.get(path)).status).toBe(404);
      const asClient = await clients.a.client.get(path);
      expect(asClient.status).toBe(403);
      expect(asClient.body.error.code).toBe('forbidden');
    }
  });
});

describe('the coaching log', () => {
  it('lists every completed session as RFC 4180 CSV', async () => {
    const log = await coach.get(`/orgs/${orgId}/coaching-log.csv?from=2026-11-01&to=2026-12-31`);
    expect(log.status).toBe(200);
    expect(log.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(log.headers.get('content-disposition')).toBe('attachment; filename="coaching-log-2026-11-01-to-2026-12-31.csv"');
    expect(log.body).toBe(
      [
        'Date,Start,Client,Program,Session,Duration (hours),Paid or free',
        `2026-11-04,10:00,${clients.a.email},Executive Presence,Session 1,1.00,paid`,
        `2026-11-05,10:00,${clients.b.email},"Leadership, Intensive",Session 1,1.00,paid`,
        `2026-12-02,10:00,${clients.a.email},Executive Presence,Session 4,1.00,paid`,
        `2026-12-04,10:00,${clients.c.email},"Career ""Reset"", phase 1",Session 1,1.00,free`,
        '',
      ].join('\r\n'),
    );
  });
});
