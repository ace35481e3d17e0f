import type { HttpResult } from './http-event';

/** A handler's answer when it is not plain JSON with the route's default status. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = (status: number, body: unknown) => new Reply(status, body);

export const textReply = (status: number, text: string, contentType: string, headers: Record<string, string> = {}) =>
  new Reply(status, text, contentType, headers);

/** 304: the client's copy is current; no body, only the validators and caching headers. */
export const notModified = (headers: Record<string, string>) => new Reply(304, undefined, 'application/json', headers);

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function toHttpResult(result: unknown, defaultStatus: number): HttpResult {
  const r = result instanceof Reply ? result : new Reply(defaultStatus, result);
  const isJson = r.contentType === 'application/json';
  const hasBody = r.status !== 204 && r.body !== undefined;
  return {
    statusCode: r.status,
    headers: { ...SECURITY_HEADERS, ...(hasBody ? { 'content-type': isJson ? 'application/json; charset=utf-8' : r.contentType } : {}), ...r.headers },
    body: !hasBody ? '' : isJson ? JSON.stringify(r.body) : String(r.body),
  };
}
