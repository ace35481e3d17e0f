import * as z from 'zod/mini';
import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { joinLinkReply } from '../../shared/http/join-pages';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { openJoinLink } from '../../shared/use-cases/bookings/open-join-link';

const joinPath = z.object({ token: z.string().check(z.maxLength(400)) });

export const handler = apiFunction('join', {
  'GET /j/{token}': apiRoute({ public: true, path: joinPath }, async ({ path }) => {
    const deps = sessionDeps();
    return joinLinkReply(await openJoinLink(deps, path.token), deps.clock.now());
  }),
});
