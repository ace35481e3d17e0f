import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { actionItemsQuery, newActionItemBody, patchActionItemBody } from '../../shared/http/schemas/action-items';
import { actionItemPath, modulePath, programPath } from '../../shared/http/schemas/paths';
import { actionItemsRepository, clock, programsRepository } from '../../shared/runtime/deps';
import { addActionItem, deleteActionItem, listActionItems, updateActionItem } from '../../shared/use-cases/programs/action-items';

const deps = () => ({ programs: programsRepository(), actionItems: actionItemsRepository(), clock: clock() });

export const handler = apiFunction('actionItems', {
  'POST /orgs/{orgId}/programs/{programId}/modules/{moduleId}/action-items': apiRoute(
    { path: modulePath, body: newActionItemBody, status: 201 },
    ({ caller, path, body }) => addActionItem(deps(), caller, path, path.moduleId, body),
  ),
  'GET /orgs/{orgId}/programs/{programId}/action-items': apiRoute({ path: programPath, query: actionItemsQuery }, ({ caller, path, query }) =>
    listActionItems(deps(), caller, path, query),
  ),
  'PATCH /orgs/{orgId}/programs/{programId}/action-items/{actionItemId}': apiRoute({ path: actionItemPath, body: patchActionItemBody }, ({ caller, path, body }) =>
    updateActionItem(deps(), caller, path, path.actionItemId, body),
  ),
  'DELETE /orgs/{orgId}/programs/{programId}/action-items/{actionItemId}': apiRoute({ path: actionItemPath, status: 204 }, async ({ caller, path }) => {
    await deleteActionItem(deps(), caller, path, path.actionItemId);
  }),
});
