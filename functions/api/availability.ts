import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { availabilityQuery } from '../../shared/http/schemas/bookings';
import { programPath } from '../../shared/http/schemas/programs';
import { bookingDeps } from '../../shared/runtime/booking-deps';
import { getAvailability } from '../../shared/use-cases/bookings/availability';

export const handler = apiFunction('availability', {
  'GET /orgs/{orgId}/programs/{programId}/availability': apiRoute({ path: programPath, query: availabilityQuery }, ({ caller, path, query }) =>
    getAvailability(bookingDeps(), caller, path, query),
  ),
});
