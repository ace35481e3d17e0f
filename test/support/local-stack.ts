import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { contractViolations, routeFor } from './openapi-contract';

/**
 * The local stack as `npm start` runs it, on a free port, with its own table in the run's
 * DynamoDB Local and a frozen clock that only moves when a test moves it.
 */
export async function startTestStack(options: { now?: string } = {}): Promise<LocalStack> {
  return startLocalStack({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `rapport-e2e-${randomUUID()}`,
    clock: { startAt: Date.parse(options.now ?? '2026-12-01T08:00:00Z'), frozen: true },
  });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A tiny HTTP client for one caller (or none), so tests read like what a frontend does. Every
 * answer from a route of the route table is checked against the OpenAPI document: a status the
 * operation does not list, or a body its schema refuses, fails the test that received it.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
    readonly userId: string | null = null,
  ) {}

  static async signIn(stack: LocalStack, email: string): Promise<ApiClient> {
    const { token, userId } = await stack.issuer.issue(email);
    return new ApiClient(stack.url, token, userId);
  }

  anonymous(): ApiClient {
    return new ApiClient(this.baseUrl);
  }

  get = <T = any>(path: string) => this.send<T>('GET', path);
  delete = <T = any>(path: string) => this.send<T>('DELETE', path);
  post = <T = any>(path: string, body?: unknown) => this.send<T>('POST', path, body);
  put = <T = any>(path: string, body?: unknown) => this.send<T>('PUT', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.send<T>('PATCH', path, body);

  async send<T = any>(method: string, path: string, body?: unknown, rawBody?: string): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = (type.includes('json') && text ? JSON.parse(text) : text) as T;
    const route = routeFor(method, path);
    if (route) {
      const violations = contractViolations(route, { status: response.status, contentType: type, body: parsed, text, headers: response.headers });
      if (violations.length > 0) throw new ContractMismatch(violations);
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}

export class ContractMismatch extends Error {
  constructor(readonly violations: string[]) {
    super(`The response does not match the OpenAPI document:\n  ${violations.join('\n  ')}`);
    this.name = 'ContractMismatch';
  }
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;
