import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { routes, type RouteSpec } from '../../shared/http/routes';
import { IcsServer } from '../support/ics-server';
import { ApiClient, startTestStack } from '../support/local-stack';
import { aCoachWithCalendar, aJoinedClient, aProgram } from '../support/scenarios-http';

/**
 * Privacy is the product: walks EVERY route of a program (from the route table, so none is
 * forgotten) as callers who must learn nothing — no token, another org's coach, the client of
 * another program of the same org, and the program's own client before it is published.
 */
let stack: LocalStack;
let ics: IcsServer;
let coach: ApiClient;
let orgId: string;
let programA: any;
let ids: Record<string, string>;
let callers: Record<'anonymous' | 'otherOrgCoach' | 'otherProgramClient' | 'clientBeforePublishing', ApiClient>;

/** A valid body for each route, so that what decides the answer is access, not validation. */
const bodies: Record<string, unknown> = {
  'PATCH /orgs/{orgId}/programs/{programId}': { name: 'Taken over' },
  'POST /orgs/{orgId}/programs/{programId}/publish': undefined,
  'POST /orgs/{orgId}/programs/{programId}/modules': { title: 'Intruder' },
  'PATCH /orgs/{orgId}/programs/{programId}/modules/{moduleId}': { title: 'Intruder' },
  'PUT /orgs/{orgId}/programs/{programId}/templates/{templateKind}': { questions: [{ prompt: 'Who are you?', type: 'text' }] },
  'PUT /orgs/{orgId}/programs/{programId}/homepage': { sections: [] },
  'POST /orgs/{orgId}/programs/{programId}/invites': { email: 'intruder@example.com' },
  'POST /orgs/{orgId}/programs/{programId}/messages': { body: 'hello' },
  'POST /orgs/{orgId}/programs/{programId}/resources': { title: 'x' },
  'PUT /orgs/{orgId}/programs/{programId}/activities/{activityId}/response': { answers: {} },
  'POST /orgs/{orgId}/programs/{programId}/modules/{moduleId}/action-items': { text: 'x' },
  'PATCH /orgs/{orgId}/programs/{programId}/action-items/{actionItemId}': { done: true },
  'POST /orgs/{orgId}/programs/{programId}/bookings': { start: '2026-12-10T10:00:00Z' },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/cancel': { reason: 'x' },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/reschedule': { start: '2026-12-11T10:00:00Z' },
  'POST /orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/approve': { reason: 'x' },
  'POST /orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/reject': { reason: 'x' },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/join': undefined,
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/no-show': undefined,
  'PUT /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes': { body: 'Read everything here.' },
  'POST /orgs/{orgId}/programs/{programId}/review-requests': undefined,
  'POST /orgs/{orgId}/programs/{programId}/reviews': { rating: 5, body: 'Glowing' },
};

/** Valid query strings, for routes that need one. */
const queries: Record<string, string> = {
  'GET /orgs/{orgId}/programs/{programId}/availability': '?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z',
};

const programRoutes = (routes as readonly RouteSpec[]).filter((r) => r.path.startsWith('/orgs/{orgId}/programs/{programId}'));

