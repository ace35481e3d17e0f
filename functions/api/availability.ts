import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { availabilityQuery } from '../../shared/http/schemas/bookings';
import { programPath } from '../../shared/http/schemas/programs';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { getAvailability } from '../../shared/use-cases/bookings/availability';

export const handler = apiFunction('availability', {
  'GET /orgs/{orgId}/programs/{programId}/availability': apiRoute({ path: programPath, query: availabilityQuery }, ({ caller, path, query }) =>
    getAvailability(sessionDeps(), caller, path, query),
  ),
});
