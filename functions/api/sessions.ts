import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { bookingPath } from '../../shared/http/schemas/paths';
import { notesBody } from '../../shared/http/schemas/lifecycle';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { bookingsRepository, clock, programsRepository, sessionNotesRepository } from '../../shared/runtime/deps';
import { joinSession, markNoShow } from '../../shared/use-cases/bookings/attendance';
import { getSessionNotes, putSessionNotes } from '../../shared/use-cases/bookings/session-notes';

const notesDeps = () => ({ programs: programsRepository(), bookings: bookingsRepository(), notes: sessionNotesRepository(), clock: clock() });

export const handler = apiFunction('sessions', {
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/join': apiRoute({ path: bookingPath }, ({ caller, path }) =>
    joinSession(sessionDeps(), caller, path, path.bookingId),
  ),
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/no-show': apiRoute({ path: bookingPath }, ({ caller, path }) =>
    markNoShow(sessionDeps(), caller, path, path.bookingId),
  ),
  'PUT /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes': apiRoute({ path: bookingPath, body: notesBody }, ({ caller, path, body }) =>
    putSessionNotes(notesDeps(), caller, path, path.bookingId, body.body),
  ),
  'GET /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes': apiRoute({ path: bookingPath }, ({ caller, path }) =>
    getSessionNotes(notesDeps(), caller, path, path.bookingId),
  ),
});
