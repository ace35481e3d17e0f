import { randomUUID } from 'node:crypto';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isMail, MAX_ATTEMPTS, type OutboxEffect, type OutboxEntry, type OutboxFailure } from '../domain/outbox/outbox-entry';
import { formatInstant } from '../domain/time/instant';
import { keys, OUTBOX_SHARDS } from './keys';
import { batchGet, isConditionFailure, type Table } from './table';
import type { TransactItem } from './write-transaction';

/**
 * How long a relay holds an entry before another may take it over: five times the relay's and the
 * sweeper's 60-second function timeout, so a lease only runs out under a relay that is dead.
 */
export const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

/** A mark by a relay whose lease another relay has taken since: it must stop at once. */
export class LeaseLost extends Error {
  constructor(entryId: string) {
    super(`The lease on outbox entry ${entryId} passed to another relay.`);
  }
}

export type EntryKey = Pick<OutboxEntry, 'pk' | 'entryId'>;

/**
 * Outbox entries live next to the write that caused them and are listed across partitions through
 * the keys-only `byOutbox` index by when they are next due (sharded, see `keys.outboxDue`). A lease
 * (`leaseUntil`, epoch ms, plus a `leaseToken` every mark is conditional on) keeps two relays — the
 * stream's and the sweeper's — off one entry, and fences off a relay whose lease ran out.
 */
export class OutboxRepository {
  constructor(private readonly table: Table) {}

