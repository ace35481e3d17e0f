import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../local/stack';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { createTestTable, type TestTable } from '../support/dynamo';

let table: TestTable;
let failedEntryId: string;

/** One entry set aside as failed, as the relay leaves it after its last attempt. */
beforeAll(async () => {
  table = await createTestTable();
  const outbox = new OutboxRepository(table);
  const now = Date.parse('2026-12-01T09:00:00Z');
  const { item, entry } = outbox.newEntryItem('ORG#o1', '01KQFAILED0000000000000000', [{ type: 'email', message: { to: ['a@example.com'], subject: 'Hello', text: 'Hello', html: 'Hello' } }], now, '2026-12-01T09:00:00Z');
  await new WriteTransaction(table).add(item).commit();
  const leased = await outbox.lease(entry, now);
  await outbox.markFailed(leased!, now);
  failedEntryId = entry.entryId;
});
afterAll(() => table.drop());

/** The command as an operator runs it (`npm run outbox:failed -- …`), against this test's table. */
const run = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      ['bin/outbox-failed.ts', ...args],
      {
        cwd: PROJECT_ROOT,
        timeout: 60_000,
        env: { ...process.env, TABLE_NAME: table.name, AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('npm run outbox:failed', () => {
  it('lists the failed entries, prints its usage when asked, and refuses a mistyped flag or a stray argument with exit code 2', { timeout: 90_000 }, async () => {
    const [listed, help, mistyped, stray, short] = await Promise.all([run(), run('--help'), run('--retry-al'), run('everything'), run('--retry', 'ORG#o1')]);

    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(failedEntryId);
    expect(listed.stdout).toContain('1 failed outbox entry.');

    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run outbox:failed/);

    for (const [refused, why] of [[mistyped, 'Unknown option: --retry-al'], [stray, 'Unknown argument: everything'], [short, '--retry needs the pk and the entryId']] as const) {
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe(''); // nothing listed, nothing retried
      expect(refused.stderr).toContain(why);
      expect(refused.stderr).toContain('Usage: npm run outbox:failed');
    }
    expect((await new OutboxRepository(table).failed()).map((e) => e.entryId)).toEqual([failedEntryId]);
  });
});
