import { PermanentMailError, type EmailMessage, type Mailer } from '../../adapters/mail/mailer';
import type { SessionScheduler } from '../../adapters/scheduler/session-scheduler';
import { LeaseLost, type EntryKey, type OutboxRepository } from '../../data/outbox-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import { sortableId } from '../../domain/ids';
import type { DomainEvent } from '../../domain/events/domain-event';
import { effectKey, isMail, type OutboxEffect, type OutboxEntry, type ReissueEffect } from '../../domain/outbox/outbox-entry';
import type { SessionMailEffect } from '../../domain/outbox/session-mail';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import type { Clock } from '../../runtime/clock';
import { currentCorrelationId } from '../../runtime/correlation';
import { log } from '../../runtime/log';
import { reconcileSchedules, type ScheduledRecords } from './reconcile-schedules';

export interface RelayDeps {
  outbox: Pick<OutboxRepository, 'begin' | 'release' | 'markDone' | 'markRefused' | 'markFailed' | 'complete' | 'defer' | 'recordFailure' | 'due' | 'lease' | 'olderMailPending'>;
  mailer: Mailer;
  scheduler: SessionScheduler;
  records: ScheduledRecords;
  clock: Clock;
  /** Carries out a `reissue_invites` effect (reissue-invites.ts). */
  reissue: (effect: ReissueEffect) => Promise<unknown>;
  /**
   * A publisher of domain events to the webhooks (use-cases/webhooks) and the event bus, made
   * afresh for each entry (when it holds an event): its events share one read of the org's
   * endpoints, and the next entry reads them anew.
   */
  events: () => (event: DomainEvent) => Promise<unknown>;
  /**
   * A renderer of session emails from the records as they are now and what each effect froze
   * (render-session-mail.ts), made afresh for each entry: its emails share one read of the records,
   * and the next entry reads them anew. Absent only where no entry holds one (the outbox's own tests).
   */
  sessionMailRenderer?: () => (effect: SessionMailEffect) => Promise<EmailMessage>;
  /** See ReconcileDeps. */
  reminderSpreadMinutes?: number;
}

/** What a use case needs to record follow-up work together with its write. */
export interface StagingDeps {
  outbox: Pick<OutboxRepository, 'newEntryItem'>;
  clock: Clock;
}

/** How soon an entry whose emails wait behind an older entry's is looked at again. */
const WAIT_FOR_OLDER_MS = 60_000;

/**
 * Adds an outbox entry to the transaction. Nothing more is needed: once the transaction commits,
 * the table's stream hands the new entry to the relay; if that fails, the sweeper retries it.
 */
export function stageEffects(deps: StagingDeps, tx: WriteTransaction, pk: string, effects: OutboxEffect[]): OutboxEntry {
  const nowMs = deps.clock.now();
  const { item, entry } = deps.outbox.newEntryItem(pk, sortableId(nowMs), effects, nowMs, formatInstant(nowMs), currentCorrelationId());
  tx.add(item, 'outbox');
  return entry;
}

type Outcome = 'done' | 'retrying' | 'failed' | 'waiting' | 'lost';

/**
 * Performs a leased entry's effects, marking each done as soon as it is, so a retry resumes with
 * what is left. Effects do not wait on each other (SES being down does not hold back a session's
 * schedules), except that emails wait while an older entry of the same partition has emails
 * unsent. Every mark carries the lease token: a relay whose lease passed on stops at its next mark.
 * Never throws for a failed effect: the failure is recorded on the entry for the sweeper.
 */
export async function relayEntry(deps: RelayDeps, entry: OutboxEntry): Promise<Outcome> {
  log.appendKeys({ correlationId: entry.correlationId ?? entry.entryId });
  try {
    return await performAll(deps, entry);
  } catch (error) {
    if (!(error instanceof LeaseLost)) throw error;
    log.warn('Outbox entry taken over by another relay; this one stops', { entryId: entry.entryId });
    return 'lost';
  } finally {
    log.removeKeys(['correlationId']);
  }
}

