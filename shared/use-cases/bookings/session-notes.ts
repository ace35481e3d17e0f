import { notFound } from '../../domain/errors';
import { formatInstant } from '../../domain/time/instant';
import type { BookingsRepository } from '../../data/bookings-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { SessionNotesRepository } from '../../data/session-notes-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { accessProgram } from '../programs/access';

export interface NotesDeps {
  programs: Pick<ProgramsRepository, 'get'>;
  bookings: Pick<BookingsRepository, 'get'>;
  notes: SessionNotesRepository;
  clock: Clock;
}

/**
 * The coach's private notes. To a client they do not exist at all (404, not 403): a client
 * should not even learn that notes are kept.
 */
async function coachOnly(deps: NotesDeps, caller: Caller, ref: { orgId: string; programId: string }, bookingId: string) {
  const { role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  if (role !== 'coach') throw notFound();
  if (!(await deps.bookings.get(ref.orgId, ref.programId, bookingId))) throw notFound();
}

export async function getSessionNotes(deps: NotesDeps, caller: Caller, ref: { orgId: string; programId: string }, bookingId: string) {
  await coachOnly(deps, caller, ref, bookingId);
  return deps.notes.get(ref.orgId, ref.programId, bookingId);
}

export async function putSessionNotes(deps: NotesDeps, caller: Caller, ref: { orgId: string; programId: string }, bookingId: string, body: string) {
  await coachOnly(deps, caller, ref, bookingId);
  const note = { bookingId, body, updatedAt: formatInstant(deps.clock.now()) };
  await deps.notes.put(ref.orgId, ref.programId, note);
  return note;
}
