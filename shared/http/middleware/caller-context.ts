import type middy from '@middy/core';
import { unauthorized } from '../../domain/errors';
import type { Caller, HttpEvent, HttpResult } from '../http-event';

export type WithCaller = { caller: Caller | null };

/**
 * Reads who is calling from the JWT authorizer's claims. API Gateway has already verified the
 * token; a route that needs a caller and finds no usable claims answers 401 all the same.
 */
export function callerContext(required: boolean): middy.MiddlewareObj<HttpEvent & WithCaller, HttpResult> {
  return {
    before: (request) => {
      const claims = request.event.requestContext.authorizer?.jwt?.claims;
      const userId = typeof claims?.sub === 'string' ? claims.sub : undefined;
      const email = typeof claims?.email === 'string' ? claims.email.toLowerCase() : undefined;
      if (!userId || !email) {
        if (required) throw unauthorized();
        request.event.caller = null;
        return;
      }
      request.event.caller = { userId, email };
    },
  };
}
