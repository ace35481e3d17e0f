import fc from 'fast-check';
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { routeKey, type RouteSpec } from '../../shared/http/routes';
import { IcsServer } from '../support/ics-server';
import { ApiClient, startTestStack, type ApiResponse } from '../support/local-stack';
import { apiRoutes, aTenancy, describedBy, pathFor, queryFor, tableSnapshot, type Tenancy } from '../support/route-fixtures';

/**
 * Property tests over every route of the route table: hostile path parameters, query values and
 * bodies — impossible dates, huge and unicode strings, prototype keys, wrong types, broken JSON —
 * are always answered with a 4xx in the contract's error shape, never a 5xx, and change nothing.
 * Inputs the route's own schema would accept are not sent where they could write (fc.pre), so
 * every request that goes out must be refused. Runs are bounded to keep `npm test` quick;
 * PROPERTY_RUNS=200 PROPERTY_SEED=… explores further.
 */
const RUNS_PER_ROUTE = Number(process.env.PROPERTY_RUNS ?? 10);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261201);

let stack: LocalStack;
let ics: IcsServer;
let world: Tenancy;
let before: string[];

beforeAll(async () => {
  stack = await startTestStack();
  ics = await IcsServer.start();
  world = await aTenancy(stack, ics);
  before = await tableSnapshot(stack);
});
afterAll(async () => {
  await stack?.stop();
  await ics?.stop();
});

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const impossibleDates = ['2026-02-30', '2026-13-01', '0000-00-00', '2026-02-30T10:00:00Z', '2026-12-07T24:30:00Z', '2026-12-07T10:61:00Z', '2026-12-07T10:00:00+25:00', '+275760-09-13T00:00:00.001Z', '25:00', '10:60', '24:01'];

const hostileString = fc.oneof(
  fc.constantFrom(...prototypeKeys, ...impossibleDates, '%', '%00', '\u0000', '\u202e', 'null', 'undefined', 'NaN', '-1', '1e999', '<script>alert(1)</script>', "' OR 1=1 --"),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  // Long, but within what HTTP servers take in a request line (beyond that the server, not the API, answers 431).
  fc.constantFrom('x'.repeat(5000), '😀'.repeat(300)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom('😀'.repeat(30_000), 'é'.repeat(60_000)),
  fc.constantFrom(-1, 0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}, [null], { __proto__: null, admin: true }),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...prototypeKeys, 'a'), hostileString, { maxKeys: 2 }),
);

/** A JSON text whose parse may carry own `__proto__` keys, as API Gateway would hand it on. */
const jsonWith = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;

function bodyCases(example: unknown): fc.Arbitrary<string> {
  const fields = example && typeof example === 'object' ? Object.entries(example as Record<string, unknown>) : [];
  const cases: fc.Arbitrary<string>[] = [
    fc.constantFrom('{', '{"a":', "{'a':1}", 'undefined', 'NaN', '\u0000', '[1,]'),
    fc.constantFrom('[]', '"text"', '42', 'true', 'null', '[{}]'),
    fc.tuple(fc.oneof(fc.constantFrom(...prototypeKeys), hostileString), hostileValue).map(([key, value]) => jsonWith([[key, value], ...fields])),
  ];
  if (fields.length > 0) {
    cases.push(
      fc.tuple(fc.nat({ max: fields.length - 1 }), hostileValue).map(([i, value]) => jsonWith(fields.map(([k, v], j) => [k, j === i ? value : v]))),
    );
  }
  return fc.oneof(...cases);
}

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

// The request schemas are zod/mini and the rest classic zod: both are the core's $ZodObject.
const shapeKeys = (schema: z.core.$ZodType | undefined) => (schema instanceof z.core.$ZodObject ? Object.keys(schema._zod.def.shape) : []);

function expectErrorShape(response: ApiResponse, label: string, route?: RouteSpec) {
  expect(response.status, `${label} → ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label} → ${JSON.stringify(response.body)}`).toBeLessThan(500);
  // A link people click (GET /j/{token}) answers with a page; the document says so, and ApiClient checked it.
  const page = route ? describedBy(route).responses[response.status]?.contentType : undefined;
  if (page && !(response.headers.get('content-type') ?? '').includes('json')) return;
  expect(typeof response.body?.error?.code, label).toBe('string');
  expect(typeof response.body?.error?.message, label).toBe('string');
}

type Case = { kind: 'path'; name: string; value: string } | { kind: 'query'; entries: [string, string][] } | { kind: 'body'; text: string };