  /** The entry, as one item of the transaction that makes the write it follows. */
  newEntryItem(pk: string, entryId: string, effects: OutboxEffect[], nowMs: number, createdAt: string, correlationId?: string): { item: TransactItem; entry: OutboxEntry } {
    const entry: OutboxEntry = { pk, entryId, effects, done: [], started: [], attempts: 0, createdAt, state: 'pending', ...(correlationId ? { correlationId } : {}) };
    const mailLeft = effects.filter(isMail).length;
    // `done` and `started` are number sets, made by the first ADD (an empty set cannot be stored).
    const { done: _done, started: _started, ...stored } = entry;
    return {
      entry,
      item: {
        Put: {
          TableName: this.table.name,
          Item: { ...keys.outboxEntry(pk, entryId), ...keys.outboxDue(entryId, nowMs), type: 'outbox', ...stored, mailLeft, leaseUntil: nowMs },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    };
  }

  /**
   * Takes the entry for `LEASE_MS` under a fresh token; null when another relay holds it, it failed,
   * or it is gone. The sweeper (`moveDue`) also moves the entry's place in `byOutbox` to when the
   * lease runs out, so it does not read the entry again meanwhile. The stream relay, taking a new
   * entry that it will normally finish and delete within seconds, leaves the index alone: moving
   * the key costs the index a delete and a put, for every entry.
   */
  async lease(key: EntryKey, nowMs: number, options: { moveDue?: boolean } = {}): Promise<OutboxEntry | null> {
    const until = nowMs + LEASE_MS;
    const due = keys.outboxDue(key.entryId, until);
    const moveDue = options.moveDue ?? true;
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.outboxEntry(key.pk, key.entryId),
          // Moving also takes an entry staged before the `byOutbox` index out of `byCollection` (one release).
          UpdateExpression: moveDue ? 'SET leaseUntil = :until, leaseToken = :token, gsi2pk = :gpk, gsi2sk = :due REMOVE gsi1pk, gsi1sk' : 'SET leaseUntil = :until, leaseToken = :token',
          ConditionExpression: 'attribute_exists(pk) AND leaseUntil <= :now AND #state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':until': until, ':token': randomUUID(), ':now': nowMs, ':pending': 'pending', ...(moveDue ? { ':gpk': due.gsi2pk, ':due': due.gsi2sk } : {}) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toEntry(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  /**
   * Records that an email is about to be sent (see `OutboxEntry.started`), and in the same write
   * that the effects in `done` were carried out: marking each as it finishes would cost a write of
   * the whole entry every time.
   */
  async begin(entry: OutboxEntry, index: number, done: number[] = []): Promise<void> {
    if (done.length === 0) await this.fenced(entry, 'ADD started :index', { ':index': new Set([index]) });
    else await this.fenced(entry, 'ADD started :index, done :done, mailLeft :minus', { ':index': new Set([index]), ':done': new Set(done), ':minus': -mailCount(entry, done) });
    entry.started.push(index);
    entry.done.push(...done);
  }

  /** Takes back `begin` after a send that failed before anything left. */
  async release(entry: OutboxEntry, index: number): Promise<void> {
    await this.fenced(entry, 'DELETE started :index', { ':index': new Set([index]) });
    entry.started = entry.started.filter((i) => i !== index);
  }

  async markDone(entry: OutboxEntry, index: number | number[]): Promise<void> {
    const indexes = Array.isArray(index) ? index : [index];
    if (indexes.length === 0) return;
    const mails = mailCount(entry, indexes);
    await this.fenced(entry, mails ? 'ADD done :index, mailLeft :minus' : 'ADD done :index', { ':index': new Set(indexes), ...(mails ? { ':minus': -mails } : {}) });
    entry.done.push(...indexes);
  }

  /** Marks an email done because it can never succeed (SES refused it), and records who, what and why. */
  async markRefused(entry: OutboxEntry, failure: OutboxFailure): Promise<void> {
    await this.fenced(entry, 'ADD done :index, mailLeft :minusOne SET failures = list_append(if_not_exists(failures, :none), :failure)', {
      ':index': new Set([failure.index]),
      ':minusOne': -1,
      ':failure': [failure],
      ':none': [],
    });
    entry.done.push(failure.index);
    entry.failures = [...(entry.failures ?? []), failure];
  }

  async complete(entry: OutboxEntry): Promise<void> {
    await this.fenced(entry, null, {});
  }

  /**
   * Keeps a finished entry that holds a refused email in the failed collection: out of the
   * sweeper's way, visible to whoever looks, with who, what and why.
   */
  async markFailed(entry: OutboxEntry, nowMs: number): Promise<void> {
    const failed = keys.outboxFailed(formatInstant(nowMs), entry.entryId);
    await this.fenced(entry, 'SET #state = :failed, gsi2pk = :gpk, gsi2sk = :gsk REMOVE leaseToken', { ':failed': 'failed', ':gpk': failed.gsi2pk, ':gsk': failed.gsi2sk });
  }

  /** Lets the entry go without counting an attempt, to be taken again at `untilMs`. */
  async defer(entry: OutboxEntry, untilMs: number): Promise<void> {
    await this.fenced(entry, 'SET leaseUntil = :until, gsi2sk = :due REMOVE leaseToken', { ':until': untilMs, ':due': keys.outboxDue(entry.entryId, untilMs).gsi2sk });
  }

  /**
   * Records a failed attempt and when the next may start (exponential, at most 30 minutes); after
   * `MAX_ATTEMPTS` the entry is `failed`: out of the sweeper's way, listed for an operator.
   */
  async recordFailure(entry: OutboxEntry, error: string, nowMs: number): Promise<'retrying' | 'failed'> {
    const attempts = entry.attempts + 1;
    const lastError = error.slice(0, 1000);
    if (attempts >= MAX_ATTEMPTS) {
      const failed = keys.outboxFailed(formatInstant(nowMs), entry.entryId);
      await this.fenced(entry, 'SET attempts = :attempts, lastError = :error, #state = :failed, gsi2pk = :gpk, gsi2sk = :gsk REMOVE leaseToken', {
        ':attempts': attempts,
        ':error': lastError,
        ':failed': 'failed',
        ':gpk': failed.gsi2pk,
        ':gsk': failed.gsi2sk,
      });
      return 'failed';
    }
    const retryAt = nowMs + Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (attempts - 1));
    await this.fenced(entry, 'SET attempts = :attempts, lastError = :error, leaseUntil = :retryAt, gsi2sk = :due REMOVE leaseToken', {
      ':attempts': attempts,
      ':error': lastError,
      ':retryAt': retryAt,
      ':due': keys.outboxDue(entry.entryId, retryAt).gsi2sk,
    });
    return 'retrying';
  }

  /**
   * Entries due by now, oldest due first, from every shard. Only keys are read (the index holds
   * nothing else): the relay leases each entry and gets the entry from that write.
   */
  async due(nowMs: number, limit = 25): Promise<EntryKey[]> {
    const upTo = `${keys.outboxDue('', nowMs).gsi2sk}~`;
    const shards = await Promise.all(
      OUTBOX_INDEXES.flatMap((index) =>
        Array.from({ length: OUTBOX_SHARDS }, (_, shard) =>
          this.table.db.send(
            new QueryCommand({
              TableName: this.table.name,
              IndexName: index.name,
              KeyConditionExpression: `${index.pk} = :pk AND ${index.sk} <= :upTo`,
              ProjectionExpression: index.keys,
              ExpressionAttributeValues: { ':pk': keys.outboxShardKey(shard), ':upTo': upTo },
              Limit: limit,
            }),
          ).then((page) => (page.Items ?? []).map((item) => ({ key: toKey(item), due: String(item[index.sk]) }))),
        ),
      ),
    );
    return shards
      .flat()
      .sort((a, b) => a.due.localeCompare(b.due))
      .slice(0, limit)
      .map((row) => row.key);
  }

  /**
   * Keys of the entries set aside as failed (attempts used up, or an email refused for good),
   * oldest first: all that retrying them needs.
   */
  async failedKeys(limit = 100): Promise<EntryKey[]> {
    const pages = await Promise.all(
      OUTBOX_INDEXES.map((index) =>
        this.table.db.send(
          new QueryCommand({ TableName: this.table.name, IndexName: index.name, KeyConditionExpression: `${index.pk} = :pk`, ProjectionExpression: index.keys, ExpressionAttributeValues: { ':pk': keys.OUTBOX_FAILED }, Limit: limit }),
        ).then((page) => (page.Items ?? []).map((item) => ({ key: toKey(item), at: String(item[index.sk]) }))),
      ),
    );
    return pages.flat().sort((a, b) => a.at.localeCompare(b.at)).slice(0, limit).map((row) => row.key);
  }

  /** The failed entries themselves, oldest first: the index holds only keys, so one BatchGetItem reads them. */
  async failed(limit = 100): Promise<OutboxEntry[]> {
    const wanted = (await this.failedKeys(limit)).map((key) => keys.outboxEntry(key.pk, key.entryId));
    const found = await batchGet(this.table, wanted);
    return wanted.flatMap((key) => {
      const item = found.get(`${key.pk}|${key.sk}`);
      return item ? [toEntry(item)] : [];
    });
  }

  /** Puts a failed entry back in line with fresh attempts, due now; false when it is not failed. */
  async retry(key: EntryKey, nowMs: number): Promise<boolean> {
    const due = keys.outboxDue(key.entryId, nowMs);
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.outboxEntry(key.pk, key.entryId),
          UpdateExpression: 'SET #state = :pending, attempts = :zero, leaseUntil = :now, gsi2pk = :gpk, gsi2sk = :gsk REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#state = :failed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':failed': 'failed', ':zero': 0, ':now': nowMs, ':gpk': due.gsi2pk, ':gsk': due.gsi2sk },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Whether an older entry of the same partition still has emails to send: a program's emails leave
   * in the order their writes committed (Booked before Cancelled). Failed entries no longer hold
   * the line. Reads keys and two small fields of at most a few items.
   */
  async olderMailPending(entry: EntryKey): Promise<boolean> {
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        FilterExpression: 'mailLeft > :zero AND #state = :pending',
        ProjectionExpression: 'sk',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pk': entry.pk, ':from': 'OUTBOX#', ':to': keys.outboxEntry(entry.pk, entry.entryId).sk, ':zero': 0, ':pending': 'pending' },
      }),
    );
    const own = keys.outboxEntry(entry.pk, entry.entryId).sk;
    return (Items ?? []).some((item) => item.sk !== own);
  }

