import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { orgPath, pageQuery } from '../../shared/http/schemas/common';
import { createScheduleBody, patchScheduleBody, schedulePath } from '../../shared/http/schemas/schedules';
import { clock, orgsRepository } from '../../shared/runtime/deps';
import { createSchedule, getSchedule, listSchedules, updateSchedule } from '../../shared/use-cases/schedules/schedule-use-cases';

const deps = () => ({ orgs: orgsRepository(), clock: clock() });

export const handler = apiFunction('schedules', {
  'POST /orgs/{orgId}/schedules': apiRoute({ path: orgPath, body: createScheduleBody, status: 201 }, ({ caller, path, body }) =>
    createSchedule(deps(), caller, path.orgId, body),
  ),
  'GET /orgs/{orgId}/schedules': apiRoute({ path: orgPath, query: pageQuery }, ({ caller, path, query }) =>
    listSchedules(deps(), caller, path.orgId, query),
  ),
  'GET /orgs/{orgId}/schedules/{scheduleId}': apiRoute({ path: schedulePath }, ({ caller, path }) =>
    getSchedule(deps(), caller, path.orgId, path.scheduleId),
  ),
  'PATCH /orgs/{orgId}/schedules/{scheduleId}': apiRoute({ path: schedulePath, body: patchScheduleBody }, ({ caller, path, body }) =>
    updateSchedule(deps(), caller, path.orgId, path.scheduleId, body),
  ),
});
