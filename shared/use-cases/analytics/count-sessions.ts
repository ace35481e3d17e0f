import { dayOf, sessionBooked, sessionCancelled, sessionMissed, sessionMoved, type StatsDelta } from '../../domain/analytics/stats-delta';
import type { Booking } from '../../domain/bookings/booking';
import type { Program } from '../../domain/programs/program';
import type { StatsRepository } from '../../data/stats-repository';
import type { WriteTransaction } from '../../data/write-transaction';

/**
 * The analytics side of the session writes (book, cancel, no-show, move): each adds its delta to the
 * org's monthly sums inside the transaction it already makes, so the sums can never disagree with
 * the bookings. Kept here, apart, so the booking use cases only call one line each.
 */
export interface CountingDeps {
  stats: Pick<StatsRepository, 'deltaItems'>;
}

function addDelta(deps: CountingDeps, tx: WriteTransaction, booking: Pick<Booking, 'orgId' | 'programId'>, delta: StatsDelta): void {
  for (const item of deps.stats.deltaItems(booking.orgId, booking.programId, delta)) tx.add(item, 'stats');
}

/**
 * What a new booking records for the analytics: the day it counts on (in the org's zone) and its
 * price as it was when booked. Coaching sessions carry the program's price per session; quick
 * check-ins are included in the package and count as free.
 */
export function countedAs(program: Pick<Program, 'pricePerSession'>, packageId: Booking['packageId'], start: number, orgZone: string): Pick<Booking, 'statsDay' | 'price'> {
  return { statsDay: dayOf(start * 60_000, orgZone), price: packageId === 'coaching' ? program.pricePerSession : null };
}

export const countBooked = (deps: CountingDeps, tx: WriteTransaction, booking: Booking) => addDelta(deps, tx, booking, sessionBooked(booking));

export const countCancelled = (deps: CountingDeps, tx: WriteTransaction, booking: Booking, creditReturned: boolean) =>
  addDelta(deps, tx, booking, sessionCancelled(booking, !creditReturned));

export const countMissed = (deps: CountingDeps, tx: WriteTransaction, booking: Booking) => addDelta(deps, tx, booking, sessionMissed(booking));

/** A moved session counts on its new day (unless it was booked before analytics were kept). */
export function countMoved(deps: CountingDeps, tx: WriteTransaction, before: Booking, after: Booking, orgZone: string): Booking {
  const counted = before.statsDay ? { ...after, statsDay: dayOf(after.start * 60_000, orgZone) } : after;
  addDelta(deps, tx, before, sessionMoved(before, counted));
  return counted;
}
