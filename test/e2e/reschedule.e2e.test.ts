import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { inviteOf } from '../support/ics-parse';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';

/**
 * Moving sessions under each window of the policy. The clock only moves forward, so the scenarios
 * run in order: Monday 30 November 2026, 08:00 UTC to begin with; the coach is in London (UTC in
 * winter) and works 10:00–17:00, the clients live in New York.
 */
let stack: LocalStack;
let coach: ApiClient;
let coachEmail: string;
let orgId: string;

async function aClient() {
  const program = await aProgram(coach, orgId);
  const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId, { timeZone: 'America/New_York' });
  return { client, email, url: `/orgs/${orgId}/programs/${program.programId}` };
}

async function aSession(start: string) {
  const who = await aClient();
  const booked = await who.client.post(`${who.url}/bookings`, { start });
  expect(booked.status).toBe(201);
  return { ...who, bookingId: booked.body.bookingId as string };
}

const moveClockTo = (iso: string) => moveClock(stack, { to: iso });
const lastMail = async (to: string) => {
  await stack.settle();
  return stack.ses.outbox(to).at(-1);
};
const startsOn = async (who: { client: ApiClient; url: string }, from: string, to: string) =>
  (await who.client.get(`${who.url}/availability?from=${from}&to=${to}`)).body.slots.map((s: any) => s.start);

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, coach, coachEmail, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
});
afterAll(() => stop());

