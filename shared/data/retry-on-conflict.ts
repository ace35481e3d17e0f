import { TransactionRefused } from './write-transaction';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits before the next attempt after DynamoDB refused a transaction for contention: exponential
 * from 20 ms, with full jitter so that racing writers spread out instead of colliding again.
 */
export const conflictBackoff = (attempt: number, random: () => number = Math.random) => sleep(Math.round(random() * 20 * 2 ** Math.min(attempt, 6)));

/**
 * Runs `write` again when DynamoDB refused it for contention alone (`TransactionConflict`: another
 * transaction on the same items was in flight, nothing was written, no condition failed). Any other
 * outcome — success, a failed condition, another error — is the caller's, at once. Real DynamoDB
 * reports such conflicts far more often than DynamoDB Local; without this they surface as 500s.
 */
export async function retryOnConflict<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof TransactionRefused) || !error.conflict || attempt >= attempts) throw error;
      await conflictBackoff(attempt);
    }
  }
}