  /** An update (or, with no expression, the delete) made only while the relay's lease token holds. */
  private async fenced(entry: OutboxEntry, update: string | null, values: Record<string, unknown>): Promise<void> {
    const common = {
      TableName: this.table.name,
      Key: keys.outboxEntry(entry.pk, entry.entryId),
      ConditionExpression: 'leaseToken = :token',
    };
    try {
      if (update === null) await this.table.db.send(new DeleteCommand({ ...common, ExpressionAttributeValues: { ':token': entry.leaseToken } }));
      else {
        const names = update.includes('#state') ? { ExpressionAttributeNames: { '#state': 'state' } } : {};
        await this.table.db.send(new UpdateCommand({ ...common, ...names, UpdateExpression: update, ExpressionAttributeValues: { ...values, ':token': entry.leaseToken } }));
      }
    } catch (error) {
      if (isConditionFailure(error)) throw new LeaseLost(entry.entryId);
      throw error;
    }
  }
}

/**
 * Where entries are listed: `byOutbox`, and for one release `byCollection`, where entries staged
 * before `byOutbox` existed still sit until their first lease (or retry) moves them over. Only the
 * keys are read from either: `byCollection` projects whole items, and the entries staged then
 * carried their rendered emails (~17 KB each).
 * TODO(after the release that adds byOutbox has drained): drop the byCollection row.
 */
const OUTBOX_INDEXES = [
  { name: 'byOutbox', pk: 'gsi2pk', sk: 'gsi2sk', keys: 'pk, sk, gsi2sk' },
  { name: 'byCollection', pk: 'gsi1pk', sk: 'gsi1sk', keys: 'pk, sk, gsi1sk' },
] as const;

const mailCount = (entry: OutboxEntry, indexes: number[]) => indexes.filter((i) => entry.effects[i] !== undefined && isMail(entry.effects[i])).length;

const toKey = (item: Record<string, unknown>): EntryKey => ({ pk: String(item.pk), entryId: String(item.sk).slice('OUTBOX#'.length) });

const numbers = (value: unknown): number[] => (value instanceof Set ? [...value].map(Number) : Array.isArray(value) ? value.map(Number) : []);

function toEntry(item: Record<string, unknown>): OutboxEntry {
  return {
    pk: String(item.pk),
    entryId: String(item.entryId),
    effects: item.effects as OutboxEffect[],
    done: numbers(item.done),
    started: numbers(item.started),
    failures: (item.failures as OutboxFailure[] | undefined) ?? [],
    attempts: Number(item.attempts ?? 0),
    createdAt: String(item.createdAt),
    state: item.state === 'failed' ? 'failed' : 'pending',
    ...(item.correlationId ? { correlationId: String(item.correlationId) } : {}),
    ...(item.leaseToken ? { leaseToken: String(item.leaseToken) } : {}),
    ...(item.lastError ? { lastError: String(item.lastError) } : {}),
  };
}
