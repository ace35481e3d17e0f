import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { joinLinkReply } from '../../shared/http/join-pages';
import { joinLinkPath } from '../../shared/http/schemas/join';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { openJoinLink } from '../../shared/use-cases/bookings/open-join-link';

export const handler = apiFunction('join', {
  'GET /j/{token}': apiRoute({ public: true, path: joinLinkPath }, async ({ path }) => {
    const deps = sessionDeps();
    return joinLinkReply(await openJoinLink(deps, path.token), deps.clock.now());
  }),
});
