import type { SessionScheduler } from '../../adapters/scheduler/session-scheduler';
import type { Booking } from '../../domain/bookings/booking';
import { desiredSessionSchedules, type ScheduleChange } from '../../domain/bookings/session-schedules';
import type { IntroCall } from '../../domain/intro-calls/intro-call';
import { desiredIntroCallSchedules } from '../../domain/intro-calls/intro-call-schedules';
import type { ScheduleSubject } from '../../domain/outbox/outbox-entry';
import { toEpochMinutes } from '../../domain/time/instant';
import type { Clock } from '../../runtime/clock';

/** The records whose schedules the relay reconciles, read strongly consistent. */
export interface ScheduledRecords {
  booking(orgId: string, programId: string, bookingId: string): Promise<Booking | null>;
  introCall(orgId: string, introCallId: string): Promise<IntroCall | null>;
}

export interface ReconcileDeps {
  records: ScheduledRecords;
  scheduler: SessionScheduler;
  clock: Clock;
  /** How early reminders may fire to spread a burst (reminder-spread.ts); 0: exactly on time. */
  reminderSpreadMinutes?: number;
}

const MAX_PASSES = 5;

/**
 * Brings a record's schedules in line with the record as it is now. Two relays may reconcile the
 * same booking at once, one from an older read: so after its changes each reads the record again
 * and, if it changed meanwhile, goes again. Every pass touches every schedule name of the record,
 * so the last change to each name comes from a pass over the latest version.
 */
export async function reconcileSchedules(deps: ReconcileDeps, subject: ScheduleSubject): Promise<void> {
  let record = await read(deps.records, subject);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const changes = desired(subject, record, toEpochMinutes(deps.clock.now()), deps.reminderSpreadMinutes ?? 0);
    await Promise.all(changes.map((change) => apply(deps.scheduler, change)));
    const after = await read(deps.records, subject);
    if ((after?.version ?? 0) === (record?.version ?? 0)) return;
    record = after;
  }
  throw new Error(`The record behind ${JSON.stringify(subject)} kept changing while its schedules were reconciled.`);
}

const read = (records: ScheduledRecords, subject: ScheduleSubject): Promise<Booking | IntroCall | null> =>
  subject.kind === 'session' ? records.booking(subject.orgId, subject.programId, subject.bookingId) : records.introCall(subject.orgId, subject.introCallId);

const desired = (subject: ScheduleSubject, record: Booking | IntroCall | null, now: number, spread: number): ScheduleChange[] =>
  subject.kind === 'session' ? desiredSessionSchedules(subject.bookingId, record as Booking | null, now, spread) : desiredIntroCallSchedules(subject.introCallId, record as IntroCall | null, now, spread);

async function apply(scheduler: SessionScheduler, change: ScheduleChange): Promise<void> {
  if (change.type === 'schedule') await scheduler.upsert(change.schedule);
  else await scheduler.remove(change.name);
}
