import type middy from '@middy/core';
import { AppError } from '../../domain/errors';
import { log } from '../../runtime/log';
import type { HttpEvent, HttpResult } from '../http-event';
import { toHttpResult } from '../reply';
import { Reply } from '../reply';

/**
 * The ONE place failures become HTTP answers. Typed errors keep their status, code and details;
 * anything else is a bug: it is logged in full and answered with a 500 that reveals nothing.
 */
export function errorMapper(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const error = request.error;
      if (error instanceof AppError && error.status < 500) {
        const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.message };
        if (error.details.length > 0) body.details = error.details;
        request.response = toHttpResult(new Reply(error.status, { error: body }, 'application/json', error.headers), error.status);
        return;
      }
      log.error('Unhandled error', { routeKey: request.event?.routeKey, error: error as Error });
      request.response = toHttpResult(
        new Reply(500, { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } }),
        500,
      );
    },
  };
}

/** The same mapping for code that runs outside a middy chain (the dispatcher's unknown route). */
export const errorResult = (error: AppError): HttpResult =>
  toHttpResult(new Reply(error.status, { error: { code: error.code, message: error.message } }, 'application/json', error.headers), error.status);
