import { routes, type RouteSpec } from '../shared/http/routes';

/** A request matched to THE route table, with its path parameters as API Gateway hands them (decoded). */
export interface RouteMatch {
  route: RouteSpec;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteSpec;
  pattern: RegExp;
  params: string[];
  literals: number;
}

/** Exact paths win over parameterised ones, as in API Gateway. */
const compiled: CompiledRoute[] = (routes as readonly RouteSpec[])
  .map((route) => {
    const params: string[] = [];
    const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
      params.push(name);
      return '([^/]+)';
    });
    return { route, pattern: new RegExp(`^${source}$`), params, literals: route.path.split('/').filter((s) => s && !s.startsWith('{')).length };
  })
  .sort((a, b) => b.literals - a.literals);

/**
 * The route a request reaches, as the local gateway picks it (and API Gateway does): `pathname` is
 * the URL's path without its query. The e2e contract check uses it too, so the two cannot disagree.
 */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  const wanted = method.toUpperCase();
  for (const c of compiled) {
    if (c.route.method !== wanted) continue;
    const m = c.pattern.exec(pathname);
    if (m) return { route: c.route, pathParameters: Object.fromEntries(c.params.map((name, i) => [name, safeDecode(m[i + 1] ?? '')])) };
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
