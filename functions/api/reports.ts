import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { programPath } from '../../shared/http/schemas/paths';
import { textReply } from '../../shared/http/reply';
import { clock, outcomesRepository } from '../../shared/runtime/deps';
import { getProgramReport, getProgressChart } from '../../shared/use-cases/outcomes/program-report';

const deps = () => ({ outcomes: outcomesRepository(), clock: clock() });

export const handler = apiFunction('reports', {
  'GET /orgs/{orgId}/programs/{programId}/report': apiRoute({ path: programPath }, ({ caller, path }) => getProgramReport(deps(), caller, path)),
  'GET /orgs/{orgId}/programs/{programId}/report/progress.svg': apiRoute({ path: programPath }, async ({ caller, path }) =>
    textReply(200, await getProgressChart(deps(), caller, path), 'image/svg+xml; charset=utf-8'),
  ),
});
