import type { RateLimitsRepository } from '../data/rate-limits-repository';
import { TransactionRefused, type WriteTransaction } from '../data/write-transaction';
import { quotaReached, quotaTag, USER_DAILY_QUOTAS, type UserQuota } from '../domain/rate-limits/user-quotas';

export interface QuotaDeps {
  quotas: Pick<RateLimitsRepository, 'takeItem'>;
}

/**
 * Counts one use of a user's daily quota inside the write it limits: only a committed write counts,
 * and it costs no extra round trip. Read a refusal with `throwIfQuotaReached`.
 */
export function countAgainstQuota(deps: QuotaDeps, tx: WriteTransaction, quota: UserQuota, userId: string, nowMs: number): WriteTransaction {
  return tx.add(deps.quotas.takeItem(USER_DAILY_QUOTAS[quota], userId, nowMs), quotaTag(quota));
}

/** A transaction refused because a quota counter is full is a 429, whatever else failed with it. */
export function throwIfQuotaReached(error: unknown, nowMs: number): void {
  if (!(error instanceof TransactionRefused)) return;
  for (const quota of Object.keys(USER_DAILY_QUOTAS) as UserQuota[]) {
    if (error.failed.includes(quotaTag(quota))) throw quotaReached(quota, nowMs);
  }
}
