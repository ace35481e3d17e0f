import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventFilter } from '../domain/events/event-types';
import { MAX_WEBHOOKS_PER_ORG, type WebhookEndpoint } from '../domain/webhooks/webhook-endpoint';
import { keys } from './keys';
import { isConditionFailure, queryAll, queryPage, storedItem, type Page, type Table } from './table';
import { TransactionRefused, WriteTransaction } from './write-transaction';

/**
 * An org's webhook endpoints live beside the org (`ORG#<org>` / `WEBHOOK#<id>`), so the relay finds
 * every endpoint of an event's org with one small Query. A count item, changed in the same
 * transaction as each endpoint, holds the per-org cap under concurrent registrations.
 */
export class WebhooksRepository {
  constructor(private readonly table: Table) {}

  /** False when the org already has its maximum of endpoints. */
  async create(endpoint: WebhookEndpoint): Promise<boolean> {
    const tx = new WriteTransaction(this.table)
      .add(
        {
          Update: {
            TableName: this.table.name,
            Key: keys.webhookCount(endpoint.orgId),
            UpdateExpression: 'ADD endpoints :one SET #type = :type',
            ConditionExpression: 'attribute_not_exists(endpoints) OR endpoints < :max',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':one': 1, ':max': MAX_WEBHOOKS_PER_ORG, ':type': 'webhook_count' },
          },
        },
        'count',
      )
      .add({ Put: { TableName: this.table.name, Item: storedItem(keys.webhook(endpoint.orgId, endpoint.webhookId), 'webhook', endpoint), ConditionExpression: 'attribute_not_exists(pk)' } }, 'endpoint');
    try {
      await tx.commit();
      return true;
    } catch (error) {
      if (error instanceof TransactionRefused && error.failed.includes('count')) return false;
      throw error;
    }
  }

  async get(orgId: string, webhookId: string): Promise<WebhookEndpoint | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.webhook(orgId, webhookId), ConsistentRead: true }));
    return Item ? toEndpoint(Item) : null;
  }

  async list(orgId: string, page: { limit?: number; cursor?: string }): Promise<Page<WebhookEndpoint>> {
    const pk = keys.org(orgId).pk;
    const result = await queryPage(
      this.table,
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.WEBHOOK_PREFIX } },
      page,
      { pk },
    );
    return { items: result.items.map(toEndpoint), nextCursor: result.nextCursor };
  }

  /** Every endpoint of the org (at most `MAX_WEBHOOKS_PER_ORG`), strongly consistent: a deleted one is never among them. */
  async allOf(orgId: string): Promise<WebhookEndpoint[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.org(orgId).pk, ':prefix': keys.WEBHOOK_PREFIX },
      ConsistentRead: true,
    });
    return items.map(toEndpoint);
  }

  /** False when there was no such endpoint. */
  async delete(orgId: string, webhookId: string): Promise<boolean> {
    const tx = new WriteTransaction(this.table)
      .add({ Delete: { TableName: this.table.name, Key: keys.webhook(orgId, webhookId), ConditionExpression: 'attribute_exists(pk)' } }, 'endpoint')
      .add({ Update: { TableName: this.table.name, Key: keys.webhookCount(orgId), UpdateExpression: 'ADD endpoints :minusOne', ExpressionAttributeValues: { ':minusOne': -1 } } }, 'count');
    try {
      await tx.commit();
      return true;
    } catch (error) {
      if (error instanceof TransactionRefused && error.failed.includes('endpoint')) return false;
      throw error;
    }
  }

  /**
   * Replaces the secret, keeping the one it replaces as the previous secret until `previousExpiresAt`.
   * Conditional on the secret still being `current`, so two rotations at once cannot both claim to
   * have kept the old one; false when the endpoint is gone or changed meanwhile.
   */
  async rotate(endpoint: WebhookEndpoint, next: string, previousExpiresAt: string, rotatedAt: string): Promise<boolean> {
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.webhook(endpoint.orgId, endpoint.webhookId),
          UpdateExpression: 'SET secret = :next, previousSecret = :current, previousSecretExpiresAt = :expires, secretRotatedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND secret = :current',
          ExpressionAttributeValues: { ':next': next, ':current': endpoint.secret, ':expires': previousExpiresAt, ':at': rotatedAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

const orNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function toEndpoint(item: Record<string, unknown>): WebhookEndpoint {
  return {
    orgId: String(item.orgId),
    webhookId: String(item.webhookId),
    url: String(item.url),
    events: (item.events as EventFilter[] | undefined) ?? [],
    description: orNull(item.description),
    createdAt: String(item.createdAt),
    secret: String(item.secret),
    previousSecret: orNull(item.previousSecret),
    previousSecretExpiresAt: orNull(item.previousSecretExpiresAt),
    secretRotatedAt: orNull(item.secretRotatedAt),
  };
}
