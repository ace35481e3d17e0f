import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { orgPath } from '../../shared/http/schemas/common';
import {
  bookIntroCallBody,
  cancelIntroCallBody,
  INTRO_CALL_MAX_BODY_BYTES,
  introCallPath,
  introCallsAvailabilityQuery,
  introCallsQuery,
  introCallTokenPath,
  rescheduleIntroCallBody,
} from '../../shared/http/schemas/intro-calls';

import { introCallDeps } from '../../shared/runtime/intro-call-deps';
import { clock, introCallsRepository, orgsRepository } from '../../shared/runtime/deps';
import { bookIntroCall } from '../../shared/use-cases/intro-calls/book-intro-call';
import { introCallAvailability } from '../../shared/use-cases/intro-calls/intro-call-availability';
import { listIntroCalls } from '../../shared/use-cases/intro-calls/list-intro-calls';
import { cancelIntroCallAsCoach, cancelIntroCallByToken, getIntroCallByToken, rescheduleIntroCallByToken } from '../../shared/use-cases/intro-calls/manage-intro-call';

const small = { maxBodyBytes: INTRO_CALL_MAX_BODY_BYTES };

export const handler = apiFunction('introCalls', {
  'GET /orgs/{orgId}/intro-calls/availability': apiRoute({ public: true, path: orgPath, query: introCallsAvailabilityQuery }, ({ path, query, sourceIp }) =>
    introCallAvailability(introCallDeps(), path.orgId, query, sourceIp),
  ),
  'POST /orgs/{orgId}/intro-calls': apiRoute({ public: true, path: orgPath, body: bookIntroCallBody, status: 201, ...small }, ({ path, body, sourceIp }) =>
    bookIntroCall(introCallDeps(), path.orgId, body, sourceIp),
  ),
  'GET /intro-calls/by-token/{token}': apiRoute({ public: true, path: introCallTokenPath }, ({ path, sourceIp }) => getIntroCallByToken(introCallDeps(), path.token, sourceIp)),
  'POST /intro-calls/by-token/{token}/cancel': apiRoute({ public: true, path: introCallTokenPath, body: cancelIntroCallBody, ...small }, ({ path, body, sourceIp }) =>
    cancelIntroCallByToken(introCallDeps(), path.token, sourceIp, body?.reason),
  ),
  'POST /intro-calls/by-token/{token}/reschedule': apiRoute({ public: true, path: introCallTokenPath, body: rescheduleIntroCallBody, ...small }, ({ path, body, sourceIp }) =>
    rescheduleIntroCallByToken(introCallDeps(), path.token, sourceIp, body),
  ),
  'GET /orgs/{orgId}/intro-calls': apiRoute({ path: orgPath, query: introCallsQuery }, ({ caller, path, query }) =>
    listIntroCalls({ orgs: orgsRepository(), introCalls: introCallsRepository(), clock: clock() }, caller, path.orgId, query),
  ),
  'POST /orgs/{orgId}/intro-calls/{introCallId}/cancel': apiRoute({ path: introCallPath, body: cancelIntroCallBody }, ({ caller, path, body }) =>
    cancelIntroCallAsCoach({ ...introCallDeps(), orgs: orgsRepository() }, caller, path.orgId, path.introCallId, body?.reason),
  ),
});
