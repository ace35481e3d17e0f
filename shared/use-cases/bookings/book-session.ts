import { weekKeysAround } from '../../domain/availability/local-week';
import { newBooking } from '../../domain/bookings/booking';
import { lockBlocks } from '../../domain/bookings/time-locks';
import { sessionMailEffects } from '../../domain/outbox/session-mail';
import { conflict } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import type { SessionPackage } from '../../domain/programs/packages';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import type { Caller } from '../../http/http-event';
import { countBooked, countedAs } from '../analytics/count-sessions';
import { stageEffects } from '../outbox/relay';
import { requireScope, type BookingDeps, type ProgramRef, syncSessionSchedules } from './booking-deps';
import { bookingView } from './booking-view';
import { joinHashes } from '../../domain/bookings/join-link';
import { busyAround, calendarEntryFor, countedWeek, packageLimitReached, requireOfferedTime, requirePackage, slotUnavailable, weeklyLimitReached } from './session-time';
import { domainEvent } from '../../domain/events/domain-event';
import { bookingEventData } from '../../domain/events/event-data';

const MAX_ATTEMPTS = 6;

/**
 * Books a session with ONE TransactWriteItems: the booking, the coach's calendar entry, a lock
 * for every 5-minute block of the session and its buffer (in the COACH's partition, so no other
 * program can take the same time), the package counter and the week counter with their caps as
 * conditions, a check that the program is as read, and the outbox entry with the invitations and
 * the session's reminder and no-show schedules.
 * Whatever races, exactly one booking of a given time wins; a refused condition becomes the precise
 * 409. Reads: one BatchGetItem (the coach's calendar busy time included).
 */
export async function bookSession(deps: BookingDeps, caller: Caller, ref: ProgramRef, input: { packageId: string; start: number }) {
  if (input.start % 60_000 !== 0) throw slotUnavailable();
  const start = toEpochMinutes(input.start);

  for (let attempt = 0; ; attempt++) {
    const ctx = await deps.context({ ...ref, packageId: input.packageId, weeks: weekKeysAround(start, start), busy: busyAround(start) });
    const scope = requireScope(ctx, caller);
    const { program, schedule, role } = scope;
    const pkg = requirePackage(program, input.packageId, 'packageId');
    if (!program.client) throw conflict('no_client', 'This program has no client yet; invite them first.');

    const nowMs = deps.clock.now();
    const week = countedWeek(pkg, start, schedule);
    if (ctx.usage.used >= pkg.total) throw packageLimitReached();
    if (week && pkg.perWeek !== undefined && (ctx.usedByWeek.get(week) ?? 0) >= pkg.perWeek) throw weeklyLimitReached(pkg.perWeek);
    const { end, blockedUntil } = requireOfferedTime(ctx.busy, scope, pkg, start, pkg.durationMinutes, nowMs);

    const bookingId = deps.newId?.() ?? sortableId(nowMs);
    const joinRef = { ...ref, bookingId };
    const booking = newBooking(
      {
        bookingId,
        orgId: ref.orgId,
        programId: ref.programId,
        packageId: pkg.packageId,
        coachUserId: program.coachUserId,
        clientUserId: program.client.userId,
        start,
        end,
        blockedUntil,
        weekKey: week,
        sessionNumber: pkg.packageId === 'coaching' ? nextSessionNumber(pkg, ctx.usage.taken) : null,
        bookedBy: role,
        joinHashes: joinHashes(await deps.links.joinKey(), joinRef),
        ...countedAs(program, pkg.packageId, start, scope.org.timeZone),
      },
      formatInstant(nowMs),
    );

    const counterRef = { ...ref, packageId: pkg.packageId };
    const tx = deps.transaction()
      .add(deps.bookings.newBookingItem(booking), 'booking')
      .add(deps.calendar.sessionItem(program.coachUserId, calendarEntryFor(booking, program, nowMs)), 'calendar')
      .add(deps.bookings.takeFromPackageItem(counterRef, pkg.total, booking.sessionNumber), 'package')
      .add(deps.bookings.programUnchangedItem(ref, { totalSessions: program.totalSessions, clientUserId: program.client.userId, published: role === 'client' }), 'program');
    if (week && pkg.perWeek !== undefined) tx.add(deps.bookings.takeFromWeekItem(counterRef, week, pkg.perWeek), 'week');
    for (const lock of deps.calendar.lockItems(program.coachUserId, lockBlocks(start, blockedUntil), booking.bookingId, blockedUntil)) tx.add(lock, 'lock');
    countBooked(deps, tx, booking);
    stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), [
      ...sessionMailEffects(booking, { kind: 'booked', stampedAt: nowMs }),
      syncSessionSchedules(booking),
      domainEvent('booking.created', booking.orgId, bookingEventData(booking), nowMs),
    ]);

    try {
      await tx.commit();
      return bookingView(booking, toEpochMinutes(nowMs));
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (error.failed.includes('week') && pkg.perWeek !== undefined) throw weeklyLimitReached(pkg.perWeek);
      // The package refused: either it is now used up (the next read says so) or the session number
      // was taken meanwhile. Contention and a changed program are also decided again on fresh reads.
      if (error.failed.includes('lock') && !error.failed.includes('package')) throw slotUnavailable();
      if (attempt + 1 >= MAX_ATTEMPTS) throw slotUnavailable();
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}

/** Coaching sessions attach to the lowest-numbered session module not yet taken. */
function nextSessionNumber(pkg: SessionPackage, taken: number[]): number {
  const used = new Set(taken);
  for (let n = 1; n <= pkg.total; n++) if (!used.has(n)) return n;
  return pkg.total + 1; // unreachable: the package is checked for room first
}
