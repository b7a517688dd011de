import type { ApiResponse } from './http-types';
import type { Realm } from './model';
import type { PixelStore } from './store';

/** Everything a route handler needs about one authenticated request. */
export interface RequestContext {
  method: string;
  url: URL;
  /** Numeric path parameters, e.g. `{ id: 12 }` for `/v1/networks/pixels/:id`. */
  params: Record<string, number>;
  /** The parsed JSON body (undefined when there was none). */
  body: unknown;
  realm: Realm;
  /** The caller's partner id (affiliate realm), 0 for network keys. */
  partnerId: number;
  store: PixelStore;
}

/** A route handler: synchronous, since the store is in memory. */
export type Handler = (ctx: RequestContext) => ApiResponse;

/** One route: method, a path pattern with `:name` numeric parameters, and its handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: Handler;
}

/** The result of matching a path against the route table. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, number> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

function matchPattern(pattern: string, path: string): Record<string, number> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, number> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index] ?? '';
    if (part.startsWith(':')) {
      if (!/^\d{1,15}$/.test(actual)) return undefined;
      params[part.slice(1)] = Number(actual);
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}

/** Find the route for a method and path; a trailing slash is ignored. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.path, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
}
