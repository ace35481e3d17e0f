import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentMailError, type EmailMessage, type Mailer } from '../../shared/adapters/mail/mailer';
import type { OneTimeSchedule, SessionScheduler } from '../../shared/adapters/scheduler/session-scheduler';
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

/** A Scheduler port that only records (the local Scheduler stand-in is tested end to end). */
class RecordingScheduler implements SessionScheduler {
  upserts: string[] = [];
  removals: string[] = [];
  async upsert(schedule: OneTimeSchedule): Promise<void> {
    this.upserts.push(schedule.name);
  }
  async remove(name: string): Promise<void> {
    this.removals.push(name);
  }
}

/** Reissuing invites is tested end to end; here only its place among the effects matters. */
const noReissue = async () => 0;

let table: TestTable;
let outbox: OutboxRepository;
beforeAll(async () => {
  table = await createTestTable();
  outbox = new OutboxRepository(table);
});
afterAll(() => table.drop());

const email = (subject: string): { type: 'email'; message: EmailMessage } => ({ type: 'email', message: { to: ['a@example.com'], subject, text: subject, html: subject } });

async function commitEntry(deps: { outbox: OutboxRepository; clock: TestClock }, pk: string, subjects: string[]) {
  const tx = new WriteTransaction(table);
  const entry = stageEffects(deps, tx, pk, subjects.map(email));
  await tx.commit();
  return entry;
}

describe('the outbox', () => {
  it('sends after the commit and then disappears; a second delivery of the same entry does nothing', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), reissue: noReissue, clock: TestClock.at('2026-12-01T09:00:00Z') };
    const entry = await commitEntry(deps, 'ORG#o1', ['one', 'two']);
    expect(await relayNewEntry(deps, entry)).toBe(true);
    expect(await relayNewEntry(deps, entry)).toBe(false); // streams deliver at least once
    expect(deps.mailer.sent).toEqual(['one', 'two']);
    deps.clock.advanceMinutes(5);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('retries only what failed, after the lease, without sending anything twice', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), reissue: noReissue, clock: TestClock.at('2026-12-02T09:00:00Z') };
    const entry = await commitEntry(deps, 'ORG#o2', ['first', 'second', 'third']);
    deps.mailer.failNext = [];
    const send = deps.mailer.send.bind(deps.mailer);
    let calls = 0;
    deps.mailer.send = async (m) => {
      if (++calls === 2) throw new Error('SES is down');
      return send(m);
    };
    expect(await relayNewEntry(deps, entry)).toBe(false);
    expect(deps.mailer.sent).toEqual(['first', 'third']);

    // Still leased (failure backs off a minute): the sweeper leaves it alone for now.
    expect(await relayDue(deps)).toEqual({ relayed: 0, pending: 0 });
    deps.clock.advanceMinutes(2);
    // Two sweepers at once: the lease lets only one of them relay it.
    const results = await Promise.all([relayDue(deps), relayDue(deps)]);
    expect(results.reduce((sum, r) => sum + r.relayed, 0)).toBe(1);
    expect(deps.mailer.sent).toEqual(['first', 'third', 'second']);
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('gives up on an email that can never be sent, and carries on with the rest', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), reissue: noReissue, clock: TestClock.at('2026-12-03T09:00:00Z') };
    // Refused for good, then SES down for the next one: the refusal must outlive the retry.
    deps.mailer.failNext = [new PermanentMailError('MessageRejected'), new Error('SES is down')];
    const entry = await commitEntry(deps, 'ORG#o3', ['rejected', 'fine']);
    expect(await relayNewEntry(deps, entry)).toBe(false);
    deps.clock.advanceMinutes(2);
    expect(await relayDue(deps)).toEqual({ relayed: 1, pending: 0 });
    expect(deps.mailer.sent).toEqual(['fine']);
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
    // Not dropped silently: kept as failed, with who it was for and why.
    const failed = (await outbox.failed()).find((f) => f.entryId === entry.entryId);
    expect(failed?.failures).toEqual([{ index: 0, to: ['a@example.com'], subject: 'rejected', error: 'MessageRejected' }]);
  });

  it('performs schedule effects with the emails', async () => {
    const scheduler = new RecordingScheduler();
    const deps = { outbox, mailer: new RecordingMailer(), scheduler, reissue: noReissue, clock: TestClock.at('2026-12-05T09:00:00Z') };
    const tx = new WriteTransaction(table);
    const entry = stageEffects(deps, tx, 'ORG#o5', [
      email('booked'),
      { type: 'schedule', schedule: { name: 'b1-r24', at: Date.parse('2026-12-06T09:00:00Z') / 60_000, target: 'reminder', payload: {} } },
      { type: 'unschedule', name: 'b0-r24' },
    ]);
    await tx.commit();
    expect(await relayNewEntry(deps, entry)).toBe(true);
    expect([deps.mailer.sent, scheduler.upserts, scheduler.removals]).toEqual([['booked'], ['b1-r24'], ['b0-r24']]);
  });

  it('keeps the entry when the write it follows is refused: no email for a write that did not happen', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), reissue: noReissue, clock: TestClock.at('2026-12-04T09:00:00Z') };
    const tx = new WriteTransaction(table);
    stageEffects(deps, tx, 'ORG#o4', [email('never')]);
    tx.add({ ConditionCheck: { TableName: table.name, Key: { pk: 'NOPE', sk: 'NOPE' }, ConditionExpression: 'attribute_exists(pk)' } }, 'guard');
    await expect(tx.commit()).rejects.toMatchObject({ failed: ['guard'] });
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });
});

