import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { connectCalendarBody } from '../../shared/http/schemas/calendar';
import { orgPath } from '../../shared/http/schemas/common';
import { calendarSyncDeps } from '../../shared/runtime/calendar-deps';
import { orgsRepository } from '../../shared/runtime/deps';
import { connectCalendar, disconnectCalendar } from '../../shared/use-cases/calendar/connect-calendar';
import { rotateBookingFeed } from '../../shared/use-cases/calendar/rotate-booking-feed';

export const handler = apiFunction('calendar', {
  'PUT /orgs/{orgId}/calendar': apiRoute({ path: orgPath, body: connectCalendarBody }, ({ caller, path, body, origin }) =>
    connectCalendar({ ...calendarSyncDeps(), orgs: orgsRepository() }, caller, path.orgId, body.icsUrl, origin),
  ),
  'DELETE /orgs/{orgId}/calendar': apiRoute({ path: orgPath }, ({ caller, path, origin }) =>
    disconnectCalendar({ ...calendarSyncDeps(), orgs: orgsRepository() }, caller, path.orgId, origin),
  ),
  'POST /orgs/{orgId}/calendar/rotate-feed': apiRoute({ path: orgPath }, ({ caller, path, origin }) =>
    rotateBookingFeed({ ...calendarSyncDeps(), orgs: orgsRepository() }, caller, path.orgId, origin),
  ),
});
