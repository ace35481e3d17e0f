import { conflictBackoff } from '../../data/retry-on-conflict';
import { TransactionRefused } from '../../data/write-transaction';

/** What a scheduled Lambda did with one delivery; logged, and asserted by tests. */
export type AutomationOutcome = 'done' | 'stale' | 'already_done' | 'too_late';

/**
 * Runs a read-decide-write step; when the write is refused because the records changed between
 * the read and the write, reads and decides again. A delivery must not give up on a refusal:
 * Scheduler will not deliver it again once this invocation succeeds.
 */
export async function decideAgainOnRefusal(step: () => Promise<AutomationOutcome>, attempts = 4): Promise<AutomationOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof TransactionRefused) || attempt >= attempts) throw error;
      if (error.conflict) await conflictBackoff(attempt);
    }
  }
}
