import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { textReply } from '../../shared/http/reply';
import { orgPath } from '../../shared/http/schemas/common';
import { periodQuery } from '../../shared/http/schemas/outcomes';
import { bookingsRepository, clock, orgsRepository, programsRepository, statsRepository } from '../../shared/runtime/deps';
import { getCoachingLog, getOrgAnalytics } from '../../shared/use-cases/analytics/org-analytics';

const deps = () => ({ orgs: orgsRepository(), stats: statsRepository(), bookings: bookingsRepository(), programs: programsRepository(), clock: clock() });

export const handler = apiFunction('analytics', {
  'GET /orgs/{orgId}/analytics': apiRoute({ path: orgPath, query: periodQuery }, ({ caller, path, query }) => getOrgAnalytics(deps(), caller, path.orgId, query)),
  'GET /orgs/{orgId}/coaching-log.csv': apiRoute({ path: orgPath, query: periodQuery }, async ({ caller, path, query }) => {
    const log = await getCoachingLog(deps(), caller, path.orgId, query);
    return textReply(200, log.csv, 'text/csv; charset=utf-8; header=present', { 'content-disposition': `attachment; filename="${log.filename}"` });
  }),
});
