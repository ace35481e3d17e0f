import type { Booking } from '../domain/bookings/booking';
import type { RescheduleRequest } from '../domain/bookings/reschedule-policy';
import type { Org } from '../domain/orgs/org';
import type { Program } from '../domain/programs/program';
import { busyTimeFrom, busyTimeKeys, type CalendarBusy } from './busy-time';
import { keys, type Key } from './keys';
import { toOrgRecord } from './orgs-repository';
import { toProgramRecord } from './programs-repository';
import { toBookingRecord, toPackageUsage, type PackageUsage } from './bookings-repository';
import { toRequestRecord } from './reschedule-requests-repository';
import { batchGet, type Table } from './table';

export interface BookingContext {
  org: Org | null;
  program: Program | null;
  booking: Booking | null;
  request: RescheduleRequest | null;
  usage: PackageUsage;
  usedByWeek: Map<string, number>;
  /** Busy time of the coach's connected calendar over the range asked for (none asked: nothing, checked). */
  busy: CalendarBusy;
}

/**
 * Everything a booking decision needs, in ONE BatchGetItem across the org's, the program's and
 * the counters' items: the org (schedules, calendar link, coach), the program (access, totals),
 * optionally one booking, the package's counters for the given weeks, and the stored busy time of
 * the coach's connected calendar over a range (its week buckets sit beside the org).
 */
export async function loadBookingContext(
  table: Table,
  ref: { orgId: string; programId: string; packageId?: string; weeks?: string[]; bookingId?: string; requestId?: string; busy?: { from: number; to: number } },
): Promise<BookingContext> {
  const wanted: Key[] = [keys.org(ref.orgId), keys.program(ref.orgId, ref.programId)];
  if (ref.bookingId) wanted.push(keys.booking(ref.orgId, ref.programId, ref.bookingId));
  if (ref.requestId) wanted.push(keys.rescheduleRequest(ref.orgId, ref.programId, ref.requestId));
  if (ref.packageId) {
    wanted.push(keys.packageCounter(ref.orgId, ref.programId, ref.packageId));
    for (const week of ref.weeks ?? []) wanted.push(keys.weekCounter(ref.orgId, ref.programId, ref.packageId, week));
  }
  if (ref.busy) wanted.push(...busyTimeKeys(ref.orgId, ref.busy.from, ref.busy.to));
  const items = await batchGet(table, wanted);
  const at = (key: Key) => items.get(`${key.pk}|${key.sk}`);

  const usedByWeek = new Map<string, number>();
  if (ref.packageId) {
    for (const week of ref.weeks ?? []) {
      const counter = at(keys.weekCounter(ref.orgId, ref.programId, ref.packageId, week));
      if (counter) usedByWeek.set(week, Number(counter.used ?? 0));
    }
  }
  const total = ref.packageId ? at(keys.packageCounter(ref.orgId, ref.programId, ref.packageId)) : undefined;
  const org = at(keys.org(ref.orgId));
  const program = at(keys.program(ref.orgId, ref.programId));
  const booking = ref.bookingId ? at(keys.booking(ref.orgId, ref.programId, ref.bookingId)) : undefined;
  const request = ref.requestId ? at(keys.rescheduleRequest(ref.orgId, ref.programId, ref.requestId)) : undefined;
  const orgRecord = org ? toOrgRecord(org) : null;
  return {
    org: orgRecord,
    program: program ? toProgramRecord(program) : null,
    booking: booking ? toBookingRecord(booking) : null,
    request: request ? toRequestRecord(request) : null,
    usage: toPackageUsage(total),
    usedByWeek,
    busy: orgRecord && ref.busy ? busyTimeFrom(orgRecord, at, ref.busy.from, ref.busy.to) : { events: [], checked: true },
  };
}