beforeAll(async () => {
  stack = await startTestStack();
  ics = await IcsServer.start();
  ({ coach, orgId } = await aCoachWithCalendar(stack, ics));
  programA = await aProgram(coach, orgId, { name: 'Program A' });
  const programB = await aProgram(coach, orgId, { name: 'Program B' });
  const urlA = `/orgs/${orgId}/programs/${programA.programId}`;
  const sessionModule = programA.sections[1].modules[0];
  const resource = await coach.post(`${urlA}/resources`, { title: 'Private notes' });
  const actionItem = await coach.post(`${urlA}/modules/${sessionModule.moduleId}/action-items`, { text: 'Secret plan' });
  ids = {
    orgId,
    programId: programA.programId,
    moduleId: sessionModule.moduleId,
    activityId: sessionModule.activities[0].activityId,
    resourceId: resource.body.resourceId,
    actionItemId: actionItem.body.actionItemId,
    templateKind: 'session_prep',
  };

  const other = await aCoachWithCalendar(stack, ics);
  const { client: otherProgramClient } = await aJoinedClient(stack, coach, orgId, programB.programId);
  const { client: clientBeforePublishing } = await aJoinedClient(stack, coach, orgId, programA.programId, { publish: false });
  const booking = await coach.post(`${urlA}/bookings`, { start: '2026-12-09T10:00:00Z' });
  ids.bookingId = booking.body.bookingId;
  await coach.put(`${urlA}/bookings/${ids.bookingId}/notes`, { body: 'Private: thinks about leaving the company.' });
  ids.requestId = '01KQ0000000000000000000000'; // any well-formed id: access is refused before it is looked up
  callers = { anonymous: coach.anonymous(), otherOrgCoach: other.coach, otherProgramClient, clientBeforePublishing };
});
afterAll(async () => {
  await stack.stop();
  await ics.stop();
});

const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? `missing-${name}`);

describe('isolation of a program', () => {
  it('has a valid body for every program route that takes one', () => {
    for (const route of programRoutes) {
      if (['POST', 'PUT', 'PATCH'].includes(route.method)) expect(Object.keys(bodies), `${route.method} ${route.path}`).toContain(`${route.method} ${route.path}`);
    }
    expect(programRoutes.length).toBeGreaterThan(15);
  });

  it.each(['anonymous', 'otherOrgCoach', 'otherProgramClient', 'clientBeforePublishing'] as const)('every program route refuses %s', async (who) => {
    for (const route of programRoutes) {
      const key = `${route.method} ${route.path}`;
      const response = await callers[who].send(route.method, `${fill(route.path)}${queries[key] ?? ''}`, bodies[key]);
      const expected = who === 'anonymous' ? 401 : 404;
      expect(response.status, `${who}: ${key} → ${JSON.stringify(response.body)}`).toBe(expected);
      expect(response.body.error.code).toBe(who === 'anonymous' ? 'unauthorized' : 'not_found');
    }
  });

  it('lists nothing of program A to anyone but its coach', async () => {
    expect((await callers.otherOrgCoach.get(`/orgs/${orgId}/programs`)).status).toBe(404);
    const othersList = await callers.otherProgramClient.get(`/orgs/${orgId}/programs`);
    expect(othersList.status).toBe(200);
    expect(JSON.stringify(othersList.body)).not.toContain(programA.programId);
    expect(JSON.stringify(othersList.body)).not.toContain('Program A');
    expect((await callers.clientBeforePublishing.get(`/orgs/${orgId}/programs`)).body.items).toEqual([]);
    expect((await callers.otherOrgCoach.get(`/orgs/${orgId}`)).status).toBe(404);
    expect((await callers.otherOrgCoach.get(`/orgs/${orgId}/schedules`)).status).toBe(404);
  });

  it('left program A exactly as it was', async () => {
    const after = (await coach.get(`/orgs/${orgId}/programs/${programA.programId}`)).body;
    expect(after.name).toBe('Program A');
    expect(after.status).toBe('draft');
    expect(after.sections).toEqual(programA.sections);
    const bookings = (await coach.get(`/orgs/${orgId}/programs/${programA.programId}/bookings`)).body.items;
    expect(bookings.map((b: any) => [b.bookingId, b.status, b.start])).toEqual([[ids.bookingId, 'confirmed', '2026-12-09T10:00:00Z']]);
    const notes = (await coach.get(`/orgs/${orgId}/programs/${programA.programId}/bookings/${ids.bookingId}/notes`)).body;
    expect(notes.body).toBe('Private: thinks about leaving the company.');
    const messages = (await coach.get(`/orgs/${orgId}/programs/${programA.programId}/messages`)).body.items;
    expect(messages).toHaveLength(1);
    await stack.settle();
    expect(stack.ses.outbox('intruder@example.com')).toEqual([]);
  });
});
