import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { bookingPath, programPath, requestPath } from '../../shared/http/schemas/paths';
import { bookingBody, bookingsQuery, cancelBody } from '../../shared/http/schemas/bookings';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { bookingsRepository, clock, programsRepository } from '../../shared/runtime/deps';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { cancelBooking } from '../../shared/use-cases/bookings/cancel-booking';
import { getBooking, listBookings } from '../../shared/use-cases/bookings/read-bookings';
import { approveRescheduleRequest, listRescheduleRequests, rejectRescheduleRequest, rescheduleBooking } from '../../shared/use-cases/bookings/reschedule';
import { reply } from '../../shared/http/reply';
import { decisionBody, requestsQuery, rescheduleBody } from '../../shared/http/schemas/lifecycle';

const readDeps = () => ({ programs: programsRepository(), bookings: bookingsRepository(), clock: clock() });

export const handler = apiFunction('bookings', {
  'POST /orgs/{orgId}/programs/{programId}/bookings': apiRoute({ path: programPath, body: bookingBody, status: 201 }, ({ caller, path, body }) =>
    bookSession(sessionDeps(), caller, path, body),
  ),
  'GET /orgs/{orgId}/programs/{programId}/bookings': apiRoute({ path: programPath, query: bookingsQuery }, ({ caller, path, query }) =>
    listBookings(readDeps(), caller, path, query),
  ),
  'GET /orgs/{orgId}/programs/{programId}/bookings/{bookingId}': apiRoute({ path: bookingPath }, ({ caller, path }) =>
    getBooking(readDeps(), caller, path, path.bookingId),
  ),
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/cancel': apiRoute({ path: bookingPath, body: cancelBody }, ({ caller, path, body }) =>
    cancelBooking(sessionDeps(), caller, path, path.bookingId, body?.reason),
  ),
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/reschedule': apiRoute({ path: bookingPath, body: rescheduleBody }, async ({ caller, path, body }) => {
    const result = await rescheduleBooking(sessionDeps(), caller, path, path.bookingId, body);
    return 'requestId' in result ? reply(202, result) : result;
  }),
  'GET /orgs/{orgId}/programs/{programId}/reschedule-requests': apiRoute({ path: programPath, query: requestsQuery }, ({ caller, path, query }) =>
    listRescheduleRequests(sessionDeps(), caller, path, query.status),
  ),
  'POST /orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/approve': apiRoute({ path: requestPath, body: decisionBody }, ({ caller, path, body }) =>
    approveRescheduleRequest(sessionDeps(), caller, path, path.requestId, body?.reason),
  ),
  'POST /orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/reject': apiRoute({ path: requestPath, body: decisionBody }, ({ caller, path, body }) =>
    rejectRescheduleRequest(sessionDeps(), caller, path, path.requestId, body?.reason),
  ),
});
