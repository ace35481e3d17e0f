import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys';
import { RateLimitsRepository, subjectKey } from '../../shared/data/rate-limits-repository';
import { WriteTransaction, TransactionRefused } from '../../shared/data/write-transaction';
import { windowAt, type RateLimit } from '../../shared/domain/rate-limits/rate-limit';
import { createTestTable, type TestTable } from '../support/dynamo';

let table: TestTable;
let limits: RateLimitsRepository;
beforeAll(async () => {
  table = await createTestTable();
  limits = new RateLimitsRepository(table);
});
afterAll(() => table.drop());

const perMinute: RateLimit = { name: 'test_per_minute', limit: 3, windowSeconds: 60 };
const at = (iso: string) => Date.parse(iso);

describe('rate limits in the table', () => {
  it('allow `limit` uses per window, then say how long until the window resets, then allow again', async () => {
    const subject = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect(await limits.take(perMinute, subject, at('2026-12-01T09:00:10Z'))).toEqual({ allowed: true });
    expect(await limits.take(perMinute, subject, at('2026-12-01T09:00:45Z'))).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(await limits.take(perMinute, 'another subject', at('2026-12-01T09:00:45Z'))).toEqual({ allowed: true });
    expect(await limits.take(perMinute, subject, at('2026-12-01T09:01:00Z'))).toEqual({ allowed: true });
  });

  it('hold under concurrency: of 12 uses at once, exactly `limit` pass', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => limits.take(perMinute, 'busy', at('2026-12-01T10:00:00Z'))));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('store only a hash of the subject, with a TTL just after the window', async () => {
    const nowMs = at('2026-12-01T11:00:30Z');
    await limits.take(perMinute, 'Sam@Example.com', nowMs);
    const window = windowAt(perMinute, nowMs);
    const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.rateWindow(perMinute.name, subjectKey('sam@example.com'), window.start) }));
    expect(Item).toMatchObject({ uses: 1, ttl: window.resetsAt + 3600 });
    expect(JSON.stringify(Item)).not.toContain('example.com');
  });

  it('count inside a transaction only when the transaction commits', async () => {
    const perDay: RateLimit = { name: 'test_per_day', limit: 1, windowSeconds: 86_400 };
    const nowMs = at('2026-12-01T12:00:00Z');
    await new WriteTransaction(table).add(limits.takeItem(perDay, 'once', nowMs), 'daily').commit();
    const refused = await new WriteTransaction(table).add(limits.takeItem(perDay, 'once', nowMs), 'daily').commit().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransactionRefused);
    expect((refused as TransactionRefused).failed).toEqual(['daily']);
    expect(await limits.take(perDay, 'once', nowMs)).toEqual({ allowed: false, retryAfterSeconds: 12 * 3600 });
  });
});
