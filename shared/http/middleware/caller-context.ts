import type middy from '@middy/core';
import { AppError, unauthorized } from '../../domain/errors';
import type { Caller, HttpEvent, HttpResult } from '../http-event';

export type WithCaller = { caller: Caller | null };

const accessTokenRefused = () =>
  new AppError(401, 'unauthorized', 'This API takes the Cognito ID token (it carries the verified email address), not the access token.');
const unverifiedRefused = () => new AppError(401, 'unauthorized', 'Confirm your email address first: Rapport only acts for a verified address.');

/**
 * Reads who is calling from the JWT authorizer's claims. API Gateway has already checked the
 * signature, issuer, expiry and app client — for access tokens as well as ID tokens — so the rest
 * is decided here: only an ID token names the caller's email, and only an address Cognito marks
 * verified is one Rapport will act for and write to (an email change waits for its confirmation:
 * the pool keeps the original address until then). Anything less answers 401.
 */
export function callerContext(required: boolean): middy.MiddlewareObj<HttpEvent & WithCaller, HttpResult> {
  return {
    before: (request) => {
      const claims = request.event.requestContext.authorizer?.jwt?.claims;
      const userId = typeof claims?.sub === 'string' ? claims.sub : undefined;
      const email = typeof claims?.email === 'string' ? claims.email.toLowerCase() : undefined;
      // The authorizer hands every claim on as a string.
      const refusal = claims?.token_use === 'access' ? accessTokenRefused() : !userId || !email ? unauthorized() : String(claims?.email_verified) !== 'true' ? unverifiedRefused() : null;
      if (refusal || !userId || !email) {
        if (required) throw refusal ?? unauthorized();
        request.event.caller = null;
        return;
      }
      request.event.caller = { userId, email };
    },
  };
}
