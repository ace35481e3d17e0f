import { PermanentMailError, type Mailer } from '../../adapters/mail/mailer';
import type { SessionScheduler } from '../../adapters/scheduler/session-scheduler';
import type { OutboxRepository } from '../../data/outbox-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import { sortableId } from '../../domain/ids';
import type { OutboxEffect, OutboxEntry, ReissueEffect } from '../../domain/outbox/outbox-entry';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import type { Clock } from '../../runtime/clock';
import { log } from '../../runtime/log';

export interface RelayDeps {
  outbox: Pick<OutboxRepository, 'markDone' | 'complete' | 'recordFailure' | 'due' | 'lease' | 'markRefused' | 'markFailed'>;
  mailer: Mailer;
  scheduler: SessionScheduler;
  clock: Clock;
  /** Carries out a `reissue_invites` effect (reissue-invites.ts). */
  reissue: (effect: ReissueEffect) => Promise<unknown>;
}

/** What a use case needs to record follow-up work together with its write. */
export interface StagingDeps {
  outbox: Pick<OutboxRepository, 'newEntryItem'>;
  clock: Clock;
}

/**
 * Adds an outbox entry to the transaction. Nothing more is needed: once the transaction commits,
 * the table's stream hands the new entry to the relay; if that fails, the sweeper retries it.
 */
export function stageEffects(deps: StagingDeps, tx: WriteTransaction, pk: string, effects: OutboxEffect[]): OutboxEntry {
  const nowMs = deps.clock.now();
  const { item, entry } = deps.outbox.newEntryItem(pk, sortableId(nowMs), effects, nowMs, formatInstant(nowMs));
  tx.add(item, 'outbox');
  return entry;
}

/**
 * Performs an entry's effects, marking each done as soon as it is, so a retry resumes with what is
 * left and sends nothing twice. Effects do not wait on each other: SES being down does not hold
 * back a session's schedules. Returns whether the entry is finished. Never throws: a failure is
 * recorded on the entry for the sweeper to retry.
 */
export async function relayEntry(deps: RelayDeps, entry: OutboxEntry): Promise<boolean> {
  let failure: string | null = null;
  for (const [index, effect] of entry.effects.entries()) {
    if (entry.done.includes(index)) continue;
    try {
      await perform(deps, effect);
    } catch (error) {
      if (!(error instanceof PermanentMailError)) {
        log.warn('Outbox effect failed; it will be retried', { entryId: entry.entryId, index, error: error as Error });
        failure ??= (error as Error).message ?? String(error);
        continue;
      }
      log.error('Outbox effect given up: it can never succeed', { entryId: entry.entryId, index, error });
      if (effect.type === 'email') {
        await deps.outbox.markRefused(entry, { index, to: effect.message.to, subject: effect.message.subject, error: (error as Error).message.slice(0, 500) });
        continue;
      }
    }
    await deps.outbox.markDone(entry, index);
  }
  if (failure !== null) {
    await deps.outbox.recordFailure(entry, failure, deps.clock.now()).catch(() => undefined);
    return false;
  }
  if (entry.failures?.length) await deps.outbox.markFailed(entry, deps.clock.now());
  else await deps.outbox.complete(entry);
  return true;
}

/** Relays one entry named by the stream: leased first, so it never runs twice at once. */
export async function relayNewEntry(deps: RelayDeps, key: Pick<OutboxEntry, 'pk' | 'entryId'>): Promise<boolean> {
  const entry = await deps.outbox.lease(key, deps.clock.now());
  if (!entry) return false; // another relay has it, or it is already done
  return relayEntry(deps, entry);
}

/** The sweeper: every entry whose lease ran out is leased and relayed. */
export async function relayDue(deps: RelayDeps): Promise<{ relayed: number; pending: number }> {
  let relayed = 0;
  let pending = 0;
  for (const candidate of await deps.outbox.due(deps.clock.now())) {
    const entry = await deps.outbox.lease(candidate, deps.clock.now());
    if (!entry) continue;
    if (await relayEntry(deps, entry)) relayed++;
    else pending++;
  }
  return { relayed, pending };
}

async function perform(deps: RelayDeps, effect: OutboxEffect): Promise<void> {
  switch (effect.type) {
    case 'email':
      await deps.mailer.send(effect.message);
      return;
    case 'schedule': {
      // A retry may come after the schedule's time: a reminder is then pointless, but a no-show
      // check or a request's expiry must still happen, a minute from now.
      const now = toEpochMinutes(deps.clock.now());
      if (effect.schedule.at > now) await deps.scheduler.upsert(effect.schedule);
      else if (effect.schedule.target !== 'reminder') await deps.scheduler.upsert({ ...effect.schedule, at: now + 1 });
      return;
    }
    case 'unschedule':
      await deps.scheduler.remove(effect.name);
      return;
    case 'reissue_invites':
      await deps.reissue(effect);
      return;
  }
}
