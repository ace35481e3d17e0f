import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { orgsRepository } from '../../shared/runtime/deps';
import { getMe } from '../../shared/use-cases/identity/get-me';

export const handler = apiFunction('identity', {
  'GET /me': apiRoute({}, ({ caller }) => getMe({ orgs: orgsRepository() }, caller)),
});
