import type middy from '@middy/core';
import { safeParse } from 'zod/mini';
import { notFound, payloadTooLarge, validationFailed } from '../../domain/errors';
import type { HttpEvent, HttpResult } from '../http-event';
import type { LazySchema } from '../schemas/lazy-schema';
import { edgeParse, zodDetails } from '../zod-details';

export interface InputSchemas {
  body?: LazySchema;
  path?: LazySchema;
  query?: LazySchema;
  /** Refuse bodies larger than this (bytes) with 413 before reading them. */
  maxBodyBytes?: number;
}

export type WithInput = { input: { body: unknown; path: unknown; query: unknown } };

/**
 * Validation at the edge: the parsed, typed input replaces the raw event's strings.
 * A path that does not parse names nothing that exists, so it is a 404, never a 400.
 * Each schema is built on the route's first request (see lazy-schema.ts).
 */
export function parseInput(schemas: InputSchemas): middy.MiddlewareObj<HttpEvent & WithInput, HttpResult> {
  return {
    before: (request) => {
      const event = request.event;
      const input: WithInput['input'] = { body: undefined, path: undefined, query: undefined };

      if (schemas.path) {
        const parsed = safeParse(schemas.path(), event.pathParameters ?? {}, edgeParse);
        if (!parsed.success) throw notFound();
        input.path = parsed.data;
      }
      if (schemas.query) {
        const parsed = safeParse(schemas.query(), event.queryStringParameters ?? {}, edgeParse);
        if (!parsed.success) throw validationFailed(zodDetails(parsed.error.issues, 'query'));
        input.query = parsed.data;
      }
      if (schemas.maxBodyBytes !== undefined && bodyBytes(event) > schemas.maxBodyBytes) throw payloadTooLarge(schemas.maxBodyBytes);
      if (schemas.body) {
        const body = readJsonBody(event);
        const parsed = safeParse(schemas.body(), body, edgeParse);
        if (!parsed.success) {
          if (body === undefined) throw validationFailed([{ field: 'body', message: 'A JSON body is required.' }]);
          throw validationFailed(zodDetails(parsed.error.issues));
        }
        input.body = parsed.data;
      }
      event.input = input;
    },
  };
}

function bodyBytes(event: HttpEvent): number {
  if (!event.body) return 0;
  return event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body, 'utf8');
}

/** An absent body is `undefined`, so the schema decides whether one is needed. */
function readJsonBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([{ field: 'body', message: 'The body is not valid JSON.' }]);
  }
}
