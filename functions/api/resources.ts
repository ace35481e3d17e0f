import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { pageQuery } from '../../shared/http/schemas/common';
import { programPath, resourcePath } from '../../shared/http/schemas/paths';
import { resourceBody } from '../../shared/http/schemas/resources';
import { clock, programsRepository, resourcesRepository } from '../../shared/runtime/deps';
import { addResource, deleteResource, listResources } from '../../shared/use-cases/programs/resources';

const deps = () => ({ programs: programsRepository(), resources: resourcesRepository(), clock: clock() });

export const handler = apiFunction('resources', {
  'GET /orgs/{orgId}/programs/{programId}/resources': apiRoute({ path: programPath, query: pageQuery }, ({ caller, path, query }) =>
    listResources(deps(), caller, path, query),
  ),
  'POST /orgs/{orgId}/programs/{programId}/resources': apiRoute({ path: programPath, body: resourceBody, status: 201 }, ({ caller, path, body }) =>
    addResource(deps(), caller, path, body),
  ),
  'DELETE /orgs/{orgId}/programs/{programId}/resources/{resourceId}': apiRoute({ path: resourcePath, status: 204 }, async ({ caller, path }) => {
    await deleteResource(deps(), caller, path, path.resourceId);
  }),
});
