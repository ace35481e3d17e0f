import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { conflict } from '../../../shared/domain/errors';
import { apiFunction } from '../../../shared/http/api-function';
import { apiRoute } from '../../../shared/http/api-route';
import type { HttpEvent } from '../../../shared/http/http-event';

const context = {} as Context;

function event(overrides: Partial<HttpEvent> & { claims?: Record<string, string> } = {}): HttpEvent {
  const { claims, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'POST /things/{thingId}',
    rawPath: '/things/abc',
    rawQueryString: '',
    headers: { host: 'api.example.com', 'x-forwarded-proto': 'https' },
    isBase64Encoded: false,
    pathParameters: { thingId: 'abc' },
    requestContext: {
      http: { method: 'POST', path: '/things/abc' },
      stage: '$default',
      domainName: 'api.example.com',
      ...(claims ? { authorizer: { jwt: { claims } } } : {}),
    } as HttpEvent['requestContext'],
    ...rest,
  } as HttpEvent;
}

const signedIn = { claims: { sub: 'user-1', email: 'Coach@Example.com', email_verified: 'true', token_use: 'id' } };

const route = apiRoute(
  { path: () => z.object({ thingId: z.string().regex(/^[a-z]+$/) }), body: () => z.strictObject({ size: z.number().int().min(1) }), status: 201 },
  async ({ caller, path, body, origin }) => ({ caller, path, body, origin }),
);

const parseBody = (result: { body: string }) => JSON.parse(result.body) as any;

describe('apiRoute', () => {
  it('hands the use case the typed input, the caller from the claims and the origin', async () => {
    const result = await route(event({ ...signedIn, body: '{"size":3}' }), context);
    expect(result.statusCode).toBe(201);
    expect(parseBody(result)).toEqual({
      caller: { userId: 'user-1', email: 'coach@example.com' },
      path: { thingId: 'abc' },
      body: { size: 3 },
      origin: 'https://api.example.com',
    });
  });

  it('answers 401 in the contract shape when the claims are missing', async () => {
    const result = await route(event({ body: '{"size":3}' }), context);
    expect(result.statusCode).toBe(401);
    expect(parseBody(result)).toEqual({ error: { code: 'unauthorized', message: 'Sign in to continue.' } });
  });

  it('refuses an address Cognito has not verified, and an access token, with 401', async () => {
    const unverified = await route(event({ claims: { ...signedIn.claims, email_verified: 'false' }, body: '{"size":3}' }), context);
    expect(unverified.statusCode).toBe(401);
    expect(parseBody(unverified).error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Confirm your email') });
    const noClaim = await route(event({ claims: { sub: 'user-1', email: 'a@b.co', token_use: 'id' }, body: '{"size":3}' }), context);
    expect(noClaim.statusCode).toBe(401);
    // An access token has no email; API Gateway's authorizer lets it through, the API does not.
    const access = await route(event({ claims: { sub: 'user-1', token_use: 'access', client_id: 'web', scope: 'aws.cognito.signin.user.admin' }, body: '{"size":3}' }), context);
    expect(access.statusCode).toBe(401);
    expect(parseBody(access).error.message).toContain('ID token');
  });

  it('answers 400 naming each bad field, and 400 for a body that is not JSON', async () => {
    const bad = await route(event({ ...signedIn, body: '{"size":0,"colour":"red"}' }), context);
    expect(bad.statusCode).toBe(400);
    expect(parseBody(bad).error.code).toBe('validation_failed');
    expect(parseBody(bad).error.details).toEqual([
      { field: 'size', message: 'Must be at least 1.' },
      { field: 'colour', message: 'Unknown field.' },
    ]);
    const broken = await route(event({ ...signedIn, body: '{"size":' }), context);
    expect(broken.statusCode).toBe(400);
    expect(parseBody(broken).error.details).toEqual([{ field: 'body', message: 'The body is not valid JSON.' }]);
    const missing = await route(event({ ...signedIn }), context);
    expect(parseBody(missing).error.details).toEqual([{ field: 'body', message: 'A JSON body is required.' }]);
  });

  it('answers 404 for a path parameter that cannot name anything', async () => {
    const result = await route(event({ ...signedIn, pathParameters: { thingId: 'NOT#valid' }, body: '{"size":1}' }), context);
    expect(result.statusCode).toBe(404);
  });

  it('maps typed errors to their status and code, and hides everything else behind a 500', async () => {
    const failing = apiRoute({}, async () => {
      throw conflict('slot_unavailable', 'That time was just taken.');
    });
    const r1 = await failing(event(signedIn), context);
    expect(r1.statusCode).toBe(409);
    expect(parseBody(r1)).toEqual({ error: { code: 'slot_unavailable', message: 'That time was just taken.' } });

    const crashing = apiRoute({}, async () => {
      throw new Error('ECONNRESET at 10.0.0.12:443 secret-table-name');
    });
    const r2 = await crashing(event(signedIn), context);
    expect(r2.statusCode).toBe(500);
    expect(r2.body).not.toContain('secret-table-name');
    expect(parseBody(r2).error.code).toBe('internal_error');
  });

  it('lets public routes run without a caller', async () => {
    const open = apiRoute({ public: true }, async ({ caller }) => ({ caller }));
    const result = await open(event(), context);
    expect(parseBody(result)).toEqual({ caller: null });
  });
});

describe('apiFunction', () => {
  it('dispatches on the route key and answers 404 for a key it does not serve', async () => {
    const fn = apiFunction('system', { 'GET /health': apiRoute({ public: true }, async () => ({ ok: true })) });
    const ok = await fn(event({ routeKey: 'GET /health' }), context);
    expect(ok.statusCode).toBe(200);
    const unknown = await fn(event({ routeKey: 'GET /nope' }), context);
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('not_found');
  });
});

describe('a correlation id for every request', () => {
  it("answers API Gateway's request id, or the caller's own x-correlation-id when it is a sane one", async () => {
    const { handler } = await import('../../../functions/api/system');
    const health = (headers: Record<string, string>) =>
      handler(event({ routeKey: 'GET /health', headers, requestContext: { requestId: 'req-123', http: { method: 'GET', path: '/health' } } as HttpEvent['requestContext'] }), context);
    expect((await health({})).headers?.['x-correlation-id']).toBe('req-123');
    expect((await health({ 'x-correlation-id': 'web-7f3a' })).headers?.['x-correlation-id']).toBe('web-7f3a');
    expect((await health({ 'x-correlation-id': 'no spaces <or> markup' })).headers?.['x-correlation-id']).toBe('req-123');
  });
});
