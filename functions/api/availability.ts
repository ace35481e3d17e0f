import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { programPath } from '../../shared/http/schemas/paths';
import { availabilityQuery } from '../../shared/http/schemas/bookings';
import { bookingContext, clock, coachCalendarRepository } from '../../shared/runtime/deps';
import { getAvailability } from '../../shared/use-cases/bookings/availability';

/** Reads only: no join links to sign, so not the session deps (and not their secret's client). */
const deps = () => ({ context: bookingContext(), calendar: coachCalendarRepository(), clock: clock() });

export const handler = apiFunction('availability', {
  'GET /orgs/{orgId}/programs/{programId}/availability': apiRoute({ path: programPath, query: availabilityQuery }, ({ caller, path, query }) =>
    getAvailability(deps(), caller, path, query),
  ),
});
