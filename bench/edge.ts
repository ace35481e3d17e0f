import type { Context } from 'aws-lambda';
import { apiRoute } from '../shared/http/api-route';
import type { HttpEvent } from '../shared/http/http-event';
import { createScheduleBody } from '../shared/http/schemas/schedules';
import { orgPath } from '../shared/http/schemas/common';
import { measure, type Measurement } from './harness';

/** The cost of the edge alone — middleware, zod parsing and error mapping — without any I/O. */
export async function edgeOverhead(): Promise<Measurement[]> {
  const body = JSON.stringify({
    name: 'Weekday coaching',
    timeZone: 'Europe/London',
    weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '09:00', end: '17:00' })),
    overrides: Array.from({ length: 30 }, (_, i) => ({ date: `2027-01-${String(i + 1).padStart(2, '0')}`, intervals: [] })),
  });
  const event = {
    version: '2.0',
    routeKey: 'POST /orgs/{orgId}/schedules',
    rawPath: '/orgs/abc/schedules',
    rawQueryString: '',
    headers: { host: 'api.example.com' },
    isBase64Encoded: false,
    pathParameters: { orgId: 'abc' },
    body,
    requestContext: { stage: '$default', domainName: 'api.example.com', authorizer: { jwt: { claims: { sub: 'u1', email: 'c@example.com' } } } },
  } as unknown as HttpEvent;
  const ok = apiRoute({ path: orgPath, body: createScheduleBody, status: 201 }, async ({ body: input }) => input);
  const bad = { ...event, body: JSON.stringify({ name: '', timeZone: 'Nowhere/Land', weekly: [{ day: 'x' }] }) } as HttpEvent;
  return [
    await measure('edge: valid schedule body (auth + parse + respond)', () => ok(event, {} as Context), { runs: 2000 }),
    await measure('edge: invalid schedule body (400 with details)', () => ok(bad, {} as Context), { runs: 2000 }),
  ];
}
