import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { routes, type RouteKey, type RouteSpec } from '../routes';
import type { OperationDoc, ResponseDoc } from './operation';
import { operations } from './operations';
import { errorBody } from './response-schemas';

export interface DocumentOptions {
  /** The API's base URL, e.g. `https://api.example.com`; left out, tools resolve paths against where they read the document. */
  serverUrl?: string;
  /**
   * Closed responses forbid fields the schemas do not name. The published document leaves them
   * open (the contract lets the API add fields); the end-to-end tests close them, so a field the
   * document does not describe fails a test.
   */
  closedResponses?: boolean;
}

export const API_TITLE = 'Rapport API';
export const API_VERSION = '1.0.0';

const overview = `Rapport is the backend of a one-to-one coaching practice: a coach sells session packages and each client gets a private program.

**Conventions.** JSON in and out. Instants are ISO 8601 in UTC with \`Z\` (\`2026-12-01T09:00:00Z\`); inputs may carry any offset. Calendar dates are \`YYYY-MM-DD\`, wall-clock times \`HH:mm\`, zones IANA names. Lists answer \`{items, nextCursor}\` and take \`?limit=\` (1–100) and \`?cursor=\`.

**Auth.** \`Authorization: Bearer <JWT>\`: a Cognito ID token (locally, one from \`POST /_local/token\`). Access is decided from stored memberships, never token groups: the org's **coach**, and a program's **client** once they have joined and it is published. Anything of another org or program answers 404, exactly as if it did not exist.

**Errors.** \`{"error": {"code", "message", "details"?}}\` with a stable snake_case \`code\`. 400 \`validation_failed\` names each bad field in \`details\`; 401 \`unauthorized\`; 403 \`forbidden\` (a member whose role may not do this); 404 \`not_found\`; 409, 410 and 422 with the codes listed on each operation. A 5xx is a bug and never carries internals.

**Compatibility.** Fields may be added to any response; none is renamed or removed within this version. Ignore fields you do not know.`;

const tagDescriptions: Record<string, string> = {
  System: 'Liveness and this description.',
  Identity: 'Who is signed in.',
  Orgs: "A coach's practice.",
  Schedules: 'When the coach can be booked.',
  Calendar: "The coach's own calendar (busy time) and their private feed of sessions.",
  Programs: "One client's private coaching space.",
  'Program editing': 'The coach shapes the program.',
  Joining: 'Inviting the client.',
  Messages: 'The private thread.',
  Resources: 'Links and notes for the client.',
  Worksheets: 'Intake, session prep and reflections.',
  'Action items': 'Commitments from sessions.',
  'Availability and bookings': 'Slots and booking them.',
  'Session lifecycle': 'Cancelling, moving, joining, no-shows and notes.',
  Outcomes: 'The program report and progress chart, reviews, and the practice’s analytics and coaching log.',
  'Intro calls': 'Free 15-minute calls prospects book without an account.',
};

const accessSentence: Record<OperationDoc['access'], string> = {
  public: 'No token needed.',
  signedIn: 'Any signed-in user.',
  coach: "The org's coach. A client of the org gets 403; anyone else 404.",
  coachPrivate: "The org's coach only; to anyone else, the client included, this does not exist (404).",
  client: "The program's client. The coach gets 403; anyone else 404.",
  member: "The program's coach or its client; anyone else gets 404.",
};

/** The OpenAPI 3.1 document of every route in the route table. */
export function openApiDocument(options: DocumentOptions = {}) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes as readonly RouteSpec[]) {
    const key = `${route.method} ${route.path}` as RouteKey;
    const doc = operations[key];
    if (!doc) throw new Error(`No OpenAPI description for ${key}: add it to shared/http/openapi/operations.ts`);
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route, doc) };
  }
  const document = createDocument({
    openapi: '3.1.0',
    info: { title: API_TITLE, version: API_VERSION, description: overview },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ cognito: [] }],
    tags: Object.entries(tagDescriptions).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token of the user pool (`token_use: id`, `aud` the app client). Access tokens are refused.',
        },
      },
    },
  });
  if (!options.closedResponses) openResponses(document);
  return document;
}

function operation(route: RouteSpec, doc: OperationDoc): ZodOpenApiOperationObject {
  const { request } = doc;
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: `${doc.description}\n\n**Who:** ${accessSentence[doc.access]}`,
    tags: [...doc.tags],
    'x-rapport-access': doc.access,
    ...(route.public ? { security: [] } : {}),
    ...(request?.path || request?.query || request?.headers
      ? {
          requestParams: {
            ...(request.path ? { path: request.path() as never } : {}),
            ...(request.query ? { query: request.query() as never } : {}),
            ...(request.headers ? { header: request.headers } : {}),
          },
        }
      : {}),
    ...(request?.body
      ? {
          requestBody: {
            required: !z.safeParse(request.body(), undefined).success,
            content: { 'application/json': { schema: request.body(), ...(request.example !== undefined ? { example: request.example } : {}) } },
          },
        }
      : {}),
    responses: responses(route, doc),
  } as ZodOpenApiOperationObject;
}

