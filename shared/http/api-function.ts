import type { Context } from 'aws-lambda';
import { notFound } from '../domain/errors';
import type { RouteHandler } from './api-route';
import type { HttpEvent, HttpResult } from './http-event';
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
    const handler = table[event.routeKey];
    if (!handler) return errorResult(notFound());
    return handler(event, context);
  };
  return Object.assign(dispatch, { routeKeys: Object.keys(table), handlers: table });
}