describe('the outbox, when effects fail', () => {
  it('carries out the other effects of an entry while one keeps failing', async () => {
    const scheduler = new RecordingScheduler();
    const mailer = new RecordingMailer();
    mailer.failNext = [new Error('SES is down')];
    const deps = { outbox, mailer, scheduler, reissue: noReissue, clock: TestClock.at('2026-12-06T09:00:00Z') };
    const tx = new WriteTransaction(table);
    const entry = stageEffects(deps, tx, 'ORG#o6', [email('booked'), { type: 'schedule', schedule: { name: 'b6-no-show', at: Date.parse('2026-12-07T10:15:00Z') / 60_000, target: 'noShow', payload: {} } }]);
    await tx.commit();
    expect(await relayNewEntry(deps, entry)).toBe(false);
    expect([mailer.sent, scheduler.upserts]).toEqual([[], ['b6-no-show']]);
    deps.clock.advanceMinutes(2);
    await relayDue(deps);
    expect([mailer.sent, scheduler.upserts]).toEqual([['booked'], ['b6-no-show']]);
  });

  it('drops a reminder whose time passed during an outage, but still runs a no-show check, a minute later', async () => {
    const scheduler = new RecordingScheduler();
    const upserted: OneTimeSchedule[] = [];
    scheduler.upsert = async (schedule) => {
      upserted.push(schedule);
    };
    const deps = { outbox, mailer: new RecordingMailer(), scheduler, reissue: noReissue, clock: TestClock.at('2026-12-08T12:00:00Z') };
    const past = Date.parse('2026-12-08T11:00:00Z') / 60_000;
    const tx = new WriteTransaction(table);
    const entry = stageEffects(deps, tx, 'ORG#o7', [
      { type: 'schedule', schedule: { name: 'b7-reminder-1h', at: past, target: 'reminder', payload: {} } },
      { type: 'schedule', schedule: { name: 'b7-no-show', at: past, target: 'noShow', payload: {} } },
    ]);
    await tx.commit();
    await relayNewEntry(deps, entry);
    expect(upserted.map((s) => [s.name, new Date(s.at * 60_000).toISOString()])).toEqual([['b7-no-show', '2026-12-08T12:01:00.000Z']]);
  });
});
