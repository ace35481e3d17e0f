import { emailAddress } from '../shared/http/schemas/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { HttpEvent, HttpResult } from '../shared/http/http-event';
import type { ApiFunctionName, RouteSpec } from '../shared/http/routes';
import { matchRoute } from './route-matcher';
import { edgeParse, zodDetails } from '../shared/http/zod-details';
import { formatInstant } from '../shared/domain/time/instant';
import type { WireRequest, WireResponse } from './aws-wire';
import { docsAssets, docsHtml, docsInitScript, readDocsAsset } from './docs-page';
import { scheduledFunctions, type ScheduledFunctionName } from '../shared/runtime/scheduled-functions';
import { failureKinds, type FailureKind } from '../shared/runtime/failure-kinds';
import { outboxRepository } from '../shared/runtime/deps';
import { listFailedEntries, retryFailedEntries } from '../shared/use-cases/outbox/failed-entries';
import type { LocalClock } from './local-clock';
import type { LocalLambda } from './local-lambda';
import type { LocalQueues } from './local-queues';
import { ClockMoveRefused, type LocalScheduler } from './local-scheduler';
import type { LocalSes } from './local-ses';
import type { LocalEventBus } from './local-event-bus';
import type { TokenIssuer } from './token-issuer';

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export interface GatewayDeps {
  issuer: TokenIssuer;
  clock: LocalClock;
  ses: LocalSes;
  events: LocalEventBus;
  scheduler: LocalScheduler;
  queues: LocalQueues;
  lambda: LocalLambda;
  /** Finishes the work already committed, so the outbox and schedules shown are complete. */
  settle: () => Promise<void>;
  /** Loads the Lambda entry of an API function (the same module CDK bundles). */
  loadFunction: (fn: ApiFunctionName) => Promise<LambdaHandler>;
  onRequest?: (line: string) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The local API Gateway: it serves every route of THE route table by building payload-v2 events and
 * calling the same handlers in-process, checks tokens as the JWT authorizer would, and serves the
 * `/_local/*` routes and the local AWS stand-ins (`/_aws/ses`, `/_aws/scheduler`, `/_aws/events`, …).
 */
export function createGateway(deps: GatewayDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    let status = 500;
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const body = await readBody(req);
      const result = await route(deps, req, url, body);
      status = result.status;
      res.writeHead(result.status, { ...corsHeaders(req), ...result.headers });
      res.end(result.body);
    } catch (error) {
      status = error instanceof BodyTooLarge ? 413 : 500;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error:
            status === 413
              ? { code: 'payload_too_large', message: 'The request body is larger than 1 MB.' }
              : { code: 'internal_error', message: 'The local gateway failed; see its console.' },
        }),
      );
      if (status === 500) console.error(error);
    } finally {
      // The app's own calls to the local AWS stand-ins are plumbing, not requests worth a line.
      if (!req.url?.startsWith('/_aws/')) deps.onRequest?.(`${req.method} ${req.url} → ${status} (${Date.now() - started} ms)`);
    }
  };
}

async function route(deps: GatewayDeps, req: IncomingMessage, url: URL, body: string): Promise<WireResponse> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;

  if (method === 'OPTIONS') return { status: 204, body: '' };
  if (path.startsWith('/_aws/ses/')) return deps.ses.handle(wire(method, path.slice('/_aws/ses'.length), url, body));
  if (path.startsWith('/_aws/scheduler/')) return deps.scheduler.handle(wire(method, path.slice('/_aws/scheduler'.length), url, body));
  if (path.startsWith('/_aws/sqs')) return deps.queues.handle(wire(method, path.slice('/_aws/sqs'.length), url, body), String(req.headers['x-amz-target'] ?? ''));
  if (path.startsWith('/_aws/events')) return deps.events.handle(wire(method, path.slice('/_aws/events'.length), url, body), String(req.headers['x-amz-target'] ?? ''));
  if (path.startsWith('/_aws/lambda/')) return deps.lambda.handle(wire(method, path.slice('/_aws/lambda'.length), url, body, req));
  if (path.startsWith('/_local/')) return localRoute(deps, method, path, url, body);
  if (method === 'GET' && (path === '/docs' || path.startsWith('/docs/'))) return docsRoute(path);

  const hit = matchRoute(method, path);
  if (!hit) return json(404, { error: { code: 'not_found', message: 'No route matches this method and path.' } });
  const { route: matched, pathParameters } = hit;

  let claims: Record<string, unknown> | null = null;
  if (!matched.public) {
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    claims = token ? await deps.issuer.verify(token) : null;
    if (!claims) {
      // API Gateway's JWT authorizer answers 401 before any Lambda runs.
      return json(401, { message: 'Unauthorized', error: { code: 'unauthorized', message: 'A valid token is required.' } });
    }
  }

  const event = buildEvent(req, url, method, matched, pathParameters, body, claims);
  const handler = await deps.loadFunction(matched.fn);
  const result = await handler(event, lambdaContext(matched.fn));
  return { status: result.statusCode, headers: stringHeaders(result.headers), body: result.body ?? '' };
}

function buildEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  route: RouteSpec,
  pathParameters: Record<string, string>,
  body: string,
  claims: Record<string, unknown> | null,
): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  headers['x-forwarded-proto'] = 'http';
  // Own properties even for names like `__proto__`, as API Gateway's JSON event carries them (a plain
  // assignment would set the prototype and the parameter would vanish before validation saw it).
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    const joined = Object.hasOwn(query, name) ? `${query[name]},${value}` : value;
    Object.defineProperty(query, name, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  const now = new Date();
  const routeKey = `${route.method} ${route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    body: body === '' ? undefined : body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // The JWT authorizer hands claims on as strings.
      ...(claims ? { authorizer: { jwt: { claims: stringClaims(claims), scopes: null } } } : {}),
    },
  } as HttpEvent;
}

const tokenBody = z.strictObject({ email: emailAddress(), emailVerified: z.boolean().optional(), tokenUse: z.enum(['id', 'access']).optional() });
const clockBody = z.union([
  z.strictObject({ advanceMinutes: z.number().int().min(0).max(60 * 24 * 366) }),
  z.strictObject({ to: z.iso.datetime({ offset: true }) }),
]);
const mailFeedbackBody = z.strictObject({ email: z.email(), type: z.enum(['bounce', 'transient_bounce', 'complaint']) });
/** One failed outbox entry, or every one when empty. */
const retryBody = z.strictObject({ pk: z.string().min(1).optional(), entryId: z.string().min(1).optional() }).refine((b) => !b.pk === !b.entryId, 'Give both pk and entryId, or neither.');

const faultsBody = z.strictObject({
  ses: z.boolean().optional(),
  scheduler: z.boolean().optional(),
  events: z.boolean().optional(),
  /** Scheduled functions that fail every run until the list is set again. */
  functions: z.array(z.enum(Object.keys(scheduledFunctions) as [ScheduledFunctionName, ...ScheduledFunctionName[]])).optional(),
});

async function localRoute(deps: GatewayDeps, method: string, path: string, url: URL, body: string): Promise<WireResponse> {
  const key = `${method} ${path}`;
  switch (key) {
    case 'POST /_local/token': {
      const parsed = parseJson(body, tokenBody);
      if ('error' in parsed) return parsed.error;
      return json(200, await deps.issuer.issue(parsed.data.email, { emailVerified: parsed.data.emailVerified, tokenUse: parsed.data.tokenUse }));
    }
    case 'GET /_local/outbox':
      await deps.settle();
      return json(200, { items: deps.ses.outbox(url.searchParams.get('to') ?? undefined) });
    case 'GET /_local/events':
      await deps.settle();
      return json(200, { items: deps.events.events });
    case 'GET /_local/outbox/failed':
      return json(200, { items: await listFailedEntries({ outbox: outboxRepository(), clock: deps.clock }) });
    case 'POST /_local/outbox/failed/retry': {
      const parsed = parseJson(body || '{}', retryBody);
      if ('error' in parsed) return parsed.error;
      const which = parsed.data.pk && parsed.data.entryId ? { pk: parsed.data.pk, entryId: parsed.data.entryId } : 'all';
      return json(200, await retryFailedEntries({ outbox: outboxRepository(), clock: deps.clock }, which));
    }
    case 'GET /_local/clock':
      return json(200, { now: formatInstant(deps.clock.now()), frozen: deps.clock.frozen });
    case 'POST /_local/clock': {
      const parsed = parseJson(body, clockBody);
      if ('error' in parsed) return parsed.error;
      let fired;
      try {
        // The target is worked out in the move's own turn, so moves sent at once add up.
        fired = await deps.scheduler.advance('to' in parsed.data ? { to: Date.parse(parsed.data.to) } : { minutes: parsed.data.advanceMinutes });
      } catch (error) {
        if (!(error instanceof ClockMoveRefused)) throw error;
        return json(400, {
          error: { code: 'validation_failed', message: 'The local clock only moves forward.', details: [{ field: 'to', message: `Must not be before the current local time, ${formatInstant(error.now)}.` }] },
        });
      }
      return json(200, { now: formatInstant(deps.clock.now()), fired });
    }
    case 'GET /_local/schedules':
      await deps.settle();
      return json(200, {
        items: deps.scheduler.pending().map((s) => ({
          name: s.name,
          group: s.group,
          at: formatInstant(s.at),
          target: s.targetArn.split(':').at(-1) ?? s.targetArn,
          input: safeJson(s.input),
        })),
      });
    case 'POST /_local/faults': {
      const parsed = parseJson(body, faultsBody);
      if ('error' in parsed) return parsed.error;
      if (parsed.data.ses !== undefined) deps.ses.failing = parsed.data.ses;
      if (parsed.data.scheduler !== undefined) deps.scheduler.failing = parsed.data.scheduler;
      if (parsed.data.events !== undefined) deps.events.failing = parsed.data.events;
      if (parsed.data.functions !== undefined) {
        deps.lambda.failing.clear();
        for (const name of parsed.data.functions) deps.lambda.failing.add(name);
      }
      return json(200, { ses: deps.ses.failing, scheduler: deps.scheduler.failing, events: deps.events.failing, functions: [...deps.lambda.failing] });
    }
    case 'POST /_local/mail-feedback': {
      // What SES publishes for the configuration set when a recipient bounces or complains.
      const parsed = parseJson(body, mailFeedbackBody);
      if ('error' in parsed) return parsed.error;
      const { email, type } = parsed.data;
      const sesEvent =
        type === 'complaint'
          ? { eventType: 'Complaint', complaint: { complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: email }] } }
          : { eventType: 'Bounce', bounce: { bounceType: type === 'bounce' ? 'Permanent' : 'Transient', bounceSubType: type === 'bounce' ? 'General' : 'MailboxFull', bouncedRecipients: [{ emailAddress: email }] } };
      const now = new Date(deps.clock.now()).toISOString();
      const snsEvent = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', Sns: { Type: 'Notification', MessageId: randomUUID(), Timestamp: now, Message: JSON.stringify({ ...sesEvent, mail: { timestamp: now, destination: [email] } }) } }] };
      const outcome = await deps.lambda.invokeAsync('mailFeedback', snsEvent);
      return json(outcome.error ? 500 : 202, { delivered: !outcome.error });
    }
    case 'GET /_local/failures':
      await deps.settle();
      return json(
        200,
        Object.fromEntries(
          (Object.keys(failureKinds) as FailureKind[]).map((kind) => [kind, { queueUrl: deps.queues.url(kind), messages: deps.queues.messages(kind).map((m) => ({ body: safeJson(m.body), attributes: m.attributes })) }]),
        ),
      );
    default:
      return json(404, { error: { code: 'not_found', message: 'No local route matches this method and path.' } });
  }
}

/** The docs page (not an API route: deployed, it is static files, see `npm run openapi`). */
async function docsRoute(path: string): Promise<WireResponse> {
  const name = path.slice('/docs/'.length);
  if (path === '/docs' || name === '') return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: docsHtml({ assetBase: '/docs/', specUrl: '/openapi.json' }) };
  if (name === 'docs-init.js') return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: docsInitScript('/openapi.json') };
  const type = Object.hasOwn(docsAssets, name) ? docsAssets[name] : undefined;
  if (!type) return json(404, { error: { code: 'not_found', message: 'No such file of the docs page.' } });
  return { status: 200, headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' }, body: await readDocsAsset(name) };
}

function parseJson<T>(body: string, schema: z.ZodType<T>): { data: T } | { error: WireResponse } {
  let value: unknown;
  try {
    value = body === '' ? undefined : JSON.parse(body);
  } catch {
    return { error: json(400, { error: { code: 'validation_failed', message: 'The body is not valid JSON.', details: [{ field: 'body', message: 'The body is not valid JSON.' }] } }) };
  }
  const parsed = schema.safeParse(value, edgeParse);
  if (!parsed.success) {
    return { error: json(400, { error: { code: 'validation_failed', message: 'Some fields are missing or invalid.', details: zodDetails(parsed.error.issues) } }) };
  }
  return { data: parsed.data };
}

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

const wire = (method: string, path: string, url: URL, body: string, req?: IncomingMessage): WireRequest => ({
  method,
  path,
  query: url.searchParams,
  body,
  headers: req ? Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])) : undefined,
});

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization,content-type',
    'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-max-age': '600',
  };
}

function stringHeaders(headers: HttpResult['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}

function stringClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function lambdaContext(fn: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `rapport-${fn}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:rapport-${fn}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/rapport-${fn}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
