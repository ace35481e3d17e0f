import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventType } from '../domain/events/event-types';
import { DELIVERY_LOG_DAYS, type DeliveryAttempt, type DeliveryStatus, type WebhookDelivery } from '../domain/webhooks/delivery';
import { keys, OUTBOX_SHARDS } from './keys';
import { isConditionFailure, queryPage, storedItem, type Page, type Table } from './table';

export interface DeliveryKey {
  pk: string;
  sk: string;
}

/**
 * Deliveries live under their endpoint (`ORG#<org>#WEBHOOK#<id>` / `DELIVERY#<id>`, ids sortable by
 * time), so the log is one Query, newest first. While a delivery waits for an attempt it is also in
 * the `byCollection` index under one of 8 `WEBHOOK_DUE#` shards, sorted by when it is due; a sender
 * takes it by moving `leaseUntil` (and its place in the index) ahead, conditionally, so two senders
 * never attempt it at once, and every later write is conditional on that lease.
 */
export class WebhookDeliveriesRepository {
  constructor(private readonly table: Table) {}

  /**
   * Stores a new delivery, held by its creator until `leaseUntilMs` (due then if the creator dies).
   * False when it exists already (the same event fanned out again after a retry of the relay).
   */
  async create(delivery: WebhookDelivery, leaseUntilMs: number): Promise<boolean> {
    const expires = Math.floor(Date.parse(delivery.createdAt) / 1000) + DELIVERY_LOG_DAYS * 86_400;
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...storedItem(this.keyOf(delivery), 'webhook_delivery', delivery), ...keys.webhookDue(delivery.deliveryId, leaseUntilMs), leaseUntil: leaseUntilMs, ttl: expires },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Takes a due delivery until `leaseUntilMs`; null when it is not pending, not due, or another sender has it. */
  async claim(key: DeliveryKey, nowMs: number, leaseUntilMs: number): Promise<WebhookDelivery | null> {
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: key,
          UpdateExpression: 'SET leaseUntil = :until, gsi1sk = :due',
          ConditionExpression: 'attribute_exists(pk) AND #status = :pending AND leaseUntil <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':until': leaseUntilMs, ':due': keys.webhookDue(String(key.sk).slice(keys.DELIVERY_PREFIX.length), leaseUntilMs).gsi1sk, ':pending': 'pending', ':now': nowMs },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toDelivery(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  /**
   * Writes the delivery as it is after an attempt, while the lease `heldUntilMs` is still this
   * sender's. Pending: due again at `retryAtMs`; anything else leaves the index. False when the
   * lease was lost (the attempt is then not recorded; the other sender records its own).
   */
  async record(delivery: WebhookDelivery, heldUntilMs: number, retryAtMs: number | null): Promise<boolean> {
    const values: Record<string, unknown> = {
      ':status': delivery.status,
      ':attempts': delivery.attempts,
      ':log': delivery.log,
      ':held': heldUntilMs,
    };
    const set = ['#status = :status', 'attempts = :attempts', '#log = :log'];
    const remove: string[] = [];
    for (const field of ['lastAttemptAt', 'nextAttemptAt', 'deliveredAt'] as const) {
      if (delivery[field] === null) remove.push(field);
      else {
        set.push(`${field} = :${field}`);
        values[`:${field}`] = delivery[field];
      }
    }
    if (delivery.status === 'pending' && retryAtMs !== null) {
      set.push('leaseUntil = :retryAt', 'gsi1sk = :due');
      values[':retryAt'] = retryAtMs;
      values[':due'] = keys.webhookDue(delivery.deliveryId, retryAtMs).gsi1sk;
    } else remove.push('gsi1pk', 'gsi1sk');
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: this.keyOf(delivery),
          UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'leaseUntil = :held',
          ExpressionAttributeNames: { '#status': 'status', '#log': 'log' },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Deliveries due by now, oldest due first across every shard (keys only). */
  async due(nowMs: number, limit = 50): Promise<DeliveryKey[]> {
    const upTo = `${keys.webhookDue('', nowMs).gsi1sk}~`;
    const shards = await Promise.all(
      Array.from({ length: OUTBOX_SHARDS }, (_, shard) =>
        this.table.db.send(
          new QueryCommand({
            TableName: this.table.name,
            IndexName: 'byCollection',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :upTo',
            ProjectionExpression: 'pk, sk, gsi1sk',
            ExpressionAttributeValues: { ':pk': keys.webhookDueShardKey(shard), ':upTo': upTo },
            Limit: limit,
          }),
        ),
      ),
    );
    return shards
      .flatMap((page) => page.Items ?? [])
      .sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)))
      .slice(0, limit)
      .map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  }

  async get(orgId: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.webhookDelivery(orgId, webhookId, deliveryId), ConsistentRead: true }));
    return Item ? toDelivery(Item) : null;
  }

  /** The endpoint's deliveries, newest first, optionally of one status. */
  async list(orgId: string, webhookId: string, page: { limit?: number; cursor?: string }, status?: DeliveryStatus): Promise<Page<WebhookDelivery>> {
    const pk = keys.webhookDeliveries(orgId, webhookId);
    const result = await queryPage(
      this.table,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ScanIndexForward: false,
        ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.DELIVERY_PREFIX, ...(status ? { ':status': status } : {}) },
      },
      page,
      { pk },
    );
    return { items: result.items.map(toDelivery), nextCursor: result.nextCursor };
  }

  private keyOf(delivery: Pick<WebhookDelivery, 'orgId' | 'webhookId' | 'deliveryId'>) {
    return keys.webhookDelivery(delivery.orgId, delivery.webhookId, delivery.deliveryId);
  }
}

const orNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function toDelivery(item: Record<string, unknown>): WebhookDelivery {
  return {
    orgId: String(item.orgId),
    webhookId: String(item.webhookId),
    deliveryId: String(item.deliveryId),
    eventId: String(item.eventId),
    eventType: String(item.eventType) as EventType,
    body: String(item.body),
    status: String(item.status) as DeliveryStatus,
    attempts: Number(item.attempts ?? 0),
    log: (item.log as DeliveryAttempt[] | undefined) ?? [],
    createdAt: String(item.createdAt),
    lastAttemptAt: orNull(item.lastAttemptAt),
    nextAttemptAt: orNull(item.nextAttemptAt),
    deliveredAt: orNull(item.deliveredAt),
    replayOf: orNull(item.replayOf),
  };
}

