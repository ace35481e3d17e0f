import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import type { ApiFunction } from '../../../shared/http/api-function';
import { openApiDocument } from '../../../shared/http/openapi/document';
import { operations } from '../../../shared/http/openapi/operations';
import { booking as bookingSchema } from '../../../shared/http/openapi/response-schemas';
import { apiFunctions, routeKey, routes, type ApiFunctionName, type RouteSpec } from '../../../shared/http/routes';
import { contractDocument, contractViolations, routeFor, schemaAt } from '../../support/openapi-contract';

const handlers = new Map<string, ApiFunction['handlers'][string]>();

beforeAll(async () => {
  for (const name of Object.keys(apiFunctions) as ApiFunctionName[]) {
    const entry = pathToFileURL(resolve(import.meta.dirname, '../../..', apiFunctions[name].entry)).href;
    const module = (await import(/* @vite-ignore */ entry)) as { handler: ApiFunction };
    for (const [key, handler] of Object.entries(module.handler.handlers)) handlers.set(key, handler);
  }
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, published open and checked closed', async () => {
    for (const document of [openApiDocument({ serverUrl: 'https://api.example.com' }), contractDocument]) {
      const validator = new Validator();
      const result = await validator.validate(document as never);
      expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
    }
  });

  it('describes every route of the route table, and nothing else', () => {
    const keys = routes.map(routeKey).sort();
    expect(Object.keys(operations).sort()).toEqual(keys);
    const documented = Object.entries(contractDocument.paths ?? {}).flatMap(([path, item]) => Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(keys);
  });

  it('describes each route with the very schemas its handler parses, and its default status', () => {
    for (const route of routes as readonly RouteSpec[]) {
      const key = routeKey(route);
      const spec = handlers.get(key)?.spec;
      const request = operations[key as keyof typeof operations].request ?? {};
      expect(spec, key).toBeDefined();
      expect(request.body, `${key} body`).toBe(spec?.body);
      expect(request.path, `${key} path`).toBe(spec?.path);
      expect(request.query, `${key} query`).toBe(spec?.query);
      expect(spec?.public, `${key} public`).toBe(route.public === true);
      expect(Object.keys(operations[key as keyof typeof operations].responses), key).toContain(String(spec?.status));
    }
  });

  it('gives every body an example its schema accepts', () => {
    for (const [key, doc] of Object.entries(operations)) {
      if (!doc.request?.body) continue;
      expect(doc.request.example, `${key} needs an example`).toBeDefined();
      const parsed = safeParse(doc.request.body(), doc.request.example);
      expect(parsed.success, `${key}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('gives every query with required parameters an example its schema accepts', () => {
    for (const [key, doc] of Object.entries(operations)) {
      const query = doc.request?.query;
      if (!query || safeParse(query(), {}).success) continue;
      const parsed = safeParse(query(), doc.request?.queryExample);
      expect(parsed.success, `${key} needs a valid queryExample: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('holds each component example to its own schema', () => {
    const components = contractDocument.components?.schemas ?? {};
    let checked = 0;
    for (const [name, schema] of Object.entries(components)) {
      const example = (schema as { example?: unknown }).example;
      if (example === undefined) continue;
      const validate = schemaAt(`/components/schemas/${name}`);
      expect(validate(example), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('marks public routes as needing no token, and says who may call every route', () => {
    for (const route of routes as readonly RouteSpec[]) {
      const op = (contractDocument.paths?.[route.path] as Record<string, Record<string, unknown>>)[route.method.toLowerCase()];
      expect(op?.security, routeKey(route)).toEqual(route.public ? [] : undefined);
      expect(op?.['x-rapport-access'] === 'public', routeKey(route)).toBe(route.public === true);
      expect(String(op?.description)).toContain('**Who:**');
    }
  });
});

describe('checking a response against the document', () => {
  const route = routeFor('GET', '/orgs/o1/programs/p1/bookings/b1');
  // The Booking component's own example (a test above holds it to its schema): a valid answer to change one thing in.
  const booking = bookingSchema.meta()?.example as Record<string, unknown>;
  const check = (status: number, body: unknown, contentType = 'application/json; charset=utf-8') =>
    contractViolations(route!, { status, contentType, body, text: JSON.stringify(body) });

  it('finds the route as the gateway does', () => {
    expect(route?.path).toBe('/orgs/{orgId}/programs/{programId}/bookings/{bookingId}');
    expect(routeFor('GET', '/health?x=1')?.path).toBe('/health');
    expect(routeFor('GET', '/_local/outbox')).toBeNull();
  });

  it('accepts what the document describes', () => {
    expect(check(200, booking)).toEqual([]);
    expect(check(404, { error: { code: 'not_found', message: 'Nothing here.' } })).toEqual([]);
  });

  it('refuses a missing field, an undescribed field, a wrong type, an unlisted status or error code, and the wrong media type', () => {
    const { status: _status, ...withoutStatus } = booking;
    expect(check(200, withoutStatus).join()).toMatch(/status/);
    expect(check(200, { ...booking, secret: 'x' }).join()).toMatch(/additional/);
    expect(check(200, { ...booking, start: 'tomorrow' }).join()).toMatch(/start/);
    expect(check(201, booking).join()).toMatch(/lists no 201/);
    expect(check(409, { error: { code: 'slot_unavailable', message: 'x' } }).join()).toMatch(/lists no 409/);
    expect(check(404, { error: { code: 'forbidden', message: 'x' } }).join()).toMatch(/allowed values/);
    expect(check(200, booking, 'text/html').join()).toMatch(/content-type/);
  });

  it('holds an answer to the headers its operation promises: Retry-After on every 429, ETag on the feed', () => {
    const feed = routeFor('GET', '/feeds/o1.secret')!;
    const limited = { status: 429, contentType: 'application/json', body: { error: { code: 'too_many_requests', message: 'Slow down.' } }, text: '{}' };
    expect(contractViolations(feed, { ...limited, headers: new Headers() }).join()).toMatch(/Retry-After/);
    expect(contractViolations(feed, { ...limited, headers: new Headers({ 'retry-after': '30' }) })).toEqual([]);
    const unchanged = { status: 304, contentType: '', body: '', text: '' };
    expect(contractViolations(feed, { ...unchanged, headers: new Headers({ 'cache-control': 'private, max-age=300' }) }).join()).toMatch(/ETag/);
    expect(contractViolations(feed, { ...unchanged, headers: new Headers({ etag: '"abc"', 'cache-control': 'private, max-age=300' }) })).toEqual([]);
  });
});
