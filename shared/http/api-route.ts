import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Caller, HttpEvent, HttpResult } from './http-event';
import { callerContext, type WithCaller } from './middleware/caller-context';
import { errorMapper } from './middleware/error-mapper';
import { parseInput, type WithInput } from './middleware/parse-input';
import { toHttpResult } from './reply';
import type { LazySchema } from './schemas/lazy-schema';

type Out<S> = S extends LazySchema<infer T> ? z.output<T> : undefined;

export interface RouteRequest<B, P, Q, C> {
  body: B;
  path: P;
  query: Q;
  caller: C;
  /** Scheme and host the API was called on, e.g. `https://api.example.com`, for links it hands out. */
  origin: string;
  /** The caller's address as API Gateway saw the connection (not a header the caller can set). */
  sourceIp: string;
  /** Request headers, names in lower case as API Gateway (HTTP API) delivers them. */
  headers: Readonly<Record<string, string | undefined>>;
}

interface Spec<B, P, Q, Public extends boolean> {
  body?: B;
  path?: P;
  query?: Q;
  /** Public routes accept calls without a token (the caller is then null). */
  public?: Public;
  /** Status for a plain (non-`Reply`) result; 200 by default. */
  status?: number;
  /** Bodies above this many bytes are refused with 413 (API Gateway itself allows 10 MB). */
  maxBodyBytes?: number;
}

export interface RouteHandler {
  (event: HttpEvent, context: Context): Promise<HttpResult>;
  /** What the route parses and answers by default; the OpenAPI test holds the document to these. */
  readonly spec?: { body?: LazySchema; path?: LazySchema; query?: LazySchema; public: boolean; status: number };
}

/**
 * One route: middleware first (errors, caller, parsing), the use case last.
 *   apiRoute({ path, body, status: 201 }, ({ caller, body }) => createThing(deps(), caller, body))
 */
export function apiRoute<
  B extends LazySchema | undefined = undefined,
  P extends LazySchema | undefined = undefined,
  Q extends LazySchema | undefined = undefined,
  Public extends boolean = false,
>(
  spec: Spec<B, P, Q, Public>,
  run: (request: RouteRequest<Out<B>, Out<P>, Out<Q>, Public extends true ? Caller | null : Caller>) => Promise<unknown>,
): RouteHandler {
  const chain = middy<HttpEvent & WithCaller & WithInput, HttpResult>()
    .use(errorMapper())
    .use(callerContext(spec.public !== true))
    .use(parseInput({ body: spec.body, path: spec.path, query: spec.query, maxBodyBytes: spec.maxBodyBytes }))
    .handler(async (event) => {
      const result = await run({
        body: event.input.body as Out<B>,
        path: event.input.path as Out<P>,
        query: event.input.query as Out<Q>,
        caller: event.caller as Public extends true ? Caller | null : Caller,
        origin: originOf(event),
        sourceIp: event.requestContext.http.sourceIp,
        headers: event.headers ?? {},
      });
      return toHttpResult(result, spec.status ?? 200);
    });
  const described = { body: spec.body, path: spec.path, query: spec.query, public: spec.public === true, status: spec.status ?? 200 };
  return Object.assign(chain as unknown as RouteHandler, { spec: described });
}

function originOf(event: HttpEvent): string {
  const configured = process.env.PUBLIC_API_URL;
  if (configured) return configured.replace(/\/$/, '');
  const proto = event.headers?.['x-forwarded-proto'] ?? 'https';
  const host = event.headers?.host ?? event.requestContext.domainName;
  const stage = event.requestContext.stage;
  return `${proto}://${host}${stage && stage !== '$default' ? `/${stage}` : ''}`;
}
