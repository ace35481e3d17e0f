import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { activityPath } from '../../shared/http/schemas/paths';
import { responseBody } from '../../shared/http/schemas/worksheets';
import { config } from '../../shared/runtime/config';
import { clock, orgsRepository, outboxRepository, outcomesRepository, programsRepository, transaction, worksheetsRepository } from '../../shared/runtime/deps';
import { answerWorksheet, getActivity } from '../../shared/use-cases/programs/worksheets';

const deps = () => ({
  programs: programsRepository(),
  orgs: orgsRepository(),
  worksheets: worksheetsRepository(),
  outcomes: outcomesRepository(),
  outbox: outboxRepository(),
  transaction,
  clock: clock(),
  appUrl: config.appUrl(),
});

export const handler = apiFunction('worksheets', {
  'GET /orgs/{orgId}/programs/{programId}/activities/{activityId}': apiRoute({ path: activityPath }, ({ caller, path }) =>
    getActivity(deps(), caller, path, path.activityId),
  ),
  'PUT /orgs/{orgId}/programs/{programId}/activities/{activityId}/response': apiRoute({ path: activityPath, body: responseBody }, ({ caller, path, body }) =>
    answerWorksheet(deps(), caller, path, path.activityId, body.answers),
  ),
});
