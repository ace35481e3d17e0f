import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { programPath } from '../../shared/http/schemas/paths';
import { pageQuery } from '../../shared/http/schemas/common';
import { messageBody } from '../../shared/http/schemas/messages';
import { config } from '../../shared/runtime/config';
import { clock, messagesRepository, orgsRepository, outboxRepository, programsRepository, rateLimitsRepository, transaction } from '../../shared/runtime/deps';
import { listMessages, postMessage } from '../../shared/use-cases/programs/messages';

export const handler = apiFunction('messages', {
  'GET /orgs/{orgId}/programs/{programId}/messages': apiRoute({ path: programPath, query: pageQuery }, ({ caller, path, query }) =>
    listMessages({ programs: programsRepository(), messages: messagesRepository() }, caller, path.orgId, path.programId, query),
  ),
  'POST /orgs/{orgId}/programs/{programId}/messages': apiRoute({ path: programPath, body: messageBody, status: 201 }, ({ caller, path, body }) =>
    postMessage(
      { programs: programsRepository(), orgs: orgsRepository(), messages: messagesRepository(), outbox: outboxRepository(), quotas: rateLimitsRepository(), clock: clock(), transaction, appUrl: config.appUrl() },
      caller,
      path.orgId,
      path.programId,
      body.body,
    ),
  ),
});
