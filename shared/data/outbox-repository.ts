import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxEffect, OutboxEntry, OutboxFailure } from '../domain/outbox/outbox-entry';
import { keys } from './keys';
import { isConditionFailure, type Table } from './table';
import type { TransactItem } from './write-transaction';

/** How long a relay holds an entry before another may take it over. */
export const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

/**
 * Outbox entries live next to the write that caused them and are listed across partitions through
 * the `byCollection` index. A lease (`leaseUntil`, epoch ms) keeps two relays — the stream's and
 * the sweeper's — off one entry at a time.
 */
export class OutboxRepository {
  constructor(private readonly table: Table) {}

  /** The entry, as one item of the transaction that makes the write it follows. */
  newEntryItem(pk: string, entryId: string, effects: OutboxEffect[], nowMs: number, createdAt: string): { item: TransactItem; entry: OutboxEntry } {
    const entry: OutboxEntry = { pk, entryId, effects, done: [], attempts: 0, createdAt };
    const key = keys.outboxEntry(pk, entryId);
    return {
      entry,
      item: {
        Put: {
          TableName: this.table.name,
          Item: { ...key, ...keys.outboxCollection(createdAt, entryId), type: 'outbox', ...entry, leaseUntil: nowMs },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    };
  }

  async markDone(entry: OutboxEntry, index: number): Promise<void> {
    entry.done.push(index);
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.outboxEntry(entry.pk, entry.entryId),
        UpdateExpression: 'SET done = list_append(done, :index)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':index': [index] },
      }),
    );
  }

  /** Marks an effect done because it can never succeed, and records why, in one write. */
  async markRefused(entry: OutboxEntry, failure: OutboxFailure): Promise<void> {
    entry.done.push(failure.index);
    entry.failures = [...(entry.failures ?? []), failure];
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.outboxEntry(entry.pk, entry.entryId),
        UpdateExpression: 'SET done = list_append(done, :index), failures = list_append(if_not_exists(failures, :none), :failure)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':index': [failure.index], ':failure': [failure], ':none': [] },
      }),
    );
  }

  /**
   * Keeps a finished entry that holds a refused email in the failed collection (`byCollection` =
   * OUTBOX#FAILED): out of the sweeper's way, visible to whoever looks, with who, what and why.
   */
  async markFailed(entry: OutboxEntry, nowMs: number): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.outboxEntry(entry.pk, entry.entryId),
        UpdateExpression: 'SET #status = :failed, failedAt = :at, gsi1pk = :collection',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':failed': 'failed', ':at': nowMs, ':collection': keys.OUTBOX_FAILED_COLLECTION },
      }),
    );
  }

  /** Entries with an email refused for good, oldest first. */
  async failed(limit = 50): Promise<(OutboxEntry & { failures: OutboxFailure[] })[]> {
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'byCollection',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.OUTBOX_FAILED_COLLECTION },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({ ...toEntry(item), failures: (item.failures as OutboxFailure[] | undefined) ?? [] }));
  }

  async complete(entry: OutboxEntry): Promise<void> {
    await this.table.db.send(new DeleteCommand({ TableName: this.table.name, Key: keys.outboxEntry(entry.pk, entry.entryId) }));
  }

  /** Records a failed attempt and when the next may start (exponential, at most 30 minutes). */
  async recordFailure(entry: OutboxEntry, error: string, nowMs: number): Promise<void> {
    const attempts = entry.attempts + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (attempts - 1));
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.outboxEntry(entry.pk, entry.entryId),
        UpdateExpression: 'SET attempts = :attempts, lastError = :error, leaseUntil = :retryAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':attempts': attempts, ':error': error.slice(0, 1000), ':retryAt': nowMs + backoff },
      }),
    );
  }

  /** Entries whose lease has run out: written by a relay that failed or never finished. */
  async due(nowMs: number, limit = 25): Promise<OutboxEntry[]> {
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'byCollection',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'leaseUntil <= :now',
        ExpressionAttributeValues: { ':pk': keys.OUTBOX_COLLECTION, ':now': nowMs },
        Limit: limit * 4,
      }),
    );
    return (Items ?? []).slice(0, limit).map(toEntry);
  }

  /** Takes the entry for `LEASE_MS`; null when another relay holds it, or it is done and gone. */
  async lease(entry: Pick<OutboxEntry, 'pk' | 'entryId'>, nowMs: number): Promise<OutboxEntry | null> {
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.outboxEntry(entry.pk, entry.entryId),
          UpdateExpression: 'SET leaseUntil = :until',
          ConditionExpression: 'attribute_exists(pk) AND leaseUntil <= :now',
          ExpressionAttributeValues: { ':until': nowMs + LEASE_MS, ':now': nowMs },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toEntry(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }
}

function toEntry(item: Record<string, unknown>): OutboxEntry {
  return {
    pk: String(item.pk),
    entryId: String(item.entryId),
    effects: item.effects as OutboxEffect[],
    done: (item.done as number[] | undefined) ?? [],
    failures: (item.failures as OutboxFailure[] | undefined) ?? [],
    attempts: Number(item.attempts ?? 0),
    createdAt: String(item.createdAt),
  };
}
