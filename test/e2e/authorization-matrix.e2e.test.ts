import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer } from '../../local/token-issuer';
import type { LocalStack } from '../../local/stack';
import type { Access } from '../../shared/http/openapi/operation';
import { routeKey, type RouteSpec } from '../../shared/http/routes';
import { IcsServer } from '../support/ics-server';
import { ApiClient, startTestStack, uniqueEmail } from '../support/local-stack';
import { apiRoutes, aTenancy, describedBy, pathFor, queryFor, scopeOf, tableSnapshot, type Tenancy } from '../support/route-fixtures';

/**
 * The authorization matrix, generated from the route table and each route's access row (its
 * OpenAPI description): every route × every caller who must be refused, with the answer the
 * contract promises — and no refusal (nor a list) carrying anything of another tenant. A new
 * route is in the matrix the moment it is in the table; without its row, the suite fails.
 */
let stack: LocalStack;
let ics: IcsServer;
let world: Tenancy;
let before: string[];
const badTokens: Record<string, ApiClient> = {};

type Expected = { status: 401 | 403 | 404; code: string } | null;

const refused = (status: 401 | 403 | 404): Expected => ({ status, code: { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' }[status] });

/** What the program's own client is told on routes that are not theirs. */
const forOwnClient: Record<Access, Expected> = {
  public: null,
  signedIn: null,
  member: null,
  client: null,
  coach: refused(403),
  coachPrivate: refused(404),
};

/** A valid body, so that what decides the answer is access and not validation. */
const bodyFor = (route: RouteSpec) => describedBy(route).request?.example;

async function call(caller: ApiClient, route: RouteSpec) {
  return caller.send(route.method, `${pathFor(route, world.ids)}${queryFor(route)}`, bodyFor(route));
}

function expectRefused(response: { status: number; body: any }, expected: NonNullable<Expected>, label: string) {
  expect(response.status, `${label} → ${JSON.stringify(response.body)}`).toBe(expected.status);
  expect(response.body?.error?.code, label).toBe(expected.code);
  expect(typeof response.body?.error?.message, label).toBe('string');
}

function expectNothingOf(secrets: string[], response: { body: unknown }, label: string) {
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  for (const secret of secrets) expect(text, `${label} leaks ${secret}`).not.toContain(secret);
}

beforeAll(async () => {
  stack = await startTestStack();
  ics = await IcsServer.start();
  world = await aTenancy(stack, ics);
  const email = uniqueEmail('mallory');
  const now = Math.floor(Date.now() / 1000);
  const forger = await createTokenIssuer();
  const tokens = {
    'an expired token': stack.issuer.issue(email, { expiresAt: now - 60 }),
    'a token of another issuer': stack.issuer.issue(email, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SomeoneElse' }),
    'a token for another app client': stack.issuer.issue(email, { audience: 'another-app-client' }),
    'an access token': stack.issuer.issue(email, { tokenUse: 'access' }),
    'a token signed with another key': forger.issue(email),
  };
  for (const [label, issued] of Object.entries(tokens)) badTokens[label] = new ApiClient(stack.url, (await issued).token);
  badTokens['garbage for a token'] = new ApiClient(stack.url, 'not.a.jwt');
  badTokens['no token'] = new ApiClient(stack.url);
  before = await tableSnapshot(stack);
});
afterAll(async () => {
  await stack?.stop();
  await ics?.stop();
});

describe('the authorization matrix', () => {
  it('has a row for every route of the route table', () => {
    for (const route of apiRoutes) expect(() => describedBy(route), routeKey(route)).not.toThrow();
    for (const route of apiRoutes) expect(route.public === true, `${routeKey(route)}: public in the table iff its row says so`).toBe(describedBy(route).access === 'public');
  });

  it('refuses every token that is missing, expired, foreign, for another client, an access token or forged, on every route that needs one', async () => {
    const guarded = apiRoutes.filter((r) => !r.public);
    // Refusals write nothing, so each caller's requests may run side by side.
    for (const [label, caller] of Object.entries(badTokens)) {
      const responses = await Promise.all(guarded.map((route) => call(caller, route)));
      responses.forEach((response, i) => {
        const where = `${label}: ${routeKey(guarded[i]!)}`;
        expectRefused(response, refused(401)!, where);
        expectNothingOf([...world.secrets.programA, world.secrets.orgId], response, where);
      });
    }
  });

  it("answers another org's coach 404 on everything of this org, revealing nothing", async () => {
    // Public routes answer strangers by design; what they may show is their own rows' business.
    const scoped = apiRoutes.filter((r) => scopeOf(r) !== 'none' && !r.public);
    const responses = await Promise.all(scoped.map((route) => call(world.otherOrgCoach, route)));
    responses.forEach((response, i) => {
      expectRefused(response, refused(404)!, routeKey(scoped[i]!));
      expectNothingOf([...world.secrets.programA, world.secrets.orgId], response, routeKey(scoped[i]!));
    });
  });

  it("answers another program's client 404 on this program, 403 on the org's coach routes, and lists nothing of it", async () => {
    for (const route of apiRoutes.filter((r) => scopeOf(r) !== 'none' && !r.public)) {
      const access = describedBy(route).access;
      const expected = scopeOf(route) === 'program' ? refused(404) : access === 'coach' || access === 'coachPrivate' ? refused(access === 'coach' ? 403 : 404) : null;
      const response = await call(world.otherProgramClient, route);
      if (expected) expectRefused(response, expected, routeKey(route));
      else expect(response.status, `${routeKey(route)} → ${JSON.stringify(response.body)}`).toBeLessThan(300);
      expectNothingOf(world.secrets.programA, response, routeKey(route));
    }
  });

  it("refuses the program's own client on the coach's routes: 403, or 404 where even existence is private", async () => {
    let checked = 0;
    for (const route of apiRoutes.filter((r) => scopeOf(r) !== 'none')) {
      const expected = forOwnClient[describedBy(route).access];
      if (!expected) continue;
      const response = await call(world.client, route);
      expectRefused(response, expected, routeKey(route));
      expectNothingOf(['Private: considering'], response, routeKey(route));
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("refuses the coach on the client's own routes with 403", async () => {
    const clientRoutes = apiRoutes.filter((r) => describedBy(r).access === 'client');
    expect(clientRoutes.length).toBeGreaterThan(0);
    for (const route of clientRoutes) expectRefused(await call(world.coach, route), refused(403)!, routeKey(route));
  });

  it('left every record exactly as it was', async () => {
    expect(await tableSnapshot(stack)).toEqual(before);
    await stack.settle();
    expect(stack.ses.outbox('alex@example.com')).toEqual([]);
  });
});
