import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { batchGet, cancellationReasons, storedItem, type Table } from './table';

export type SuppressionReason = 'bounce' | 'complaint';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  /** SES's words: the bounce's sub-type or the complaint's feedback type. */
  detail: string | null;
  suppressedAt: string;
}

/**
 * The app's own list of addresses Rapport must not email again: SES reported a permanent bounce or
 * a complaint. One item per address; a counter per reason counts each address once.
 */
export class SuppressionRepository {
  constructor(private readonly table: Table) {}

  /** Suppresses the address; false when it already was (then nothing is counted again). */
  async suppress(entry: Suppression): Promise<boolean> {
    const email = entry.email.trim().toLowerCase();
    try {
      await this.table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table.name, Item: storedItem(keys.suppressedAddress(email), 'suppression', { ...entry, email }), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Update: {
                TableName: this.table.name,
                Key: keys.suppressionCount(entry.reason),
                UpdateExpression: 'ADD #count :one',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  /** Which of these addresses are suppressed (one BatchGetItem), by lower-cased address. */
  async suppressed(emails: string[]): Promise<Map<string, Suppression>> {
    const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
    if (wanted.length === 0) return new Map();
    const found = await batchGet(this.table, wanted.map((email) => keys.suppressedAddress(email)));
    return new Map(
      [...found.values()].map((item) => [
        String(item.email),
        { email: String(item.email), reason: item.reason as SuppressionReason, detail: (item.detail as string | undefined) ?? null, suppressedAt: String(item.suppressedAt) },
      ]),
    );
  }

  /** How many addresses each reason has suppressed so far. */
  async counts(): Promise<Record<SuppressionReason, number>> {
    const found = await batchGet(this.table, [keys.suppressionCount('bounce'), keys.suppressionCount('complaint')]);
    const count = (reason: SuppressionReason) => Number(found.get(`SUPPRESSION|COUNT#${reason}`)?.count ?? 0);
    return { bounce: count('bounce'), complaint: count('complaint') };
  }
}
