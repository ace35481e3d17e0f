/**
 * THE route table. The CDK stack creates API Gateway routes from it, the local gateway serves it,
 * and the OpenAPI document is generated from it. Each route names the Lambda function (`fn`) that
 * serves it; a function serves a whole resource and dispatches on the route key.
 *
 * Nothing here imports handler code, so CDK can read it without bundling the runtime.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteBase {
  method: HttpMethod;
  path: string;
  fn: ApiFunctionName;
  /** A one-line description, reused by the OpenAPI document. */
  summary: string;
}

/** Public routes skip the JWT authorizer; each says why it may (the reason is also given to cdk-nag). */
export type RouteSpec = RouteBase & ({ public?: undefined } | { public: true; publicBecause: string });

/** What each API function may touch; CDK turns this into least-privilege IAM. */
export interface ApiFunctionSpec {
  entry: string;
  table: 'read' | 'readWrite' | 'none';
  sendsEmail?: true;
  managesSchedules?: true;
  /** Fetches coaches' ICS feeds over the internet. */
  fetchesCalendars?: true;
}

export const apiFunctions = {
  system: { entry: 'functions/api/system.ts', table: 'none' },
  identity: { entry: 'functions/api/identity.ts', table: 'read' },
  orgs: { entry: 'functions/api/orgs.ts', table: 'readWrite' },
  schedules: { entry: 'functions/api/schedules.ts', table: 'readWrite' },
} as const satisfies Record<string, ApiFunctionSpec>;

export type ApiFunctionName = keyof typeof apiFunctions;

export const routes = [
  {
    method: 'GET',
    path: '/health',
    fn: 'system',
    public: true,
    publicBecause: 'A liveness probe for monitors; it reads nothing and reveals nothing.',
    summary: 'Liveness check',
  },

  { method: 'GET', path: '/me', fn: 'identity', summary: 'The caller and their memberships' },

  { method: 'POST', path: '/orgs', fn: 'orgs', summary: 'Create an org; the caller becomes its coach' },
  { method: 'GET', path: '/orgs/{orgId}', fn: 'orgs', summary: 'Read an org' },
  { method: 'PATCH', path: '/orgs/{orgId}', fn: 'orgs', summary: 'Update an org' },

  { method: 'POST', path: '/orgs/{orgId}/schedules', fn: 'schedules', summary: 'Create an availability schedule' },
  { method: 'GET', path: '/orgs/{orgId}/schedules', fn: 'schedules', summary: 'List availability schedules' },
  { method: 'GET', path: '/orgs/{orgId}/schedules/{scheduleId}', fn: 'schedules', summary: 'Read a schedule' },
  { method: 'PATCH', path: '/orgs/{orgId}/schedules/{scheduleId}', fn: 'schedules', summary: 'Update a schedule' },
] as const satisfies readonly RouteSpec[];

type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;

/** Route keys as API Gateway puts them in `event.routeKey`, e.g. `PATCH /orgs/{orgId}`. */
export type RouteKey = KeyOf<(typeof routes)[number]>;

/** The route keys one function must serve: its dispatch table is checked against this at compile time. */
export type RouteKeyOf<F extends ApiFunctionName> = KeyOf<Extract<(typeof routes)[number], { fn: F }>>;

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;
