import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { patchMeBody } from '../../shared/http/schemas/identity';
import { clock, orgsRepository, profilesRepository, transaction } from '../../shared/runtime/deps';
import { getMe, updateMe } from '../../shared/use-cases/identity/get-me';

const deps = () => ({ orgs: orgsRepository(), profiles: profilesRepository(), transaction, clock: clock() });

export const handler = apiFunction('identity', {
  'GET /me': apiRoute({}, ({ caller }) => getMe(deps(), caller)),
  'PATCH /me': apiRoute({ body: patchMeBody }, ({ caller, body }) => updateMe(deps(), caller, body)),
});
