import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhooksRepository } from '../../shared/data/webhooks-repository';
import { newId } from '../../shared/domain/ids';
import { MAX_WEBHOOKS_PER_ORG, newWebhookSecret, type WebhookEndpoint } from '../../shared/domain/webhooks/webhook-endpoint';
import { WebhookDeliveriesRepository } from '../../shared/data/webhook-deliveries-repository';
import { domainEvent } from '../../shared/domain/events/domain-event';
import { MAX_DELIVERY_ATTEMPTS } from '../../shared/domain/webhooks/delivery';
import { deliverDue, fanOutEvent } from '../../shared/use-cases/webhooks/deliver-webhooks';
import { entryEventPublisher } from '../../shared/use-cases/webhooks/publish-event';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { relayNewEntry, stageEffects, type RelayDeps } from '../../shared/use-cases/outbox/relay';
import type { DomainEvent } from '../../shared/domain/events/domain-event';
import type { AttemptResult, WebhookSender } from '../../shared/use-cases/webhooks/webhook-ports';
import { createTestTable, type TestTable } from '../support/dynamo';
import { TestClock } from '../support/test-clock';

let table: TestTable;
let webhooks: WebhooksRepository;

beforeAll(async () => {
  table = await createTestTable();
  webhooks = new WebhooksRepository(table);
});
afterAll(() => table.drop());

const anEndpoint = (orgId: string, fields: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  orgId,
  webhookId: newId(),
  url: 'https://hooks.example.org/in',
  events: ['*'],
  description: null,
  createdAt: '2026-12-01T09:00:00Z',
  secret: newWebhookSecret(),
  previousSecret: null,
  previousSecretExpiresAt: null,
  secretRotatedAt: null,
  ...fields,
});

describe('webhook endpoints', () => {
  it('holds the per-org cap under concurrent registrations, and frees a place on delete', async () => {
    const orgId = newId();
    const results = await Promise.all(Array.from({ length: MAX_WEBHOOKS_PER_ORG + 4 }, () => webhooks.create(anEndpoint(orgId)).catch((e: Error) => e.message)));
    // Contention may refuse some (TransactionConflict); never more than the cap may pass, and nothing else may go wrong.
    for (const result of results) expect([true, false, 'Transaction refused: conflict']).toContain(result);
    expect(results.filter((r) => r === true).length).toBeLessThanOrEqual(MAX_WEBHOOKS_PER_ORG);
    let stored = await webhooks.allOf(orgId);
    expect(stored).toHaveLength(results.filter((r) => r === true).length);
    while (stored.length < MAX_WEBHOOKS_PER_ORG) {
      expect(await webhooks.create(anEndpoint(orgId))).toBe(true);
      stored = await webhooks.allOf(orgId);
    }
    expect(await webhooks.create(anEndpoint(orgId))).toBe(false);
    expect(await webhooks.delete(orgId, stored[0]!.webhookId)).toBe(true);
    expect(await webhooks.delete(orgId, stored[0]!.webhookId)).toBe(false);
    expect(await webhooks.create(anEndpoint(orgId))).toBe(true);
    expect(await webhooks.allOf(orgId)).toHaveLength(MAX_WEBHOOKS_PER_ORG);
  });

  it("lists only the org's own endpoints, in pages", async () => {
    const [a, b] = [newId(), newId()];
    for (let i = 0; i < 3; i++) await webhooks.create(anEndpoint(a));
    await webhooks.create(anEndpoint(b));
    const first = await webhooks.list(a, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await webhooks.list(a, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].every((e) => e.orgId === a)).toBe(true);
    await expect(webhooks.list(b, { cursor: first.nextCursor ?? undefined })).rejects.toMatchObject({ status: 400, details: [{ field: 'query.cursor' }] });
  });

  it('rotates only from the secret it read, keeping that one as the previous secret', async () => {
    const endpoint = anEndpoint(newId());
    await webhooks.create(endpoint);
    const next = newWebhookSecret();
    expect(await webhooks.rotate(endpoint, next, '2026-12-02T09:00:00Z', '2026-12-01T09:00:00Z')).toBe(true);
    // A second rotation from the same (now stale) read is refused.
    expect(await webhooks.rotate(endpoint, newWebhookSecret(), '2026-12-02T09:00:00Z', '2026-12-01T09:00:00Z')).toBe(false);
    expect(await webhooks.get(endpoint.orgId, endpoint.webhookId)).toMatchObject({ secret: next, previousSecret: endpoint.secret, previousSecretExpiresAt: '2026-12-02T09:00:00Z' });
  });
});

/** A receiver behind the WebhookSender port: records posts and answers what a test queues (the real sender is tested end to end). */
class ScriptedSender implements WebhookSender {
  posts: { url: string; headers: Record<string, string> }[] = [];
  answers: number[] = [];
  async post(url: string, headers: Record<string, string>): Promise<AttemptResult> {
    this.posts.push({ url, headers });
    const status = this.answers.shift() ?? 200;
    return { ok: status < 300, statusCode: status, error: status < 300 ? null : `the receiver answered ${status}`, durationMs: 3 };
  }
}

