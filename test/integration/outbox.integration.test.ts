import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentMailError, type EmailMessage, type Mailer } from '../../shared/adapters/mail/mailer';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { relayDue, relayNewEntry, stageEffects } from '../../shared/use-cases/outbox/relay';
import { createTestTable, type TestTable } from '../support/dynamo';
import { TestClock } from '../support/test-clock';

/** A Mailer port that records what it sends and fails on demand (the local SES is tested end to end). */
class RecordingMailer implements Mailer {
  sent: string[] = [];
  failNext: Error[] = [];
  async send(message: EmailMessage): Promise<void> {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.sent.push(message.subject);
  }
}

let table: TestTable;
let outbox: OutboxRepository;
beforeAll(async () => {
  table = await createTestTable();
  outbox = new OutboxRepository(table);
});
afterAll(() => table.drop());

const email = (subject: string): { type: 'email'; message: EmailMessage } => ({ type: 'email', message: { to: ['a@example.com'], subject, text: subject, html: subject } });

async function commitEntry(deps: { outbox: OutboxRepository; mailer: Mailer; clock: TestClock }, pk: string, subjects: string[]) {
  const tx = new WriteTransaction(table);
  const entry = stageEffects(deps, tx, pk, subjects.map(email));
  await tx.commit();
  return entry;
}

describe('the outbox', () => {
  it('sends after the commit and then disappears; a second delivery of the same entry does nothing', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), clock: TestClock.at('2026-12-01T09:00:00Z') };
    const entry = await commitEntry(deps, 'ORG#o1', ['one', 'two']);
    expect(await relayNewEntry(deps, entry)).toBe(true);
    expect(await relayNewEntry(deps, entry)).toBe(false); // streams deliver at least once
    expect(deps.mailer.sent).toEqual(['one', 'two']);
    deps.clock.advanceMinutes(5);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('resumes where a failure stopped, after the lease, without sending anything twice', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), clock: TestClock.at('2026-12-02T09:00:00Z') };
    const entry = await commitEntry(deps, 'ORG#o2', ['first', 'second', 'third']);
    deps.mailer.failNext = [];
    const send = deps.mailer.send.bind(deps.mailer);
    let calls = 0;
    deps.mailer.send = async (m) => {
      if (++calls === 2) throw new Error('SES is down');
      return send(m);
    };
    expect(await relayNewEntry(deps, entry)).toBe(false);
    expect(deps.mailer.sent).toEqual(['first']);

    // Still leased (failure backs off a minute): the sweeper leaves it alone for now.
    expect(await relayDue(deps)).toEqual({ relayed: 0, pending: 0 });
    deps.clock.advanceMinutes(2);
    // Two sweepers at once: the lease lets only one of them relay it.
    const results = await Promise.all([relayDue(deps), relayDue(deps)]);
    expect(results.reduce((sum, r) => sum + r.relayed, 0)).toBe(1);
    expect(deps.mailer.sent).toEqual(['first', 'second', 'third']);
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('gives up on an email that can never be sent, and carries on with the rest', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), clock: TestClock.at('2026-12-03T09:00:00Z') };
    deps.mailer.failNext = [new PermanentMailError('MessageRejected')];
    const entry = await commitEntry(deps, 'ORG#o3', ['rejected', 'fine']);
    await relayNewEntry(deps, entry);
    expect(deps.mailer.sent).toEqual(['fine']);
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('keeps the entry when the write it follows is refused: no email for a write that did not happen', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), clock: TestClock.at('2026-12-04T09:00:00Z') };
    const tx = new WriteTransaction(table);
    stageEffects(deps, tx, 'ORG#o4', [email('never')]);
    tx.add({ ConditionCheck: { TableName: table.name, Key: { pk: 'NOPE', sk: 'NOPE' }, ConditionExpression: 'attribute_exists(pk)' } }, 'guard');
    await expect(tx.commit()).rejects.toMatchObject({ failed: ['guard'] });
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });
});
