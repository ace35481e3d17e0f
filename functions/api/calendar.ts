import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { connectCalendarBody } from '../../shared/http/schemas/calendar';
import { orgPath } from '../../shared/http/schemas/common';
import { calendarFeeds } from '../../shared/runtime/calendar-deps';
import { clock, orgsRepository } from '../../shared/runtime/deps';
import { connectCalendar, disconnectCalendar } from '../../shared/use-cases/calendar/connect-calendar';

export const handler = apiFunction('calendar', {
  'PUT /orgs/{orgId}/calendar': apiRoute({ path: orgPath, body: connectCalendarBody }, ({ caller, path, body, origin }) =>
    connectCalendar({ orgs: orgsRepository(), feeds: calendarFeeds(), clock: clock() }, caller, path.orgId, body.icsUrl, origin),
  ),
  'DELETE /orgs/{orgId}/calendar': apiRoute({ path: orgPath }, ({ caller, path, origin }) =>
    disconnectCalendar({ orgs: orgsRepository(), clock: clock() }, caller, path.orgId, origin),
  ),
});
