import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/ensure-table';
import { PermanentMailError, type EmailMessage, type Mailer } from '../../shared/adapters/mail/mailer';
import type { OneTimeSchedule, SessionScheduler } from '../../shared/adapters/scheduler/session-scheduler';
import { keys } from '../../shared/data/keys';
import { LEASE_MS, OutboxRepository } from '../../shared/data/outbox-repository';
import { createTableInput } from '../../shared/data/table-definition';
import type { Booking } from '../../shared/domain/bookings/booking';
import { MAX_ATTEMPTS, syncSchedules } from '../../shared/domain/outbox/outbox-entry';
import { retryFailedEntries } from '../../shared/use-cases/outbox/failed-entries';
import { reconcileSchedules } from '../../shared/use-cases/outbox/reconcile-schedules';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { relayDue, relayNewEntry, stageEffects } from '../../shared/use-cases/outbox/relay';
import type { ScheduledRecords } from '../../shared/use-cases/outbox/reconcile-schedules';
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

/** For entries without schedules to reconcile: no record is ever read. */
const noRecords: ScheduledRecords = { booking: async () => null, introCall: async () => null };
/** Reissuing invites is tested end to end; here only its place among the effects matters. */
const noReissue = async () => 0;
/** Events are tested with webhooks (webhooks.e2e); here no entry holds one. */
const noEvents = () => async () => 0;

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
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-01T09:00:00Z') };
    const entry = await commitEntry(deps, 'ORG#o1', ['one', 'two']);
    expect(await relayNewEntry(deps, entry)).toBe(true);
    expect(await relayNewEntry(deps, entry)).toBe(false); // streams deliver at least once
    expect(deps.mailer.sent).toEqual(['one', 'two']);
    deps.clock.advanceMinutes(5);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('retries only what failed, after the lease, without sending anything twice', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-02T09:00:00Z') };
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
    expect(await relayDue(deps)).toEqual({ relayed: 0, pending: 0, failed: 0 });
    deps.clock.advanceMinutes(2);
    // Two sweepers at once: the lease lets only one of them relay it.
    const results = await Promise.all([relayDue(deps), relayDue(deps)]);
    expect(results.reduce((sum, r) => sum + r.relayed, 0)).toBe(1);
    expect(deps.mailer.sent).toEqual(['first', 'third', 'second']);
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
  });

  it('gives up on an email that can never be sent, and carries on with the rest', async () => {
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-03T09:00:00Z') };
    // Refused for good, then SES down for the next one: the refusal must outlive the retry.
    deps.mailer.failNext = [new PermanentMailError('MessageRejected'), new Error('SES is down')];
    const entry = await commitEntry(deps, 'ORG#o3', ['rejected', 'fine']);
    expect(await relayNewEntry(deps, entry)).toBe(false);
    deps.clock.advanceMinutes(2);
    expect(await relayDue(deps)).toEqual({ relayed: 1, pending: 0, failed: 0 });
    expect(deps.mailer.sent).toEqual(['fine']);
    deps.clock.advanceMinutes(60);
    expect(await outbox.due(deps.clock.now())).toEqual([]);
    // Not dropped silently: kept as failed, with who it was for and why.
    const failed = (await outbox.failed()).find((f) => f.entryId === entry.entryId);
    expect(failed?.failures).toEqual([{ index: 0, to: ['a@example.com'], subject: 'rejected', error: 'MessageRejected' }]);
  });

  it('performs schedule effects with the emails', async () => {
    const scheduler = new RecordingScheduler();
    const deps = { outbox, mailer: new RecordingMailer(), scheduler, records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-05T09:00:00Z') };
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
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-04T09:00:00Z') };
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
    const deps = { outbox, mailer, scheduler, records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-06T09:00:00Z') };
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
    const deps = { outbox, mailer: new RecordingMailer(), scheduler, records: noRecords, reissue: noReissue, events: noEvents, clock: TestClock.at('2026-12-08T12:00:00Z') };
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

/** A Scheduler port that keeps what exists, by name, as the real one does. */
class StateScheduler implements SessionScheduler {
  readonly schedules = new Map<string, number>();
  beforeUpsert?: () => Promise<void>;
  async upsert(schedule: OneTimeSchedule): Promise<void> {
    await this.beforeUpsert?.();
    this.schedules.set(schedule.name, schedule.at);
  }
  async remove(name: string): Promise<void> {
    this.schedules.delete(name);
  }
}

const minute = (iso: string) => Date.parse(iso) / 60_000;

/** A booking as far as its schedules care, changed by the test between the relay's reads. */
function bookingRecords(start: number) {
  const state = { booking: { bookingId: 'bk1', orgId: 'o', programId: 'p', status: 'confirmed', start, clientJoinedAt: null, version: 1 } as unknown as Booking };
  const records: ScheduledRecords = { booking: async () => ({ ...state.booking }), introCall: async () => null };
  return { state, records };
}

describe('schedules as desired state', () => {
  const subject = { kind: 'session', orgId: 'o', programId: 'p', bookingId: 'bk1' } as const;

  it('an older entry run after a cancel leaves no schedules: both reconcile from the booking as it is', async () => {
    const clock = TestClock.at('2026-12-10T09:00:00Z');
    const { state, records } = bookingRecords(minute('2026-12-12T10:00:00Z'));
    const scheduler = new StateScheduler();
    const deps = { outbox, mailer: new RecordingMailer(), scheduler, records, reissue: noReissue, events: noEvents, clock };
    const tx1 = new WriteTransaction(table);
    const booked = stageEffects(deps, tx1, 'ORG#s1', [syncSchedules(subject)]);
    await tx1.commit();
    state.booking = { ...state.booking, status: 'cancelled', version: 2 };
    const tx2 = new WriteTransaction(table);
    const cancelled = stageEffects(deps, tx2, 'ORG#s1', [syncSchedules(subject)]);
    await tx2.commit();
    await relayNewEntry(deps, cancelled);
    await relayNewEntry(deps, booked);
    expect([...scheduler.schedules.keys()]).toEqual([]);
  });

  it('a relay that read the booking before a move reconciles again, so the move wins whatever the timing', async () => {
    const clock = TestClock.at('2026-12-10T09:00:00Z');
    const { state, records } = bookingRecords(minute('2026-12-12T10:00:00Z'));
    const scheduler = new StateScheduler();
    let moved = false;
    scheduler.beforeUpsert = async () => {
      if (moved) return;
      moved = true; // the booking moves while the first pass is writing the old time
      state.booking = { ...state.booking, start: minute('2026-12-13T15:00:00Z'), version: 2 };
    };
    await reconcileSchedules({ records, scheduler, clock }, subject);
    const at = (name: string) => new Date((scheduler.schedules.get(name) ?? 0) * 60_000).toISOString();
    expect([at('bk1-reminder-24h'), at('bk1-reminder-1h'), at('bk1-no-show')]).toEqual(['2026-12-12T15:00:00.000Z', '2026-12-13T14:00:00.000Z', '2026-12-13T15:15:00.000Z']);
  });
});

describe('fencing and exactly-once emails', () => {
  it('a relay whose lease passed on stops at its next mark; the new holder sends nothing twice', async () => {
    const clock = TestClock.at('2026-12-11T09:00:00Z');
    const mailer = new RecordingMailer();
    const deps = { outbox, mailer, scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock };
    const entry = await commitEntry(deps, 'ORG#f1', ['invite', 'welcome']);
    const send = mailer.send.bind(mailer);
    let second: Promise<boolean> | undefined;
    mailer.send = async (message) => {
      await send(message);
      if (!second) {
        // The first relay stalls past its lease mid-send; a sweeper takes the entry over.
        mailer.send = send;
        clock.advanceMinutes(LEASE_MS / 60_000 + 1);
        second = relayDue(deps).then((r) => r.relayed === 1);
        await second;
      }
    };
    expect(await relayNewEntry(deps, entry)).toBe(false);
    expect(await second).toBe(true);
    expect(mailer.sent).toEqual(['invite', 'welcome']);
  });

  it('an email begun by a relay that died is not sent again; the rest are', async () => {
    const clock = TestClock.at('2026-12-11T12:00:00Z');
    const mailer = new RecordingMailer();
    const deps = { outbox, mailer, scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock };
    const staged = await commitEntry(deps, 'ORG#f2', ['maybe-sent', 'next']);
    const leased = await outbox.lease(staged, clock.now());
    await outbox.begin(leased!, 0); // ...and the relay is killed by its timeout here
    clock.advanceMinutes(LEASE_MS / 60_000 + 1);
    expect(await relayDue(deps)).toEqual({ relayed: 1, pending: 0, failed: 0 });
    expect(mailer.sent).toEqual(['next']);
  });

  it("a program's emails leave in commit order: Cancelled waits for Booked", async () => {
    const clock = TestClock.at('2026-12-11T15:00:00Z');
    const mailer = new RecordingMailer();
    const deps = { outbox, mailer, scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock };
    const booked = await commitEntry(deps, 'ORG#f3', ['Booked']);
    clock.advanceMinutes(1);
    const cancelled = await commitEntry(deps, 'ORG#f3', ['Cancelled']);
    mailer.failNext = [new Error('SES is down')];
    expect(await relayNewEntry(deps, booked)).toBe(false);
    expect(await relayNewEntry(deps, cancelled)).toBe(false); // SES is back, but Booked is not out yet
    expect(mailer.sent).toEqual([]);
    clock.advanceMinutes(2);
    await relayDue(deps);
    clock.advanceMinutes(2);
    await relayDue(deps);
    expect(mailer.sent).toEqual(['Booked', 'Cancelled']);
  });
});

describe('entries that keep failing', () => {
  it(`end failed after ${MAX_ATTEMPTS} attempts, never crowd out newer entries, and can be retried`, async () => {
    const clock = TestClock.at('2026-12-14T09:00:00Z');
    const mailer = new RecordingMailer();
    const send = mailer.send.bind(mailer);
    mailer.send = async (message) => {
      if (message.subject.startsWith('stuck')) throw new Error('Throttling: Maximum sending rate exceeded');
      return send(message);
    };
    const deps = { outbox, mailer, scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock };
    // More stuck entries than one sweep reads, each in its own program.
    const sweep = 5;
    const stuck = 7;
    for (let i = 0; i < stuck; i++) await commitEntry(deps, `ORG#stuck${i}`, [`stuck ${i}`]);
    await relayDue(deps, sweep);
    await relayDue(deps, sweep);
    await commitEntry(deps, 'ORG#fresh', ['fresh']);
    expect((await relayDue(deps, sweep)).relayed).toBe(1);
    expect(mailer.sent).toEqual(['fresh']);

    let failed = 0;
    for (let round = 0; round < 40 && failed < stuck; round++) {
      clock.advanceMinutes(31);
      failed += (await relayDue(deps, sweep)).failed;
    }
    expect(failed).toBe(stuck);
    const listed = (await outbox.failed()).filter((e) => e.pk.startsWith('ORG#stuck'));
    // Read whole from their keys, in the order the failed list keeps.
    expect(listed.map((e) => e.entryId)).toEqual((await outbox.failedKeys()).filter((k) => k.pk.startsWith('ORG#stuck')).map((k) => k.entryId));
    expect(listed.map((e) => [e.attempts, e.lastError])).toEqual(
      Array.from({ length: stuck }, () => [MAX_ATTEMPTS, 'Throttling: Maximum sending rate exceeded']),
    );
    clock.advanceMinutes(60);
    expect(await outbox.due(clock.now())).toEqual([]);

    // The operator fixes the cause and retries one.
    mailer.send = send;
    expect(await outbox.retry(listed[0]!, clock.now())).toBe(true);
    expect(await outbox.retry(listed[0]!, clock.now())).toBe(false);
    expect(await relayDue(deps)).toEqual({ relayed: 1, pending: 0, failed: 0 });
    expect(mailer.sent).toEqual(['fresh', listed[0]!.effects[0]!.type === 'email' ? listed[0]!.effects[0]!.message.subject : '']);

    // Then all the others at once (and relayed, so no later test meets them).
    const { retried } = await retryFailedEntries({ outbox, clock }, 'all');
    expect(retried).toBeGreaterThanOrEqual(stuck - 1);
    expect((await outbox.failedKeys()).filter((k) => k.pk.startsWith('ORG#stuck'))).toEqual([]);
    expect((await relayDue(deps, 100)).relayed).toBe(retried);
  });
});

describe('the keys-only outbox index', () => {
  it('holds only keys, so leasing and marking an entry never copies it into the index', async () => {
    const clock = TestClock.at('2026-12-15T09:00:00Z');
    const deps = { outbox, mailer: new RecordingMailer(), scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock };
    const entry = await commitEntry(deps, 'ORG#k1', ['kept out of the index']);
    const shard = keys.outboxDue(entry.entryId, clock.now()).gsi2pk;
    const { Items } = await table.db.send(new QueryCommand({ TableName: table.name, IndexName: 'byOutbox', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': shard } }));
    const listed = (Items ?? []).find((item) => item.sk === `OUTBOX#${entry.entryId}`);
    expect(Object.keys(listed ?? {}).sort()).toEqual(['gsi2pk', 'gsi2sk', 'pk', 'sk']);
    expect(await relayNewEntry(deps, entry)).toBe(true);
  });

  it('still sweeps an entry staged before the index existed (listed in byCollection), and moves it over', async () => {
    const clock = TestClock.at('2026-12-15T12:00:00Z');
    const mailer = new RecordingMailer();
    const deps = { outbox, mailer, scheduler: new RecordingScheduler(), records: noRecords, reissue: noReissue, events: noEvents, clock };
    const tx = new WriteTransaction(table);
    const entry = stageEffects(deps, tx, 'ORG#k2', [email('from the old release')]);
    await tx.commit();
    // As the previous release stored it: due in byCollection's shard, not in byOutbox.
    const due = keys.outboxDue(entry.entryId, clock.now());
    await table.db.send(
      new UpdateCommand({ TableName: table.name, Key: keys.outboxEntry(entry.pk, entry.entryId), UpdateExpression: 'SET gsi1pk = :p, gsi1sk = :s REMOVE gsi2pk, gsi2sk', ExpressionAttributeValues: { ':p': due.gsi2pk, ':s': due.gsi2sk } }),
    );
    expect(await outbox.due(clock.now(), 100)).toContainEqual({ pk: entry.pk, entryId: entry.entryId });
    mailer.failNext = [new Error('SES is down')];
    expect((await relayDue(deps, 100)).pending).toBeGreaterThanOrEqual(1);
    const moved = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.outboxEntry(entry.pk, entry.entryId) }));
    expect([moved.Item?.gsi1pk, moved.Item?.gsi2pk]).toEqual([undefined, due.gsi2pk]);
    clock.advanceMinutes(2);
    await relayDue(deps, 100);
    expect(mailer.sent).toEqual(['from the old release']);
  });

  it('is added to a table kept from before it (local dev data), keys only', async () => {
    const name = `${table.name}-old`;
    const input = createTableInput(name);
    await table.client.send(
      new CreateTableCommand({
        ...input,
        AttributeDefinitions: input.AttributeDefinitions?.filter((attribute) => !attribute.AttributeName?.startsWith('gsi2')),
        GlobalSecondaryIndexes: input.GlobalSecondaryIndexes?.filter((index) => index.IndexName === 'byCollection'),
      }),
    );
    try {
      expect(await ensureTable(table.client, name)).toBe('existing');
      const { Table } = await table.client.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType]).sort()).toEqual([
        ['byCollection', 'ALL'],
        ['byOutbox', 'KEYS_ONLY'],
      ]);
    } finally {
      await table.client.send(new DeleteTableCommand({ TableName: name }));
    }
  });
});
