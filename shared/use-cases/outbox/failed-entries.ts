import type { EntryKey, OutboxRepository } from '../../data/outbox-repository';
import type { OutboxFailure } from '../../domain/outbox/outbox-entry';
import type { Clock } from '../../runtime/clock';

export interface FailedEntryView {
  pk: string;
  entryId: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  correlationId: string | null;
  /** What is left to do, e.g. `email` or `syncSchedules`. */
  pending: string[];
  /** Emails SES refused for good: retrying does not send these again. */
  refused: OutboxFailure[];
}

type FailedDeps = { outbox: Pick<OutboxRepository, 'failed' | 'failedKeys' | 'retry'>; clock: Clock };

/** The outbox entries that used up their attempts, for an operator (`npm run outbox:failed`, `GET /_local/outbox/failed`). */
export async function listFailedEntries(deps: FailedDeps, limit = 100): Promise<FailedEntryView[]> {
  return (await deps.outbox.failed(limit)).map((entry) => ({
    pk: entry.pk,
    entryId: entry.entryId,
    createdAt: entry.createdAt,
    attempts: entry.attempts,
    lastError: entry.lastError ?? null,
    correlationId: entry.correlationId ?? null,
    pending: entry.effects.flatMap((effect, index) => (entry.done.includes(index) ? [] : [effect.type])),
    refused: entry.failures ?? [],
  }));
}

/** Puts failed entries (one, or all listed) back in line with fresh attempts; the sweeper relays them within a minute. */
export async function retryFailedEntries(deps: FailedDeps, which: EntryKey | 'all'): Promise<{ retried: number }> {
  const keys = which === 'all' ? await deps.outbox.failedKeys(1000) : [which];
  let retried = 0;
  for (const key of keys) if (await deps.outbox.retry(key, deps.clock.now())) retried++;
  return { retried };
}
