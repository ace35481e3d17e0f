import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhooksRepository } from '../../shared/data/webhooks-repository';
import { newId } from '../../shared/domain/ids';
import { MAX_WEBHOOKS_PER_ORG, newWebhookSecret, type WebhookEndpoint } from '../../shared/domain/webhooks/webhook-endpoint';
import { createTestTable, type TestTable } from '../support/dynamo';

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
    // Contention may refuse some (TransactionConflict); never more than the cap may pass.
    expect(results.filter((r) => r === true).length).toBeLessThanOrEqual(MAX_WEBHOOKS_PER_ORG);
    let stored = await webhooks.allOf(orgId);
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
