import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { programPath } from '../../shared/http/schemas/paths';
import { acceptInviteBody, inviteBody, invitePath } from '../../shared/http/schemas/invites';
import { config } from '../../shared/runtime/config';
import {
  clock,
  invitesRepository,
  orgsRepository,
  outboxRepository,
  profilesRepository,
  programsRepository,
  rateLimitsRepository,
  transaction,
} from '../../shared/runtime/deps';
import { acceptInvite, createInvite } from '../../shared/use-cases/programs/invites';

const deps = () => ({
  orgs: orgsRepository(),
  programs: programsRepository(),
  invites: invitesRepository(),
  outbox: outboxRepository(),
  quotas: rateLimitsRepository(),
  clock: clock(),
  transaction,
  profiles: profilesRepository(),
  appUrl: config.appUrl(),
});

export const handler = apiFunction('invites', {
  'POST /orgs/{orgId}/programs/{programId}/invites': apiRoute({ path: programPath, body: inviteBody, status: 201 }, ({ caller, path, body }) =>
    createInvite(deps(), caller, path.orgId, path.programId, body.email),
  ),
  'POST /invites/{token}/accept': apiRoute({ path: invitePath, body: acceptInviteBody }, ({ caller, path, body }) =>
    acceptInvite(deps(), caller, path.token, body ?? {}),
  ),
});