describe('webhook deliveries', () => {
  const setup = async () => {
    const orgId = newId();
    const endpoint = anEndpoint(orgId, { url: `https://hooks.example.org/${orgId}` });
    await webhooks.create(endpoint);
    const sender = new ScriptedSender();
    const clock = TestClock.at('2026-12-01T09:00:00Z');
    const deps = { webhooks, deliveries: new WebhookDeliveriesRepository(table), sender, clock, random: () => 0 };
    return { orgId, endpoint, sender, clock, deps };
  };
  const event = (orgId: string) => domainEvent('booking.created', orgId, { bookingId: 'b1' }, Date.parse('2026-12-01T09:00:00Z')).event;

  it('fans an event out once, however often the relay runs it, and retries with growing waits until it gives up', async () => {
    const { orgId, endpoint, sender, clock, deps } = await setup();
    sender.answers = Array(MAX_DELIVERY_ATTEMPTS).fill(500);
    const e = event(orgId);
    expect(await fanOutEvent(deps, e)).toBe(1);
    expect(await fanOutEvent(deps, e)).toBe(0);
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      const [pending] = (await deps.deliveries.list(orgId, endpoint.webhookId, {})).items;
      expect(pending).toMatchObject({ status: 'pending', attempts: attempt });
      const due = Date.parse(String(pending?.nextAttemptAt));
      waits.push((due - clock.now()) / 60_000);
      // Not due yet: nothing is attempted.
      expect((await deliverDue(deps)).attempted).toBe(0);
      clock.set(new Date(due).toISOString());
      expect((await deliverDue(deps)).attempted).toBe(1);
    }
    expect(waits).toEqual([1, 5, 25, 125, 480, 480, 480]);
    const [failed] = (await deps.deliveries.list(orgId, endpoint.webhookId, {}, 'failed')).items;
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null });
    expect(new Set(sender.posts.map((p) => p.headers['webhook-id']))).toEqual(new Set([e.id]));
    clock.advanceMinutes(24 * 60);
    expect((await deliverDue(deps)).attempted).toBe(0);
  });

  it('lets only one of two deliverers attempt a due delivery, and sends nothing once its endpoint is deleted', async () => {
    const { orgId, endpoint, sender, clock, deps } = await setup();
    sender.answers = [503];
    await fanOutEvent(deps, event(orgId));
    clock.advanceMinutes(2);
    sender.answers = [503];
    const runs = await Promise.all([deliverDue(deps), deliverDue(deps)]);
    expect(runs.map((r) => r.attempted).sort()).toEqual([0, 1]);
    expect(sender.posts).toHaveLength(2);
    await webhooks.delete(orgId, endpoint.webhookId);
    clock.advanceMinutes(10);
    await deliverDue(deps);
    expect(sender.posts).toHaveLength(2);
    const [cancelled] = (await deps.deliveries.list(orgId, endpoint.webhookId, {})).items;
    expect(cancelled).toMatchObject({ status: 'cancelled', attempts: 2 });
    clock.advanceMinutes(600);
    expect((await deliverDue(deps)).attempted).toBe(0);
  });

  it('takes over a first attempt whose sender died, once its lease has run out', async () => {
    const { orgId, endpoint, sender, clock, deps } = await setup();
    const e = event(orgId);
    // A relay that wrote the delivery and died before posting it.
    const dead = { ...deps, sender: { post: () => new Promise<AttemptResult>(() => {}) } };
    void fanOutEvent(dead, e);
    await new Promise((r) => setTimeout(r, 300));
    expect((await deliverDue(deps)).attempted).toBe(0);
    clock.advanceMinutes(2);
    expect(await deliverDue(deps)).toEqual({ attempted: 1, delivered: 1 });
    expect(sender.posts).toEqual([{ url: endpoint.url, headers: expect.objectContaining({ 'webhook-id': e.id }) }]);
  });
});

describe('events leaving the outbox', () => {
  it("read the org's endpoints once for an entry carrying two events, and give each endpoint what it subscribes to", async () => {
    const orgId = newId();
    const everything = anEndpoint(orgId, { url: `https://hooks.example.org/${orgId}/all` });
    const moves = anEndpoint(orgId, { url: `https://hooks.example.org/${orgId}/moves`, events: ['booking.rescheduled'] });
    await webhooks.create(everything);
    await webhooks.create(moves);
    const sender = new ScriptedSender();
    const published: string[] = [];
    const clock = TestClock.at('2026-12-01T09:00:00Z');
    const delivery = { webhooks, deliveries: new WebhookDeliveriesRepository(table), sender, clock, random: () => 0 };
    const bus = { publish: async (e: DomainEvent) => void published.push(e.type) };
    const unused = () => Promise.reject(new Error('This entry holds no such effect.'));
    const outbox = new OutboxRepository(table);
    const deps: RelayDeps = {
      outbox,
      mailer: { send: unused },
      scheduler: { upsert: unused, remove: unused },
      records: { booking: unused, introCall: unused },
      reissue: unused,
      events: () => entryEventPublisher({ ...delivery, bus }),
      clock,
    };
    // What a coach approving a reschedule request stages: the decision and the move.
    const nowMs = clock.now();
    const tx = new WriteTransaction(table);
    const entry = stageEffects({ outbox, clock }, tx, `ORG#${orgId}`, [
      domainEvent('reschedule_request.decided', orgId, { requestId: 'r1', status: 'approved' }, nowMs),
      domainEvent('booking.rescheduled', orgId, { bookingId: 'b1' }, nowMs),
    ]);
    await tx.commit();

    table.calls.length = 0;
    expect(await relayNewEntry(deps, entry)).toBe(true);
    expect(table.calls.filter((c) => c === 'QueryCommand')).toHaveLength(1);
    expect(published).toEqual(['reschedule_request.decided', 'booking.rescheduled']);
    expect(sender.posts.map((p) => p.url).sort()).toEqual([everything.url, everything.url, moves.url]);
  });
});