function responses(route: RouteSpec, doc: OperationDoc): ZodOpenApiResponsesObject {
  const result: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    const type = response.contentType ?? 'application/json';
    result[status as '200'] = {
      description: response.description,
      ...(response.schema ? { content: { [type]: { schema: response.schema } } } : response.contentType ? { content: { [type]: {} } } : {}),
      ...(response.headers ? { headers: headersObject(response.headers) } : {}),
    };
  }
  for (const [status, codes] of errorStatuses(route, doc)) {
    const key = String(status) as '400';
    const json = { 'application/json': { schema: status === 401 ? unauthorizedBody : errorResponse(codes) } };
    // A route that answers some refusals as a page of its own keeps that page beside the JSON shape.
    const own = result[key] as { description: string; content?: Record<string, unknown> } | undefined;
    const headers = status === 429 ? { headers: headersObject(RETRY_AFTER) } : {};
    result[key] = own
      ? { description: `${own.description} Refused before that: \`${codes.join('`, `')}\`.`, content: { ...own.content, ...json }, ...headers }
      : { description: `\`${codes.join('`, `')}\``, content: json, ...headers };
  }
  return result;
}

/** Every 429 says when trying again can succeed. */
const RETRY_AFTER: NonNullable<ResponseDoc['headers']> = {
  'Retry-After': { description: 'Whole seconds (at least 1) until the limit that was reached lets this request through again.', required: true },
};

const headersObject = (headers: NonNullable<ResponseDoc['headers']>) =>
  Object.fromEntries(
    Object.entries(headers).map(([name, header]) => [
      name,
      { description: header.description, required: header.required === true, schema: name === 'Retry-After' ? { type: 'integer' as const, minimum: 1 } : { type: 'string' as const } },
    ]),
  );

/** The 4xx answers of a route: those its shape implies, plus the ones its description lists. */
export function errorStatuses(route: Pick<RouteSpec, 'public'>, doc: OperationDoc): [number, string[]][] {
  const statuses = new Map<number, Set<string>>();
  const add = (status: number, code: string) => statuses.set(status, (statuses.get(status) ?? new Set()).add(code));
  if (doc.request?.body || doc.request?.query) add(400, 'validation_failed');
  if (!route.public) add(401, 'unauthorized');
  if (doc.access === 'coach' || doc.access === 'client') add(403, 'forbidden');
  if (doc.request?.path || (doc.access !== 'public' && doc.access !== 'signedIn')) add(404, 'not_found');
  for (const [status, codes] of Object.entries(doc.errors ?? {})) for (const code of codes) add(Number(status), code);
  return [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, codes]) => [status, [...codes]]);
}

const error = z.object({ error: errorBody }).meta({ id: 'Error', description: 'Every refusal has this shape.' });

/** The shared shape, narrowed to the codes this answer can carry (loose, so it only adds that constraint). */
const errorResponse = (codes: string[]) => z.intersection(error, z.looseObject({ error: z.looseObject({ code: z.enum(codes as [string, ...string[]]) }) }));

/**
 * Deployed, API Gateway's JWT authorizer refuses a bad token before any function runs and answers
 * its own `{"message":"Unauthorized"}`; a function refusing a token without the claims it needs
 * answers the contract's shape. The local gateway sends both fields.
 */
const unauthorizedBody = z
  .object({ message: z.string().optional(), error: errorBody.extend({ code: z.literal('unauthorized') }).optional() })
  .meta({ id: 'Unauthorized', description: 'From API Gateway: `{"message":"Unauthorized"}`; from the API itself: the error shape.' });

const operationId = (route: RouteSpec) =>
  route.method.toLowerCase() +
  route.path
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/[{}]/g, '').replace(/\.json$/, 'Json'))
    .map((segment) => segment.replace(/(^|[-_.])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase()))
    .join('');

/** Lets every response object carry fields the schema does not name (see `closedResponses`). */
function openResponses(document: ReturnType<typeof createDocument>) {
  const open = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(open);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.additionalProperties === false) delete record.additionalProperties;
    Object.values(record).forEach(open);
  };
  // Components are all response schemas: request schemas are inlined, and stay closed (unknown fields are refused).
  open(document.components?.schemas);
  for (const item of Object.values(document.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      if (op && typeof op === 'object' && 'responses' in op) open((op as { responses: unknown }).responses);
    }
  }
}
