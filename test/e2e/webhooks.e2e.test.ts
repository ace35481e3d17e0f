import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/local-stack';
import { aCoachWithCalendar, aJoinedClient, aProgram, moveClock, useCoachStack } from '../support/scenarios-http';
import { WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

/**
 * Webhooks end to end, on one local stack: a coach registers endpoints on a loopback receiver (the
 * local stack's test-only allowance), and the events of real writes arrive signed.
 */
const env = useCoachStack({ now: '2026-12-01T08:00:00Z' });
let receiver: WebhookReceiver;
let hooks: string;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  hooks = `/orgs/${env.orgId}/webhooks`;
});
afterAll(() => receiver?.stop());

describe('registering endpoints', () => {
  it('shows the secret once, at creation, and never in the list', async () => {
    const created = await env.coach.post(hooks, { url: receiver.url('/listed'), events: ['booking.created', 'booking.created', 'review.created'], description: 'CRM' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiver.url('/listed'), events: ['booking.created', 'review.created'], description: 'CRM', secretRotatedAt: null });
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = await env.coach.get(hooks);
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((w: any) => w.webhookId === created.body.webhookId);
    expect(mine).toEqual({ webhookId: created.body.webhookId, url: receiver.url('/listed'), events: ['booking.created', 'review.created'], description: 'CRM', createdAt: '2026-12-01T08:00:00Z', secretRotatedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect(listed.body.nextCursor).toBeNull();
    expect((await env.coach.delete(`${hooks}/${created.body.webhookId}`)).status).toBe(204);
    expect((await env.coach.delete(`${hooks}/${created.body.webhookId}`)).status).toBe(404);
  });

  it('refuses what could never be delivered, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ url: 'https://10.0.0.8/in', events: ['*'] }, 'url'],
      [{ url: 'https://169.254.169.254/latest/meta-data', events: ['*'] }, 'url'],
      [{ url: 'ftp://hooks.example.org/in', events: ['*'] }, 'url'],
      [{ url: receiver.url('/x'), events: ['booking.exploded'] }, 'events.0'],
      [{ url: receiver.url('/x'), events: [] }, 'events'],
      [{ url: receiver.url('/x'), events: ['*'], secret: 'whsec_mine' }, ''],
    ];
    for (const [body, field] of cases) {
      const answer = await env.coach.post(hooks, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      if (field) expect(answer.body.error.details.map((d: any) => d.field)).toContain(field);
    }
  });

  it('is for the coach alone: the client gets 403, another coach and strangers 404, no token 401', async () => {
    const program = await aProgram(env.coach, env.orgId);
    const { client } = await aJoinedClient(env.stack, env.coach, env.orgId, program.programId);
    const other = await aCoachWithCalendar(env.stack, env.ics);
    const created = await env.coach.post(hooks, { url: receiver.url('/private'), events: ['*'] });
    const one = `${hooks}/${created.body.webhookId}`;
    expect((await client.get(hooks)).status).toBe(403);
    expect((await client.post(hooks, { url: receiver.url('/x'), events: ['*'] })).status).toBe(403);
    expect((await other.coach.get(hooks)).status).toBe(404);
    expect((await other.coach.post(`${one}/rotate-secret`)).status).toBe(404);
    expect((await other.coach.delete(one)).status).toBe(404);
    // Their own org's path with our endpoint's id finds nothing either.
    expect((await other.coach.delete(`/orgs/${other.orgId}/webhooks/${created.body.webhookId}`)).status).toBe(404);
    expect((await new ApiClient(env.stack.url).get(hooks)).status).toBe(401);
    expect((await env.coach.delete(one)).status).toBe(204);
  });

  it('rotates the secret: a new one shown once, the old one kept signing for 24 hours', async () => {
    const created = await env.coach.post(hooks, { url: receiver.url('/rotate'), events: ['*'] });
    const rotated = await env.coach.post(`${hooks}/${created.body.webhookId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ webhookId: created.body.webhookId, secret: expect.stringMatching(/^whsec_/), previousSecretExpiresAt: '2026-12-02T08:00:00Z' });
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect((await env.coach.get(hooks)).body.items.find((w: any) => w.webhookId === created.body.webhookId).secretRotatedAt).toBe('2026-12-01T08:00:00Z');
    expect((await env.coach.delete(`${hooks}/${created.body.webhookId}`)).status).toBe(204);
  });

  it('caps an org at 10 endpoints', async () => {
    const made: string[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await env.coach.post(hooks, { url: receiver.url(`/cap/${i}`), events: ['*'] });
      expect(answer.status).toBe(201);
      made.push(answer.body.webhookId);
    }
    const refused = await env.coach.post(hooks, { url: receiver.url('/cap/11'), events: ['*'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('webhook_limit_reached');
    for (const id of made) await env.coach.delete(`${hooks}/${id}`);
  });
});

/** Verifies a received request with the official Standard Webhooks library, at the local clock's time. */
function verified(secret: string, request: ReceivedWebhook, clockMs: number) {
  const realNow = Date.now;
  Date.now = () => clockMs;
  try {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as { id: string; type: string; data: any };
  } finally {
    Date.now = realNow;
  }
}

describe('delivering events', () => {
  const clockNow = () => env.stack.clock.now();
  let all: { webhookId: string; secret: string };
  let cancelsOnly: { webhookId: string; secret: string };
  let deleted: string;
  let programId: string;
  let client: ApiClient;
  let bookingId: string;

  beforeAll(async () => {
    all = (await env.coach.post(hooks, { url: receiver.url('/all'), events: ['*'] })).body;
    cancelsOnly = (await env.coach.post(hooks, { url: receiver.url('/cancels'), events: ['booking.cancelled'] })).body;
    deleted = (await env.coach.post(hooks, { url: receiver.url('/deleted'), events: ['*'] })).body.webhookId;
    expect((await env.coach.delete(`${hooks}/${deleted}`)).status).toBe(204);
    programId = (await aProgram(env.coach, env.orgId, { name: 'Leadership' })).programId;
    ({ client } = await aJoinedClient(env.stack, env.coach, env.orgId, programId));
    await env.stack.settle();
  });

  it('signs each event so the official library verifies it, and says only what the coach may see', async () => {
    const joined = receiver.at('/all').map((r) => verified(all.secret, r, clockNow())).find((e) => e.type === 'program.client_joined');
    expect(joined?.data).toEqual({ programId, clientUserId: client.userId, clientEmail: expect.stringContaining('@example.com'), joinedAt: '2026-12-01T08:00:00Z' });
    expect(receiver.at('/cancels')).toEqual([]);
  });

  it('retries a failed delivery with backoff under the same webhook-id, and logs every attempt', async () => {
    receiver.failNext = [503];
    const booked = await env.coach.post(`/orgs/${env.orgId}/programs/${programId}/bookings`, { packageId: 'coaching', start: '2026-12-09T10:00:00Z' });
    expect(booked.status).toBe(201);
    bookingId = booked.body.bookingId;
    await env.coach.put(`/orgs/${env.orgId}/programs/${programId}/bookings/${bookingId}/notes`, { body: 'Private: considering a career change.' });
    await env.stack.settle();
    const first = receiver.at('/all').filter((r) => JSON.parse(r.body).type === 'booking.created');
    expect(first.map((r) => r.answered)).toEqual([503]);

    const log = await env.coach.get(`${hooks}/${all.webhookId}/deliveries?status=pending`);
    expect(log.status).toBe(200);
    const pending = log.body.items.find((d: any) => d.eventType === 'booking.created');
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, responses: [{ statusCode: 503, error: 'the receiver answered 503' }], payload: { type: 'booking.created', data: { bookingId, status: 'confirmed' } } });
    const wait = Date.parse(pending.nextAttemptAt) - clockNow();
    expect(wait).toBeGreaterThanOrEqual(60_000);
    expect(wait).toBeLessThanOrEqual(66_000);

    await moveClock(env.stack, { advanceMinutes: 2 });
    const attempts = receiver.at('/all').filter((r) => JSON.parse(r.body).type === 'booking.created');
    expect(attempts.map((r) => r.answered)).toEqual([503, 204]);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(attempts[1]?.body).toBe(attempts[0]?.body);
    expect(verified(all.secret, attempts[1] as ReceivedWebhook, clockNow()).id).toBe(pending.eventId);
    const after = (await env.coach.get(`${hooks}/${all.webhookId}/deliveries`)).body.items.find((d: any) => d.deliveryId === pending.deliveryId);
    expect(after).toMatchObject({ status: 'delivered', attempts: 2, nextAttemptAt: null, deliveredAt: expect.any(String) });
    expect(after.responses.map((r: any) => r.statusCode)).toEqual([503, 204]);
  });

  it('replays a delivery as a new one with the same webhook-id and body', async () => {
    const log = (await env.coach.get(`${hooks}/${all.webhookId}/deliveries`)).body.items;
    const original = log.find((d: any) => d.eventType === 'booking.created');
    const before = receiver.at('/all').length;
    const replayed = await env.coach.post(`${hooks}/${all.webhookId}/deliveries/${original.deliveryId}/replay`);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toMatchObject({ replayOf: original.deliveryId, eventId: original.eventId, status: 'delivered', attempts: 1 });
    expect(replayed.body.deliveryId).not.toBe(original.deliveryId);
    const sent = receiver.at('/all').slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['webhook-id']).toBe(original.eventId);
    expect(verified(all.secret, sent[0] as ReceivedWebhook, clockNow()).type).toBe('booking.created');
    expect((await env.coach.get(`${hooks}/${all.webhookId}/deliveries`)).body.items[0].deliveryId).toBe(replayed.body.deliveryId);
  });

  it('sends each endpoint only the types it asked for, signs with both secrets while rotating, and never leaks notes or reasons', async () => {
    const rotated = (await env.coach.post(`${hooks}/${all.webhookId}/rotate-secret`)).body;
    const cancelled = await client.post(`/orgs/${env.orgId}/programs/${programId}/bookings/${bookingId}/cancel`, { reason: 'My manager moved our offsite' });
    expect(cancelled.status).toBe(200);
    await env.stack.settle();
    const [onlyCancel] = receiver.at('/cancels');
    expect(receiver.at('/cancels')).toHaveLength(1);
    expect(verified(cancelsOnly.secret, onlyCancel as ReceivedWebhook, clockNow())).toMatchObject({ type: 'booking.cancelled', data: { bookingId, status: 'cancelled', cancelledBy: 'client', creditReturned: true } });
    const cancelAtAll = receiver.at('/all').find((r) => JSON.parse(r.body).type === 'booking.cancelled') as ReceivedWebhook;
    expect(String(cancelAtAll.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(all.secret, cancelAtAll, clockNow()).type).toBe('booking.cancelled');
    expect(verified(rotated.secret, cancelAtAll, clockNow()).type).toBe('booking.cancelled');
    const everything = receiver.received.map((r) => r.body).join('\n');
    expect(everything).not.toContain('career change');
    expect(everything).not.toContain('offsite');
  });

  it('delivers nothing to a deleted endpoint, and pages the log', async () => {
    expect(receiver.at('/deleted')).toEqual([]);
    const first = await env.coach.get(`${hooks}/${all.webhookId}/deliveries?limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await env.coach.get(`${hooks}/${all.webhookId}/deliveries?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].deliveryId).not.toBe(first.body.items[0].deliveryId);
    expect((await env.coach.get(`${hooks}/${deleted}/deliveries`)).status).toBe(404);
  });

  it('puts every event on the EventBridge bus too, with the webhook body as its detail', async () => {
    const onBus = (await env.coach.anonymous().get('/_local/events')).body.items.filter((e: any) => e.detail.orgId === env.orgId);
    const created = onBus.find((e: any) => e.detailType === 'booking.created');
    const webhookBody = receiver.at('/all').find((r) => JSON.parse(r.body).type === 'booking.created')?.body;
    expect(created).toMatchObject({ eventBusName: 'rapport-local-events', source: 'rapport', detail: JSON.parse(String(webhookBody)) });
    expect(onBus.map((e: any) => e.detailType)).toEqual(expect.arrayContaining(['program.client_joined', 'booking.created', 'booking.cancelled']));
  });

  it('retries the bus when it fails, without sending any webhook twice', async () => {
    const faults = (body: object) => env.coach.anonymous().post('/_local/faults', body);
    await faults({ events: true });
    const booked = await env.coach.post(`/orgs/${env.orgId}/programs/${programId}/bookings`, { packageId: 'coaching', start: '2026-12-10T10:00:00Z' });
    expect(booked.status).toBe(201);
    await env.stack.settle();
    const busCopies = async () => (await env.coach.anonymous().get('/_local/events')).body.items.filter((e: any) => e.detail.data?.bookingId === booked.body.bookingId);
    const hookCopies = () => receiver.at('/all').filter((r) => JSON.parse(r.body).data.bookingId === booked.body.bookingId);
    expect(await busCopies()).toEqual([]);
    expect(hookCopies()).toHaveLength(1);
    await faults({ events: false });
    await moveClock(env.stack, { advanceMinutes: 2 });
    expect(await busCopies()).toHaveLength(1);
    expect((await busCopies())[0].detail.id).toBe(hookCopies()[0]?.headers['webhook-id']);
    expect(hookCopies()).toHaveLength(1);
  });

  it("shows another org's coach nothing of the log, and replays nothing for them", async () => {
    const other = await aCoachWithCalendar(env.stack, env.ics);
    const delivery = (await env.coach.get(`${hooks}/${all.webhookId}/deliveries?limit=1`)).body.items[0];
    expect((await other.coach.get(`${hooks}/${all.webhookId}/deliveries`)).status).toBe(404);
    expect((await other.coach.post(`${hooks}/${all.webhookId}/deliveries/${delivery.deliveryId}/replay`)).status).toBe(404);
    expect((await other.coach.post(`/orgs/${other.orgId}/webhooks/${all.webhookId}/deliveries/${delivery.deliveryId}/replay`)).status).toBe(404);
    expect((await client.get(`${hooks}/${all.webhookId}/deliveries`)).status).toBe(403);
  });
});
