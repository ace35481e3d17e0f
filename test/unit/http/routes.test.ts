import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiFunctions, routes, routeKey, type ApiFunctionName } from '../../../shared/http/routes';
import type { ApiFunction } from '../../../shared/http/api-function';
import { matchRoute } from '../../../local/route-matcher';

describe('THE route table', () => {
  it('has no route twice', () => {
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is served exactly by the functions it names', async () => {
    for (const name of Object.keys(apiFunctions) as ApiFunctionName[]) {
      const entry = pathToFileURL(resolve(import.meta.dirname, '../../..', apiFunctions[name].entry)).href;
      const module = (await import(/* @vite-ignore */ entry)) as { handler: ApiFunction };
      const declared = routes.filter((r) => r.fn === name).map(routeKey).sort();
      expect([...module.handler.routeKeys].sort(), `function ${name}`).toEqual(declared);
    }
  });

  it('gives every public route a reason', () => {
    for (const route of routes) {
      if ('public' in route && route.public) expect(route.publicBecause.length).toBeGreaterThan(10);
    }
  });

  it('leads every request of each route to that route, with its parameters decoded, in the local gateway and the contract checks alike', () => {
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
      const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => `${name}%20%C3%A9`);
      expect(matchRoute(route.method.toLowerCase(), path), routeKey(route)).toEqual({ route, pathParameters: Object.fromEntries(names.map((n) => [n, `${n} é`])) });
    }
    expect(matchRoute('GET', '/orgs/o1/programs/p1/nowhere')).toBeNull();
    expect(matchRoute('PUT', '/health')).toBeNull();
  });
});
