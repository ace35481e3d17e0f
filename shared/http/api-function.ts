import type { Context } from 'aws-lambda';
import { notFound } from '../domain/errors';
import type { RouteHandler } from './api-route';
import type { HttpEvent, HttpResult } from './http-event';
import { log } from '../runtime/log';
import { errorResult } from './middleware/error-mapper';
import type { ApiFunctionName, RouteKeyOf } from './routes';

export interface ApiFunction {
  (event: HttpEvent, context: Context): Promise<HttpResult>;
  /** The route keys this function serves, checked against the route table by a test. */
  readonly routeKeys: readonly string[];
  /** Each route's handler, whose `spec` the OpenAPI test reads. */
  readonly handlers: Readonly<Record<string, RouteHandler>>;
}

/**
 * A Lambda entry serving one resource: it dispatches on API Gateway's `routeKey`. The type makes
 * the table exhaustive: a route of the route table without a handler here does not compile.
 */
export function apiFunction<F extends ApiFunctionName>(_name: F, handlers: Record<RouteKeyOf<F>, RouteHandler>): ApiFunction {
  const table = handlers as Record<string, RouteHandler>;
  const dispatch = async (event: HttpEvent, context: Context): Promise<HttpResult> => {
    // One id follows a request through the logs: the caller's x-correlation-id, else API Gateway's
    // request id. It is answered back, so a user's report can be found.
    const correlationId = /^[\w.:-]{1,100}$/.test(event.headers?.['x-correlation-id'] ?? '') ? String(event.headers['x-correlation-id']) : event.requestContext.requestId;
    log.appendKeys({ correlationId });
    try {
      const handler = table[event.routeKey];
      const result = handler ? await handler(event, context) : errorResult(notFound());
      return { ...result, headers: { ...result.headers, 'x-correlation-id': correlationId } };
    } finally {
      log.removeKeys(['correlationId']);
    }
  };
  return Object.assign(dispatch, { routeKeys: Object.keys(table), handlers: table });
}