function casesFor(route: RouteSpec): fc.Arbitrary<Case> | null {
  const request = describedBy(route).request ?? {};
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const options: fc.Arbitrary<Case>[] = [];
  if (params.length > 0) {
    // `.` and `..` are resolved by URL parsing before any API sees them; every other value is ours.
    const value = hostileString.filter((v) => v !== '.' && v !== '..');
    options.push(fc.tuple(fc.constantFrom(...params), value).map(([name, v]) => ({ kind: 'path' as const, name, value: v })));
  }
  if (request.query) {
    const base = Object.entries(request.queryExample ?? {});
    const keys = [...shapeKeys(request.query()), ...prototypeKeys];
    options.push(
      fc.tuple(fc.oneof(fc.constantFrom(...keys), hostileString), hostileString).map(([key, v]) => ({ kind: 'query' as const, entries: [...base.filter(([k]) => k !== key), [key, v]] })),
    );
  }
  if (request.body) options.push(bodyCases(request.example).map((text) => ({ kind: 'body' as const, text })));
  return options.length > 0 ? fc.oneof(...options) : null;
}

/** Always tried, whatever the seed: prototype names as every path parameter and as a query key. */
function examplesFor(route: RouteSpec): [Case][] {
  const request = describedBy(route).request ?? {};
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const examples: [Case][] = params.flatMap((name) => ['toString', 'constructor', '__proto__'].map((value): [Case] => [{ kind: 'path', name, value }]));
  if (request.query) examples.push([{ kind: 'query', entries: [...Object.entries(request.queryExample ?? {}), ['__proto__', 'x']] }]);
  if (request.body) examples.push([{ kind: 'body', text: jsonWith([['__proto__', { admin: true }], ...Object.entries((request.example ?? {}) as object)]) }]);
  return examples;
}

function callerFor(route: RouteSpec): ApiClient {
  const access = describedBy(route).access;
  if (access === 'public') return world.coach.anonymous();
  return access === 'client' ? world.client : world.coach;
}

async function send(route: RouteSpec, input: Case): Promise<{ response: ApiResponse; expectation: 'refused' | 'not_found' | 'validation' }> {
  const request = describedBy(route).request ?? {};
  const caller = callerFor(route);
  const validBody = request.example === undefined ? undefined : JSON.stringify(request.example);
  if (input.kind === 'path') {
    const path = `${pathFor(route, world.ids, { [input.name]: input.value })}${queryFor(route)}`;
    return { response: await caller.send(route.method, path, undefined, validBody), expectation: 'not_found' };
  }
  if (input.kind === 'query') {
    const query = new URLSearchParams(input.entries).toString();
    const accepted = z.safeParse(request.query!(), Object.fromEntries(input.entries)).success;
    // A query the schema accepts may still name nothing; on a route that writes it is not sent.
    fc.pre(!accepted || route.method === 'GET');
    const response = await caller.send(route.method, `${pathFor(route, world.ids)}?${query}`, undefined, validBody);
    return { response, expectation: accepted ? 'refused' : 'validation' };
  }
  const parsed = parseJson(input.text);
  fc.pre(!parsed.ok || !z.safeParse(request.body!(), parsed.value).success);
  return { response: await caller.send(route.method, `${pathFor(route, world.ids)}${queryFor(route)}`, undefined, input.text), expectation: 'validation' };
}

describe('hostile input on every route', () => {
  const fuzzed = apiRoutes.filter((route) => casesFor(route) !== null);

  it('covers every route that takes any input', () => {
    const untouched = apiRoutes.filter((route) => !fuzzed.includes(route)).map(routeKey);
    // Routes with no path, query or body have nothing to be hostile with.
    for (const key of untouched) expect(describedBy(apiRoutes.find((r) => routeKey(r) === key)!).request ?? {}, key).toEqual({});
    expect(fuzzed.length).toBeGreaterThan(40);
  });

  it.each(fuzzed.map((route) => [routeKey(route), route] as const))('%s: always a 4xx in the error shape, never a 5xx', async (key, route) => {
    await fc.assert(
      fc.asyncProperty(casesFor(route)!, async (input) => {
        const { response, expectation } = await send(route, input);
        const label = `${key} with ${JSON.stringify(input).slice(0, 300)}`;
        if (expectation === 'refused') {
          // Accepted by the schema on a read: it may find nothing, or an empty page, but never fail.
          expect(response.status, `${label} → ${JSON.stringify(response.body)}`).toBeLessThan(500);
          if (response.status >= 400) expectErrorShape(response, label, route);
          return;
        }
        expectErrorShape(response, label, route);
        // A rate-limited public route may answer 429 first; a path that names nothing is otherwise a 404.
        if (expectation === 'not_found') expect(describedBy(route).errors?.[429] ? [404, 429] : [404], label).toContain(response.status);
        if (expectation === 'validation' && response.status === 413 && describedBy(route).errors?.[413]) return;
        if (expectation === 'validation') {
          expect(response.status, `${label} → ${JSON.stringify(response.body)}`).toBe(400);
          expect(response.body.error.code).toBe('validation_failed');
          expect(response.body.error.details?.length, label).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true, examples: examplesFor(route) },
    );
  });

  it('changed no record', async () => {
    expect(await tableSnapshot(stack)).toEqual(before);
  });
});
