import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { hashSecret } from '../domain/ids';
import { retryAfterSeconds, windowAt, type RateDecision, type RateLimit } from '../domain/rate-limits/rate-limit';
import { keys } from './keys';
import { isConditionFailure, type Table } from './table';
import { tableDefinition } from './table-definition';
import type { TransactItem } from './write-transaction';

/** Counters outlive their window a little, then DynamoDB's TTL clears them. */
const KEPT_AFTER_WINDOW_SECONDS = 3600;

/**
 * Rate-limit counters in the table, so a limit holds across every Lambda container: one item per
 * limit, subject and window, raised with a conditional ADD that is refused once the window is full.
 * Subjects are hashed before they become keys: addresses and emails are not stored as they are.
 *
 *   const decision = await rateLimits.take(LIMIT, sourceIp, nowMs);
 *   if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
 */
export class RateLimitsRepository {
  constructor(private readonly table: Table) {}

  /** Counts one use of `limit` by `subject`; refused (and not counted) when the window is full. */
  async take(limit: RateLimit, subject: string, nowMs: number): Promise<RateDecision> {
    try {
      await this.table.db.send(new UpdateCommand(this.counterUpdate(limit, subject, nowMs)));
      return { allowed: true };
    } catch (error) {
      if (isConditionFailure(error)) return { allowed: false, retryAfterSeconds: retryAfterSeconds(windowAt(limit, nowMs), nowMs) };
      throw error;
    }
  }

  /**
   * The same use as an item of a transaction, for limits that must only count what succeeds (a
   * booking made). Tag it, and read a refusal of that tag as the limit reached.
   */
  takeItem(limit: RateLimit, subject: string, nowMs: number): TransactItem {
    return { Update: this.counterUpdate(limit, subject, nowMs) };
  }

  private counterUpdate(limit: RateLimit, subject: string, nowMs: number) {
    const window = windowAt(limit, nowMs);
    return {
      TableName: this.table.name,
      Key: keys.rateWindow(limit.name, subjectKey(subject), window.start),
      UpdateExpression: 'ADD uses :one SET #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(uses) OR uses < :limit',
      ExpressionAttributeNames: { '#ttl': tableDefinition.ttlAttribute },
      ExpressionAttributeValues: { ':one': 1, ':limit': limit.limit, ':ttl': window.resetsAt + KEPT_AFTER_WINDOW_SECONDS },
    };
  }
}

/** Subjects are case-insensitive (emails) and stored only as a hash. */
export const subjectKey = (subject: string): string => hashSecret(subject.trim().toLowerCase()).slice(0, 32);
