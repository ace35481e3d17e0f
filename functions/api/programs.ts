import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { activityPath, modulePath, programPath, templatePath } from '../../shared/http/schemas/paths';
import { orgPath, pageQuery } from '../../shared/http/schemas/common';
import { createProgramBody, homepageBody, newModuleBody, patchProgramBody, renameModuleBody, templateBody } from '../../shared/http/schemas/programs';
import { config } from '../../shared/runtime/config';
import {
  bookingsRepository,
  clock,
  introCallsRepository,
  invitesRepository,
  messagesRepository,
  orgsRepository,
  outboxRepository,
  programsRepository,
  rateLimitsRepository,
  suppressionRepository,
  transaction,
} from '../../shared/runtime/deps';
import { createProgram } from '../../shared/use-cases/programs/create-program';
import {
  addSessionModule,
  deleteActivity,
  deleteSessionModule,
  publishProgram,
  renameProgramModule,
  replaceHomepage,
  replaceSessionTemplate,
  updateProgram,
} from '../../shared/use-cases/programs/edit-program';
import { getProgram, listPrograms } from '../../shared/use-cases/programs/read-programs';

const editDeps = () => ({ programs: programsRepository(), bookings: bookingsRepository(), outbox: outboxRepository(), transaction, clock: clock() });

export const handler = apiFunction('programs', {
  'POST /orgs/{orgId}/programs': apiRoute({ path: orgPath, body: createProgramBody, status: 201 }, ({ caller, path, body }) =>
    createProgram(
      {
        orgs: orgsRepository(),
        programs: programsRepository(),
        messages: messagesRepository(),
        introCalls: introCallsRepository(),
        invites: invitesRepository(),
        outbox: outboxRepository(),
        quotas: rateLimitsRepository(),
        appUrl: config.appUrl(),
        transaction,
        clock: clock(),
      },
      caller,
      path.orgId,
      body,
    ),
  ),
  'GET /orgs/{orgId}/programs': apiRoute({ path: orgPath, query: pageQuery }, ({ caller, path, query }) =>
    listPrograms({ orgs: orgsRepository(), programs: programsRepository() }, caller, path.orgId, query),
  ),
  'GET /orgs/{orgId}/programs/{programId}': apiRoute({ path: programPath }, ({ caller, path }) =>
    getProgram({ programs: programsRepository(), suppressions: suppressionRepository() }, caller, path.orgId, path.programId),
  ),
  'PATCH /orgs/{orgId}/programs/{programId}': apiRoute({ path: programPath, body: patchProgramBody }, ({ caller, path, body }) =>
    updateProgram(editDeps(), caller, path, body),
  ),
  'POST /orgs/{orgId}/programs/{programId}/publish': apiRoute({ path: programPath }, ({ caller, path }) => publishProgram(editDeps(), caller, path)),
  'POST /orgs/{orgId}/programs/{programId}/modules': apiRoute({ path: programPath, body: newModuleBody, status: 201 }, ({ caller, path, body }) =>
    addSessionModule(editDeps(), caller, path, body?.title),
  ),
  'PATCH /orgs/{orgId}/programs/{programId}/modules/{moduleId}': apiRoute({ path: modulePath, body: renameModuleBody }, ({ caller, path, body }) =>
    renameProgramModule(editDeps(), caller, path, path.moduleId, body.title),
  ),
  'DELETE /orgs/{orgId}/programs/{programId}/modules/{moduleId}': apiRoute({ path: modulePath }, ({ caller, path }) =>
    deleteSessionModule(editDeps(), caller, path, path.moduleId),
  ),
  'PUT /orgs/{orgId}/programs/{programId}/templates/{templateKind}': apiRoute({ path: templatePath, body: templateBody }, ({ caller, path, body }) =>
    replaceSessionTemplate(editDeps(), caller, path, path.templateKind, body),
  ),
  'DELETE /orgs/{orgId}/programs/{programId}/activities/{activityId}': apiRoute({ path: activityPath, status: 204 }, async ({ caller, path }) => {
    await deleteActivity(editDeps(), caller, path, path.activityId);
  }),
  'PUT /orgs/{orgId}/programs/{programId}/homepage': apiRoute({ path: programPath, body: homepageBody }, ({ caller, path, body }) =>
    replaceHomepage(editDeps(), caller, path, body),
  ),
});
