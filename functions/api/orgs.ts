import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { orgPath } from '../../shared/http/schemas/common';
import { createOrgBody, patchOrgBody } from '../../shared/http/schemas/orgs';
import { clock, orgsRepository, outboxRepository, profilesRepository, transaction } from '../../shared/runtime/deps';
import { createOrg } from '../../shared/use-cases/orgs/create-org';
import { getOrg, updateOrg } from '../../shared/use-cases/orgs/update-org';

export const handler = apiFunction('orgs', {
  'POST /orgs': apiRoute({ body: createOrgBody, status: 201 }, ({ caller, body, origin }) =>
    createOrg({ orgs: orgsRepository(), profiles: profilesRepository(), clock: clock() }, caller, body, origin),
  ),
  'GET /orgs/{orgId}': apiRoute({ path: orgPath }, ({ caller, path, origin }) => getOrg({ orgs: orgsRepository() }, caller, path.orgId, origin)),
  'PATCH /orgs/{orgId}': apiRoute({ path: orgPath, body: patchOrgBody }, ({ caller, path, body, origin }) =>
    updateOrg({ orgs: orgsRepository(), outbox: outboxRepository(), transaction, clock: clock() }, caller, path.orgId, body, origin),
  ),
});
