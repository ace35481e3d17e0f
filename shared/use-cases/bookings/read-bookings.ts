import { notFound } from '../../domain/errors';
import { toEpochMinutes } from '../../domain/time/instant';
import type { BookingsRepository } from '../../data/bookings-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { accessProgram } from '../programs/access';
import { paginateInMemory } from '../paginate';
import { bookingView } from './booking-view';

export interface ReadBookingDeps {
  programs: Pick<ProgramsRepository, 'get'>;
  bookings: Pick<BookingsRepository, 'get' | 'all'>;
  clock: Clock;
}

/** A program's sessions in time order; `status` filters (e.g. `confirmed` for what is coming). */
export async function listBookings(deps: ReadBookingDeps, caller: Caller, ref: { orgId: string; programId: string }, query: { status?: string; limit?: number; cursor?: string }) {
  await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  const now = toEpochMinutes(deps.clock.now());
  const views = (await deps.bookings.all(ref.orgId, ref.programId))
    .sort((a, b) => a.start - b.start || a.bookingId.localeCompare(b.bookingId))
    .map((b) => bookingView(b, now))
    .filter((view) => !query.status || view.status === query.status);
  return paginateInMemory(views, (v) => v.bookingId, query.limit, query.cursor);
}

export async function getBooking(deps: ReadBookingDeps, caller: Caller, ref: { orgId: string; programId: string }, bookingId: string) {
  await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  const booking = await deps.bookings.get(ref.orgId, ref.programId, bookingId);
  if (!booking) throw notFound();
  return bookingView(booking, toEpochMinutes(deps.clock.now()));
}