async function performAll(deps: RelayDeps, entry: OutboxEntry): Promise<Outcome> {
  const mailLeft = entry.effects.some((effect, index) => isMail(effect) && !entry.done.includes(index));
  const mailWaits = mailLeft && (await deps.outbox.olderMailPending(entry));
  let failure: string | null = null;
  // Effects carried out but not yet marked: marked with the next write the relay makes anyway (the
  // next email's `begin`), and never when the entry is deleted at the end. A relay that dies first
  // leaves them to be done again: a schedule change is idempotent, an email begun is not re-sent.
  const owed: number[] = [];
  let renderer: ((effect: SessionMailEffect) => Promise<EmailMessage>) | undefined;
  const render = (effect: SessionMailEffect) => {
    if (!deps.sessionMailRenderer) throw new Error('This relay cannot render session emails.');
    return (renderer ??= deps.sessionMailRenderer())(effect);
  };
  let publisher: ((event: DomainEvent) => Promise<unknown>) | undefined;
  const publish = (event: DomainEvent) => (publisher ??= deps.events())(event);
  const settle = async () => {
    await deps.outbox.markDone(entry, owed.splice(0));
  };
  for (const [index, effect] of entry.effects.entries()) {
    if (entry.done.includes(index) || (mailWaits && isMail(effect))) continue;
    let message: EmailMessage | null = null;
    try {
      if (isMail(effect)) {
        message = effect.type === 'email' ? effect.message : await render(effect);
        await sendOnce(deps, entry, index, message, owed);
      } else await perform(deps, effect, publish);
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      if (!(error instanceof PermanentMailError)) {
        log.warn('Outbox effect failed; it will be retried', { entryId: entry.entryId, index, error: error as Error });
        failure ??= (error as Error).message ?? String(error);
        continue;
      }
      log.error('Outbox effect given up: it can never succeed', { entryId: entry.entryId, index, error });
      if (isMail(effect)) {
        await settle();
        await deps.outbox.markRefused(entry, { index, to: message?.to ?? [], subject: message?.subject ?? mailName(effect), error: (error as Error).message.slice(0, 500) });
        continue;
      }
    }
    owed.push(index);
  }
  if (failure !== null) {
    await settle();
    const outcome = await deps.outbox.recordFailure(entry, failure, deps.clock.now());
    if (outcome === 'failed') log.error('Outbox entry failed', { entryId: entry.entryId, pk: entry.pk, attempts: entry.attempts + 1, lastError: failure });
    return outcome;
  }
  if (mailWaits) {
    await settle();
    await deps.outbox.defer(entry, deps.clock.now() + WAIT_FOR_OLDER_MS);
    return 'waiting';
  }
  if (entry.failures?.length) {
    await settle();
    await deps.outbox.markFailed(entry, deps.clock.now());
  } else await deps.outbox.complete(entry);
  return 'done';
}

/** What an email that could not even be rendered was, for the failed list. */
const mailName = (effect: Extract<OutboxEffect, { type: 'email' | 'sessionMail' }>) =>
  effect.type === 'email' ? effect.message.subject : `${effect.mail.kind} email of session ${effect.session.bookingId}`;

/**
 * Sends an email at most once per idempotency key: `begin` is recorded before the send (with the
 * effects owed a mark) and taken back if the send fails. One begun but never finished belongs to a
 * relay that died mid-send; it may have left, so it is not sent again but logged for an operator.
 */
async function sendOnce(deps: RelayDeps, entry: OutboxEntry, index: number, message: EmailMessage, owed: number[]): Promise<void> {
  if (entry.started.includes(index)) {
    log.error('Outbox email in doubt: a relay stopped while sending it, so it is not sent again', { entryId: entry.entryId, idempotencyKey: effectKey(entry, index), subject: message.subject });
    return;
  }
  await deps.outbox.begin(entry, index, owed.splice(0));
  try {
    await deps.mailer.send(message);
  } catch (error) {
    if (!(error instanceof PermanentMailError)) await deps.outbox.release(entry, index);
    throw error;
  }
}

/** Relays one entry named by the stream: leased first, so it never runs twice at once. */
export async function relayNewEntry(deps: RelayDeps, key: EntryKey): Promise<boolean> {
  const entry = await deps.outbox.lease(key, deps.clock.now(), { moveDue: false });
  if (!entry) return false; // another relay has it, or it is already done
  return (await relayEntry(deps, entry)) === 'done';
}

/**
 * The sweeper: entries due by now, oldest due first across every shard, each leased and relayed.
 * An entry backing off is due later and not read, so it cannot crowd out newer ones.
 */
export async function relayDue(deps: RelayDeps, limit = 25): Promise<{ relayed: number; pending: number; failed: number }> {
  const counts = { relayed: 0, pending: 0, failed: 0 };
  for (const candidate of await deps.outbox.due(deps.clock.now(), limit)) {
    const entry = await deps.outbox.lease(candidate, deps.clock.now());
    if (!entry) continue;
    const outcome = await relayEntry(deps, entry);
    if (outcome === 'done') counts.relayed++;
    else if (outcome === 'failed') counts.failed++;
    else if (outcome !== 'lost') counts.pending++;
  }
  return counts;
}

async function perform(deps: RelayDeps, effect: Exclude<OutboxEffect, { type: 'email' | 'sessionMail' }>, publish: (event: DomainEvent) => Promise<unknown>): Promise<void> {
  switch (effect.type) {
    case 'syncSchedules':
      await reconcileSchedules(deps, effect.subject);
      return;
    case 'schedule': {
      // A retry may come after the schedule's time: a reminder is then pointless, but a request's
      // expiry must still happen, a minute from now.
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
    case 'domain_event':
      await publish(effect.event);
      return;
  }
}
