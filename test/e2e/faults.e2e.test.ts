import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';

/**
 * SES and Scheduler fail while a session is booked. The booking stands; its emails and schedules
 * are carried out by the outbox sweeper once the services are back, each exactly once.
 */
let stack: LocalStack;
let coach: ApiClient;
let coachEmail: string;
let orgId: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, coach, coachEmail, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
});
afterAll(() => stop());

const faults = (state: { ses?: boolean; scheduler?: boolean }) => coach.anonymous().post('/_local/faults', state);
const clock = (minutes: number) => moveClock(stack, { advanceMinutes: minutes });

describe('a booking while SES and Scheduler are down', () => {
  it('stands at once, and its emails and schedules follow when they come back — no duplicates', async () => {
    const program = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    const url = `/orgs/${orgId}/programs/${program.programId}`;
    await stack.settle();
    const sentBefore = { client: stack.ses.outbox(email).length, coach: stack.ses.outbox(coachEmail).length };

    await faults({ ses: true, scheduler: true });
    const booked = await client.post(`${url}/bookings`, { start: '2026-12-03T10:00:00Z' });
    expect(booked.status).toBe(201);
    const { bookingId } = booked.body;
    await stack.settle();
    expect(stack.ses.outbox(email)).toHaveLength(sentBefore.client);
    expect(stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId))).toEqual([]);
    expect((await client.get(`${url}/bookings/${bookingId}`)).body.status).toBe('confirmed');

    // Still down at the sweeper's next rounds: nothing goes out, nothing is lost.
    await clock(2);
    await clock(5);
    expect(stack.ses.outbox(email)).toHaveLength(sentBefore.client);

    await faults({ ses: false, scheduler: false });
    await clock(30); // past the retry back-off
    expect(stack.ses.outbox(email).slice(sentBefore.client).map((m) => m.subject)).toEqual([expect.stringContaining('Booked:')]);
    expect(stack.ses.outbox(coachEmail).slice(sentBefore.coach).map((m) => m.subject)).toEqual([expect.stringContaining('Booked:')]);
    const schedules = () => stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId)).map((s) => s.name.slice(bookingId.length));
    expect(schedules()).toEqual(['-reminder-24h', '-reminder-1h', '-no-show']);

    // More sweeps change nothing; the schedules then work as usual.
    await clock(120);
    expect(stack.ses.outbox(email).slice(sentBefore.client)).toHaveLength(1);
    expect(schedules()).toEqual(['-reminder-24h', '-reminder-1h', '-no-show']);
    await moveClock(stack, { to: '2026-12-02T10:00:00Z' });
    expect(stack.ses.outbox(email).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(1);
  });

  it('keeps a cancellation made while Scheduler is down from leaving reminders behind', async () => {
    const program = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    const url = `/orgs/${orgId}/programs/${program.programId}`;
    const { bookingId } = (await client.post(`${url}/bookings`, { start: '2026-12-10T10:00:00Z' })).body;
    await stack.settle();
    await faults({ scheduler: true });
    expect((await client.post(`${url}/bookings/${bookingId}/cancel`)).status).toBe(200);
    await stack.settle();
    expect(stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId))).toHaveLength(3); // not removed yet
    await faults({ scheduler: false });
    await clock(30);
    expect(stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId))).toEqual([]);
    expect(stack.ses.outbox(email).filter((m) => m.subject.startsWith('Cancelled'))).toHaveLength(1);
  });
});
