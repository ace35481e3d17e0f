import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../local/dynamodb-local';
import type { LocalStack } from '../../local/stack';
import { operations } from '../../shared/http/openapi/operations';
import type { OperationDoc } from '../../shared/http/openapi/operation';
import { routeKey, routes, type RouteKey, type RouteSpec } from '../../shared/http/routes';
import type { IcsServer } from './ics-server';
import type { ApiClient } from './local-stack';
import { aCoachWithCalendar, aJoinedClient, aProgram } from './scenarios-http';

/**
 * One world for the suites generated from the route table: two orgs, and in org A two programs,
 * each with its own joined client; program A holds a session, private notes, a resource and an
 * action item. Every path parameter of the route table gets a real id of program A here, or a
 * well-formed id of nothing (a new kind of parameter fails `pathFor` until it is added).
 */
export interface Tenancy {
  coach: ApiClient;
  client: ApiClient;
  otherProgramClient: ApiClient;
  otherOrgCoach: ApiClient;
  ids: Record<string, string>;
  /** Text and ids of program A that no other tenant may ever read. */
  secrets: { orgId: string; programA: string[] };
}

export const PROGRAM_A_NAME = 'Program A — confidential';
const NOTES = 'Private: considering a move to another company.';
const NOTHING = '01KQ0000000000000000000000';

export async function aTenancy(stack: LocalStack, ics: IcsServer): Promise<Tenancy> {
  const { coach, orgId } = await aCoachWithCalendar(stack, ics);
  const [programA, programB, other] = await Promise.all([
    aProgram(coach, orgId, { name: PROGRAM_A_NAME }),
    aProgram(coach, orgId, { name: 'Program B' }),
    aCoachWithCalendar(stack, ics),
  ]);
  const [{ client, email }, { client: otherProgramClient }] = await Promise.all([
    aJoinedClient(stack, coach, orgId, programA.programId),
    aJoinedClient(stack, coach, orgId, programB.programId),
  ]);
  const base = `/orgs/${orgId}/programs/${programA.programId}`;
  const sessionModule = programA.sections[1].modules[0];
  const [resource, actionItem, booking, schedules] = await Promise.all([
    coach.post(`${base}/resources`, { title: 'Salary negotiation notes' }),
    coach.post(`${base}/modules/${sessionModule.moduleId}/action-items`, { text: 'Draft the resignation letter' }),
    coach.post(`${base}/bookings`, { start: '2026-12-09T10:00:00Z' }),
    coach.get(`/orgs/${orgId}/schedules`),
  ]);
  await coach.put(`${base}/bookings/${booking.body.bookingId}/notes`, { body: NOTES });
  await stack.settle();
  const ids: Record<string, string> = {
    orgId,
    programId: programA.programId,
    scheduleId: schedules.body.items[0].scheduleId,
    moduleId: sessionModule.moduleId,
    activityId: sessionModule.activities[0].activityId,
    templateKind: 'session_prep',
    resourceId: resource.body.resourceId,
    actionItemId: actionItem.body.actionItemId,
    bookingId: booking.body.bookingId,
    requestId: NOTHING,
    introCallId: NOTHING,
    webhookId: NOTHING,
    deliveryId: NOTHING,
    // Well-formed for both kinds of link token (invite and intro call), so bodies are what is judged.
    token: `${orgId}.${NOTHING}.notthesecretnotthesecret`,
    feedToken: `${orgId}.not-the-secret`,
  };
  return {
    coach,
    client,
    otherProgramClient,
    otherOrgCoach: other.coach,
    ids,
    secrets: {
      orgId,
      programA: [programA.programId, PROGRAM_A_NAME, NOTES, email, booking.body.bookingId, resource.body.resourceId, 'Salary negotiation', 'resignation letter'],
    },
  };
}

export const apiRoutes = routes as readonly RouteSpec[];

export const describedBy = (route: RouteSpec): OperationDoc => {
  const doc = operations[routeKey(route) as RouteKey];
  if (!doc) throw new Error(`${routeKey(route)} has no row: describe it in shared/http/openapi/operations/`);
  return doc;
};

/** Where a route's records live: under a program, under an org, or neither. */
export const scopeOf = (route: RouteSpec) =>
  route.path.startsWith('/orgs/{orgId}/programs/{programId}') ? 'program' : route.path.startsWith('/orgs/{orgId}') ? 'org' : 'none';

export function pathFor(route: RouteSpec, ids: Record<string, string>, overrides: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = overrides[name] ?? ids[name];
    if (value === undefined) throw new Error(`No fixture id for {${name}} of ${routeKey(route)}: add one to aTenancy`);
    return encodeURIComponent(value);
  });
}

/** A query string the route accepts (its documented example), so that access, not validation, decides. */
export const queryFor = (route: RouteSpec) => {
  const example = describedBy(route).request?.queryExample;
  return example ? `?${new URLSearchParams(example).toString()}` : '';
};

/** Every record of the table (rate-limit counters aside), to prove that refused requests changed nothing. */
export async function tableSnapshot(stack: LocalStack): Promise<string[]> {
  await stack.settle();
  const client = localDynamoClient(stack.dynamoEndpoint);
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: stack.tableName, ConsistentRead: true, ExclusiveStartKey: start as never }));
    for (const item of page.Items ?? []) {
      // Rate-limit windows count requests, refused ones included, by design: they are not records.
      if (item.pk?.S?.startsWith('RATE#')) continue;
      items.push(JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items.sort();
}
