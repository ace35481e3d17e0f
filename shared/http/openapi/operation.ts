import type { z } from 'zod';
import type { LazySchema } from '../schemas/lazy-schema';

/**
 * Who may call a route, from stored memberships (never token groups). The authorization matrix
 * proves each one, so what the document promises is what the API does:
 * - `public`: no token needed.
 * - `signedIn`: any valid token.
 * - `coach`: the org's coach; a client of the org or program gets 403, anyone else 404.
 * - `coachPrivate`: the coach; to anyone else, the client included, it does not exist (404).
 * - `client`: the program's client; its coach gets 403, anyone else 404.
 * - `member`: the coach or the program's (joined, published) client; anyone else 404.
 */
export type Access = 'public' | 'signedIn' | 'coach' | 'coachPrivate' | 'client' | 'member';

export interface ResponseDoc {
  description: string;
  /** JSON body; absent for an empty body (204) or a non-JSON one. */
  schema?: z.ZodType;
  /** For bodies that are not JSON, e.g. `text/calendar`. */
  contentType?: string;
  /** Response headers a client relies on (string values); `required` ones are checked on every e2e answer. */
  headers?: Record<string, { description: string; required?: boolean }>;
}

/** The 4xx answers a route gives beyond the ones its shape implies (400, 401, 404), with their codes. */
export type ErrorCodes = Partial<Record<403 | 409 | 410 | 413 | 422 | 429, readonly string[]>>;

/**
 * The OpenAPI description of one route of the route table. Request schemas are the very lazy
 * schemas the handler parses with (a test holds them identical); `example` is a valid body for it.
 */
export interface OperationDoc {
  access: Access;
  /** The business rules a frontend must know: limits, policies, what happens next. */
  description: string;
  tags: readonly string[];
  request?: {
    path?: LazySchema;
    query?: LazySchema;
    /** Request headers the route reads (documentation only: handlers read them from the event). */
    headers?: z.ZodObject;
    body?: LazySchema;
    /** A valid body; required with a body. */
    example?: unknown;
    /** A valid query; required when the query has required parameters. */
    queryExample?: Record<string, string>;
  };
  responses: Record<number, ResponseDoc>;
  errors?: ErrorCodes;
}