describe('rescheduling', () => {
  it('lets the coach move a session at any time, telling the client why, with an updated invitation', async () => {
    const session = await aSession('2026-12-01T10:00:00Z');
    await moveClockTo('2026-12-01T00:00:00Z'); // ten hours before
    const closed = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-01T15:00:00Z' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('reschedule_window_closed');

    const moved = await coach.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-01T15:00:00Z', reason: 'My flight was delayed' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ bookingId: session.bookingId, start: '2026-12-01T15:00:00Z', end: '2026-12-01T16:00:00Z', status: 'confirmed' });
    const mail = await lastMail(session.email);
    expect(mail?.subject).toContain('Moved');
    expect(mail?.text).toContain('Reason given: My flight was delayed');
    expect(mail?.text).toContain('Tuesday, 1 December 2026, 10:00 – 11:00 EST');
    const invite = inviteOf(mail);
    expect([invite.method, Number(invite.event.sequence), new Date(invite.event.start).toISOString()]).toEqual(['REQUEST', 1, '2026-12-01T15:00:00.000Z']);
    const schedules = stack.scheduler.pending().filter((s) => s.name.startsWith(session.bookingId));
    expect(schedules.map((s) => [s.name.slice(session.bookingId.length), new Date(s.at).toISOString()])).toEqual([
      ['-reminder-1h', '2026-12-01T14:00:00.000Z'],
      ['-no-show', '2026-12-01T15:15:00.000Z'],
    ]);
  });

  it('lets the client move a session more than 48 hours ahead at once, telling the coach', async () => {
    const session = await aSession('2026-12-04T10:00:00Z'); // 82 hours ahead
    const moved = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-04T11:00:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe('2026-12-04T11:00:00Z');
    const mail = await lastMail(coachEmail);
    expect(mail?.text).toContain(`${session.email} moved Session 1`);
    expect(mail?.text).toContain('Friday, 4 December 2026, 11:00 – 12:00 GMT');
  });

  it('turns a client’s move 24–48 hours ahead into a request that holds the time, which the coach approves', async () => {
    const session = await aSession('2026-12-02T12:00:00Z'); // 36 hours ahead
    const neighbour = await aClient();
    const requested = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-02T15:00:00Z', reason: 'School run' });
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ status: 'pending', proposedStart: '2026-12-02T15:00:00Z', expiresAt: '2026-12-02T12:00:00Z' });
    const { requestId } = requested.body;
    expect((await lastMail(coachEmail))?.subject).toContain(`${session.email} asks to move Session 1`);

    // The proposed time is held: no one else gets it while the coach decides.
    expect(await startsOn(neighbour, '2026-12-02T14:00:00Z', '2026-12-02T17:00:00Z')).toEqual(['2026-12-02T14:00:00Z', '2026-12-02T16:00:00Z']);
    expect((await neighbour.client.post(`${neighbour.url}/bookings`, { start: '2026-12-02T15:00:00Z' })).body.error.code).toBe('slot_unavailable');
    const again = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-02T16:00:00Z' });
    expect(again.body.error.code).toBe('reschedule_pending');
    expect((await session.client.get(`${session.url}/reschedule-requests`)).status).toBe(403);
    const pending = await coach.get(`${session.url}/reschedule-requests?status=pending`);
    expect(pending.body.items.map((r: any) => [r.requestId, r.reason])).toEqual([[requestId, 'School run']]);

    const approved = await coach.post(`${session.url}/reschedule-requests/${requestId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', booking: { start: '2026-12-02T15:00:00Z' } });
    const mail = await lastMail(session.email);
    expect(mail?.text).toContain('approved your request');
    expect(Number(inviteOf(mail).event.sequence)).toBe(1);
    // The old time is free again; the new one is the session's.
    expect((await neighbour.client.post(`${neighbour.url}/bookings`, { start: '2026-12-02T12:00:00Z' })).status).toBe(201);
    expect((await coach.post(`${session.url}/reschedule-requests/${requestId}/approve`)).body.error.code).toBe('request_not_pending');
  });

  it('keeps the session when the coach rejects, and frees the held time', async () => {
    const session = await aSession('2026-12-02T13:00:00Z');
    const requested = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-02T16:00:00Z' });
    const rejected = await coach.post(`${session.url}/reschedule-requests/${requested.body.requestId}/reject`, { reason: 'Fully booked that afternoon' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Fully booked that afternoon' });
    const mail = await lastMail(session.email);
    expect(mail?.subject).toContain('declined');
    expect(mail?.text).toContain('Fully booked that afternoon');
    expect((await session.client.get(`${session.url}/bookings/${session.bookingId}`)).body.start).toBe('2026-12-02T13:00:00Z');
    const other = await aClient();
    expect(await startsOn(other, '2026-12-02T16:00:00Z', '2026-12-02T17:00:00Z')).toEqual(['2026-12-02T16:00:00Z']);
  });

  it('lets an unanswered request lapse when the session starts, and refuses to approve it afterwards', async () => {
    const session = await aSession('2026-12-02T14:00:00Z');
    const requested = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-02T10:00:00Z' });
    expect(requested.body.expiresAt).toBe('2026-12-02T14:00:00Z');
    await stack.settle();
    const expiry = stack.scheduler.pending().find((s) => s.name === `${requested.body.requestId}-expiry`);
    const fired = (await moveClockTo('2026-12-02T14:00:00Z')).map((f) => f.name);
    expect(fired).toContain(`${requested.body.requestId}-expiry`);
    const mail = await lastMail(session.email);
    expect(mail?.subject).toContain('lapsed');
    await stack.deliver(expiry?.targetArn ?? '', JSON.parse(expiry?.input ?? '{}')); // delivered a second time
    expect(stack.ses.outbox(session.email).filter((m) => m.subject.includes('lapsed'))).toHaveLength(1);
    const late = await coach.post(`${session.url}/reschedule-requests/${requested.body.requestId}/approve`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('request_expired');
    expect((await coach.get(`${session.url}/reschedule-requests`)).body.items[0].status).toBe('expired');
    expect((await session.client.get(`${session.url}/bookings/${session.bookingId}`)).body.start).toBe('2026-12-02T14:00:00Z');
  });

  it('refuses a client’s move under 24 hours ahead', async () => {
    const session = await aSession('2026-12-03T10:00:00Z'); // 20 hours ahead
    const response = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-03T11:00:00Z' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('reschedule_window_closed');
  });

  it('withdraws a pending request when its session is cancelled, freeing the held time', async () => {
    const session = await aSession('2026-12-04T13:00:00Z'); // 47 hours ahead
    const requested = await session.client.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-04T15:00:00Z' });
    expect(requested.status).toBe(202);
    await session.client.post(`${session.url}/bookings/${session.bookingId}/cancel`);
    expect((await coach.get(`${session.url}/reschedule-requests`)).body.items[0].status).toBe('withdrawn');
    const other = await aClient();
    expect((await other.client.post(`${other.url}/bookings`, { start: '2026-12-04T15:00:00Z' })).status).toBe(201);
    await stack.settle();
    expect(stack.scheduler.pending().some((s) => s.name.startsWith(requested.body.requestId))).toBe(false);
  });

  it('refuses a new time that is not offered', async () => {
    const session = await aSession('2026-12-10T10:00:00Z');
    const response = await coach.post(`${session.url}/bookings/${session.bookingId}/reschedule`, { start: '2026-12-10T21:00:00Z' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('slot_unavailable');
  });
});

describe('private notes', () => {
  it('are the coach’s alone: the client gets 404, not even a hint', async () => {
    const session = await aSession('2026-12-11T10:00:00Z');
    const url = `${session.url}/bookings/${session.bookingId}/notes`;
    expect((await coach.get(url)).body).toEqual({ bookingId: session.bookingId, body: '', updatedAt: null });
    const saved = await coach.put(url, { body: 'Wants to talk about the promotion; nervous about the board.' });
    expect(saved.status).toBe(200);
    expect((await coach.get(url)).body.body).toBe('Wants to talk about the promotion; nervous about the board.');
    for (const response of [await session.client.get(url), await session.client.put(url, { body: 'mine' })]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    const booking = (await session.client.get(`${session.url}/bookings/${session.bookingId}`)).body;
    expect(JSON.stringify(booking)).not.toContain('promotion');
  });
});
