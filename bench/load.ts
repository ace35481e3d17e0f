import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { startLocalStack } from '../local/stack';
import { IcsServer } from '../test/support/ics-server';
import { ApiClient } from '../test/support/local-stack';
import { aCoachWithCalendar, aJoinedClient, aProgram } from '../test/support/scenarios-http';

/**
 * `npm run load`: many clients of one coach reading availability and booking at once, against the
 * whole local stack on loopback (in-memory DynamoDB Local, nothing leaves the machine). Prints
 * throughput and latency, then checks what must hold whatever the load: no two sessions of the
 * coach overlap, no program exceeds its weekly or total cap, no request answered 5xx, and every
 * booking's invitation went out exactly once to each side.
 *
 * Bounded: LOAD_PROGRAMS (default 25) programs, LOAD_CONNECTIONS (10) concurrent connections,
 * LOAD_SECONDS (15) seconds.
 */
const PROGRAMS = Number(process.env.LOAD_PROGRAMS ?? 25);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const NOW = '2026-12-01T08:00:00Z';
const ZONE = 'Europe/London';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const dynamo = await startDynamoDbLocal();
const stack = await startLocalStack({
  port: 0,
  dynamoEndpoint: dynamo.endpoint,
  tableName: `rapport-load-${randomUUID()}`,
  clock: { startAt: Date.parse(NOW), frozen: true },
});
const ics = await IcsServer.start();
const failures: string[] = [];

try {
  console.log(`Setting up one coach with ${PROGRAMS} programs, each with a joined client…`);
  const { coach, coachEmail, orgId } = await aCoachWithCalendar(stack, ics, { timeZone: ZONE });
  const programs: { programId: string; client: ApiClient; email: string }[] = [];
  // One weekly schedule for all: a coach keeps one set of hours, and an org holds at most 20 schedules.
  let scheduleId: string | undefined;
  for (let i = 0; i < PROGRAMS; i++) {
    const { programId, scheduleId: created } = await aProgram(coach, orgId, scheduleId ? { scheduleId } : {});
    scheduleId ??= created as string;
    const { client, email } = await aJoinedClient(stack, coach, orgId, programId);
    programs.push({ programId, client, email });
  }
  const from = NOW;
  const to = DateTime.fromISO(NOW, { zone: 'utc' }).plus({ days: 28 }).toISO({ suppressMilliseconds: true })!;
  const offered = await programs[0]!.client.get(`/orgs/${orgId}/programs/${programs[0]!.programId}/availability?packageId=coaching&from=${from}&to=${to}`);
  const starts: string[] = offered.body.slots.map((s: { start: string }) => s.start);
  console.log(`${starts.length} slots offered over 28 days; starting ${CONNECTIONS} connections for ${SECONDS} s…`);

  const statuses = new Map<number, number>();
  /** Why requests were refused, by error code: the conflicts a race should produce, and nothing else. */
  const refusals = new Map<string, number>();
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
  const result = await autocannon({
    url: stack.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        // Two reads for every booking attempt: people look before they book.
        setupRequest: (req) => {
          const p = pick(programs);
          const booking = Math.random() < 1 / 3;
          return booking
            ? {
                ...req,
                method: 'POST',
                path: `/orgs/${orgId}/programs/${p.programId}/bookings`,
                headers: { authorization: `Bearer ${p.client.token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ packageId: 'coaching', start: pick(starts) }),
              }
            : {
                ...req,
                method: 'GET',
                path: `/orgs/${orgId}/programs/${p.programId}/availability?packageId=coaching&from=${from}&to=${to}`,
                headers: { authorization: `Bearer ${p.client.token}` },
              };
        },
        onResponse: (status, body) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 400) {
            const code = /"code":"(\w+)"/.exec(body)?.[1] ?? 'no error code';
            refusals.set(code, (refusals.get(code) ?? 0) + 1);
          }
        },
      },
    ],
  });

  console.log(`\nThroughput ${result.requests.average.toFixed(1)} req/s · latency p50 ${result.latency.p50} ms · p99 ${result.latency.p99} ms · ${result.requests.total} requests`);
  console.log(`Statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  if (refusals.size > 0) console.log(`Refusals: ${[...refusals].map(([code, n]) => `${code}×${n}`).join(' ')}`);
  const expected = new Set(['slot_unavailable', 'weekly_limit_reached', 'package_limit_reached']);
  for (const [code, n] of refusals) if (!expected.has(code)) failures.push(`${n} requests refused with ${code}, which no race explains`);
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  if (fivexx > 0) failures.push(`${fivexx} responses were 5xx`);
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);

  await stack.settle();
  const sessions: { programId: string; bookingId: string; start: number; end: number; email: string }[] = [];
  for (const p of programs) {
    let cursor: string | null = null;
    do {
      const page: any = await coach.get(`/orgs/${orgId}/programs/${p.programId}/bookings?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      for (const b of page.body.items) {
        if (b.status === 'confirmed') sessions.push({ programId: p.programId, bookingId: b.bookingId, start: Date.parse(b.start), end: Date.parse(b.end), email: p.email });
      }
      cursor = page.body.nextCursor;
    } while (cursor);
  }
  sessions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i]!.start < sessions[i - 1]!.end) failures.push(`overlap: ${sessions[i - 1]!.bookingId} and ${sessions[i]!.bookingId}`);
  }
  for (const p of programs) {
    const mine = sessions.filter((s) => s.programId === p.programId);
    if (mine.length > 12) failures.push(`program ${p.programId} holds ${mine.length} sessions, over its 12`);
    const weeks = new Map<string, number>();
    for (const s of mine) {
      const week = DateTime.fromMillis(s.start, { zone: ZONE }).toFormat("kkkk-'W'WW");
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    for (const [week, n] of weeks) if (n > 1) failures.push(`program ${p.programId} holds ${n} sessions in ${week}, over its 1 a week`);
  }
  const firstInvites = (to: string, bookingId: string) =>
    stack.ses.outbox(to).filter((m) => m.attachments?.some((a) => a.content.includes(bookingId) && /METHOD:REQUEST/.test(a.content) && /SEQUENCE:0\b/.test(a.content))).length;
  for (const s of sessions) {
    for (const [who, to] of [['client', s.email], ['coach', coachEmail]] as const) {
      const n = firstInvites(to, s.bookingId);
      if (n !== 1) failures.push(`booking ${s.bookingId}: ${n} invitations to the ${who}, not 1`);
    }
  }
  console.log(`${sessions.length} sessions booked across ${programs.length} programs; invariants ${failures.length === 0 ? 'hold' : 'BROKEN'}.`);
} finally {
  await stack.stop();
  await ics.stop();
  await dynamo.stop();
}
for (const failure of failures.slice(0, 20)) console.error(`  ✗ ${failure}`);
if (failures.length > 0) process.exitCode = 1;
