import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redrive } from '../../bin/redrive';
import type { LocalStack } from '../../local/stack';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram } from '../support/scenarios-http';

/**
 * A scheduled function that fails is retried twice by Lambda and then kept in the failure queue,
 * never dropped; `npm run redrive` replays it once the cause is fixed. The local stand-ins behave
 * as Lambda's asynchronous invocation and the stream's event source mapping do.
 */
let stack: LocalStack;
let coach: ApiClient;
let coachEmail: string;
let orgId: string;
let stop: () => Promise<void>;
let sqs: SQSClient;
let lambda: LambdaClient;

beforeAll(async () => {
  ({ stack, coach, coachEmail, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
  // The redrive command's own clients, pointed at the local stack by its AWS_ENDPOINT_URL_* settings.
  sqs = new SQSClient({});
  lambda = new LambdaClient({});
});
afterAll(async () => {
  sqs.destroy();
  lambda.destroy();
  await stop();
});

const local = () => coach.anonymous();
const failing = (functions: string[]) => local().post('/_local/faults', { functions });
const failures = async () => (await local().get('/_local/failures')).body;

describe('a scheduled function that keeps failing', () => {
  it('runs three times, lands its event in the failure queue, and is replayed exactly once by the redrive command', async () => {
    const program = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    const url = `/orgs/${orgId}/programs/${program.programId}`;
    const { bookingId } = (await client.post(`${url}/bookings`, { start: '2026-12-03T10:00:00Z' })).body;
    await stack.settle();
    const reminders = () => stack.ses.outbox(email).filter((m) => m.subject.startsWith('Reminder'));

    expect((await failing(['reminder'])).body.functions).toEqual(['reminder']);
    const moved = await local().post('/_local/clock', { to: '2026-12-02T10:00:00Z' });
    expect(moved.body.fired).toEqual([expect.objectContaining({ name: `${bookingId}-reminder-24h`, error: expect.stringContaining('failing on purpose') })]);
    expect(reminders()).toEqual([]);

    const { scheduledRun } = await failures();
    expect(scheduledRun.messages).toHaveLength(1);
    expect(scheduledRun.messages[0].body).toMatchObject({
      requestContext: { functionArn: expect.stringContaining('reminder'), condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { kind: 'reminder', bookingId, lead: '24h' },
      responseContext: { functionError: 'Unhandled' },
    });

    await failing([]);
    expect(await redrive({ sqs, lambda }, scheduledRun.queueUrl)).toEqual({ replayed: 1, acknowledged: 0, kept: 0 });
    await stack.settle();
    expect(reminders()).toHaveLength(1);
    expect(stack.ses.outbox(coachEmail).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(1);
    expect((await failures()).scheduledRun.messages).toEqual([]);
    expect(await redrive({ sqs, lambda }, scheduledRun.queueUrl)).toEqual({ replayed: 0, acknowledged: 0, kept: 0 });
  });

  it('keeps a stream batch the relay failed; the sweeper still carries out its entry, and redrive clears the record', async () => {
    const program = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    const url = `/orgs/${orgId}/programs/${program.programId}`;
    const { bookingId } = (await client.post(`${url}/bookings`, { start: '2026-12-10T10:00:00Z' })).body;
    await stack.settle();

    await failing(['outboxRelay']);
    expect((await client.post(`${url}/bookings/${bookingId}/cancel`)).status).toBe(200);
    const { relayStream } = await failures();
    expect(relayStream.messages).toHaveLength(1);
    expect(relayStream.messages[0].body).toMatchObject({ requestContext: { condition: 'RetryAttemptsExhausted' }, DDBStreamBatchInfo: { batchSize: 1 } });
    expect(stack.ses.outbox(email).filter((m) => m.subject.startsWith('Cancelled'))).toEqual([]);

    await failing([]);
    await local().post('/_local/clock', { advanceMinutes: 2 }); // the sweeper's next round
    expect(stack.ses.outbox(email).filter((m) => m.subject.startsWith('Cancelled'))).toHaveLength(1);
    expect(stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId))).toEqual([]);
    expect(await redrive({ sqs, lambda }, relayStream.queueUrl)).toEqual({ replayed: 0, acknowledged: 1, kept: 0 });
  });
});

describe('an address SES bounced for good', () => {
  it('receives nothing more, and the coach sees why on the program; a full mailbox suppresses nothing', async () => {
    const program = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    const url = `/orgs/${orgId}/programs/${program.programId}`;
    const say = async (body: string) => {
      expect((await coach.post(`${url}/messages`, { body })).status).toBe(201);
      await stack.settle();
    };
    await say('Welcome aboard');
    const received = stack.ses.outbox(email).length;
    expect(received).toBeGreaterThan(0);

    expect((await local().post('/_local/mail-feedback', { email, type: 'transient_bounce' })).status).toBe(202);
    await say('Still there?');
    expect(stack.ses.outbox(email)).toHaveLength(received + 1);
    expect((await coach.get(url)).body.client.emailSuppressed).toBeNull();

    expect((await local().post('/_local/mail-feedback', { email: email.toUpperCase(), type: 'bounce' })).status).toBe(202);
    await say('Are you receiving these?');
    expect(stack.ses.outbox(email)).toHaveLength(received + 1);
    expect((await coach.get(url)).body.client.emailSuppressed).toEqual({ reason: 'bounce', since: expect.any(String) });
    expect((await client.get(url)).body.client.emailSuppressed).toEqual({ reason: 'bounce', since: expect.any(String) });
    // The coach's side of the conversation still gets its email.
    const coachBefore = stack.ses.outbox(coachEmail).length;
    expect((await client.post(`${url}/messages`, { body: 'Yes, thanks' })).status).toBe(201);
    await stack.settle();
    expect(stack.ses.outbox(coachEmail)).toHaveLength(coachBefore + 1);
  });
});

describe('tokens the API refuses', () => {
  it('answers 401 to an ID token whose email is not verified, and to an access token', async () => {
    const email = 'changing-address@northwind-coaching.com';
    const token = async (options: object) => (await local().post('/_local/token', { email, ...options })).body.token as string;
    const me = (t: string) => fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${t}` } });
    expect((await me(await token({}))).status).toBe(200);
    const unverified = await me(await token({ emailVerified: false }));
    expect(unverified.status).toBe(401);
    expect(((await unverified.json()) as any).error.code).toBe('unauthorized');
    const access = await me(await token({ tokenUse: 'access' }));
    expect(access.status).toBe(401);
    expect(((await access.json()) as any).error.message).toContain('ID token');
  });
});

describe('the local clock', () => {
  it('fires a booking made just before a jump, moving to exactly its time, and adds up moves sent at once', async () => {
    const program = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    const start = new Date('2026-12-08T10:00:00Z'); // the clock stands on 2 December after the tests above
    const booked = await client.post(`/orgs/${orgId}/programs/${program.programId}/bookings`, { start: '2026-12-08T10:00:00Z' });
    expect(booked.status).toBe(201);
    // No settling: the jump itself lets the booking's schedules be made first.
    const reminderAt = new Date(start.getTime() - 24 * 3600_000).toISOString().replace('.000', '');
    const moved = await local().post('/_local/clock', { to: reminderAt });
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe(reminderAt);
    expect(moved.body.fired.filter((f: { name: string }) => f.name.startsWith(booked.body.bookingId))).toEqual([{ name: `${booked.body.bookingId}-reminder-24h`, at: reminderAt }]);
    expect(stack.ses.outbox(email).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(1);

    const together = await Promise.all([10, 10, 10].map((advanceMinutes) => local().post('/_local/clock', { advanceMinutes })));
    expect(together.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await local().get('/_local/clock')).body.now).toBe(new Date(Date.parse(reminderAt) + 30 * 60_000).toISOString().replace('.000', ''));
    const back = await local().post('/_local/clock', { to: reminderAt });
    expect(back.status).toBe(400);
    expect(back.body.error.code).toBe('validation_failed');
  });
});
