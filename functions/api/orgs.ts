import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { orgPath } from '../../shared/http/schemas/common';
import { createOrgBody, patchOrgBody } from '../../shared/http/schemas/orgs';
import { clock, orgsRepository } from '../../shared/runtime/deps';
import { createOrg } from '../../shared/use-cases/orgs/create-org';
import { getOrg, updateOrg } from '../../shared/use-cases/orgs/update-org';

export const handler = apiFunction('orgs', {
  'POST /orgs': apiRoute({ body: createOrgBody, status: 201 }, ({ caller, body }) =>
    createOrg({ orgs: orgsRepository(), clock: clock() }, caller, body),
  ),
  'GET /orgs/{orgId}': apiRoute({ path: orgPath }, ({ caller, path }) => getOrg({ orgs: orgsRepository() }, caller, path.orgId)),
  'PATCH /orgs/{orgId}': apiRoute({ path: orgPath, body: patchOrgBody }, ({ caller, path, body }) =>
    updateOrg({ orgs: orgsRepository(), clock: clock() }, caller, path.orgId, body),
  ),
});
