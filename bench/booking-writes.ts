import { randomUUID } from 'node:crypto';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { startLocalStack } from '../local/stack';
import { IcsServer } from '../test/support/ics-server';
import { aCoachWithCalendar, aJoinedClient, aProgram } from '../test/support/scenarios-http';
import { summarize, WriteMeter } from './write-meter';

/**
 * Write units over one booking's whole life, measured on the local stack: booked (and its emails
 * and schedules relayed), both reminders, both sides joining, the no-show check after the end, and
 * every sweep the clock's moves trigger meanwhile. Setting up the coach, program and client is not
 * counted. The figures are DynamoDB's billing rules applied to the items really written
 * (write-meter.ts), not DynamoDB Local's own accounting.
 */
const NOW = '2026-11-30T08:00:00Z';
const START = '2026-12-02T14:00:00Z';

/**
 * The same life measured with this bench on the design before (commit 87ab85a: rendered emails
 * stored in each entry — ~17 KB with two invitations — and entries projected in full to
 * `byCollection`). Kept as a number: that design is gone from the code.
 */
export const BEFORE = { total: 915, note: 'rendered emails in the entry, ALL-projected index (87ab85a)' };

/** What one booking's life may write (issue 12: ≤ 80, from ~277 estimated, 915 measured). */
export const BOOKING_WCU_BUDGET = 80;

export interface BookingWrites {
  total: number;
  table: number;
  indexes: number;
  byKind: [string, { writes: number; table: number; indexes: number }][];
  emails: number;
  /** Units written meanwhile by the coach's calendar refresh (busy time, the org's sync state). */
  notCounted: number;
}

const CALENDAR_REFRESH = new Set(['busy', 'org']);

export async function bookingLifeWrites(): Promise<BookingWrites> {
  const dynamo = await startDynamoDbLocal();
  const meter = await WriteMeter.start(dynamo.endpoint);
  const ics = await IcsServer.start();
  const stack = await startLocalStack({ port: 0, dynamoEndpoint: meter.url, tableName: `rapport-wcu-${randomUUID()}`, clock: { startAt: Date.parse(NOW), frozen: true } });
  try {
    const { coach, coachEmail, orgId } = await aCoachWithCalendar(stack, ics, { timeZone: 'Europe/London' });
    const { programId } = await aProgram(coach, orgId);
    const { client, email } = await aJoinedClient(stack, coach, orgId, programId, { timeZone: 'America/New_York' });
    const url = `/orgs/${orgId}/programs/${programId}`;
    await stack.settle();
    const mailsBefore = stack.ses.outbox(email).length + stack.ses.outbox(coachEmail).length;
    meter.reset();

    const booked = await client.post(`${url}/bookings`, { start: START });
    if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`);
    const bookingId = booked.body.bookingId as string;
    await stack.settle();
    const move = async (iso: string) => {
      const moved = await coach.anonymous().post('/_local/clock', { to: iso });
      if (moved.status !== 200) throw new Error(`clock: ${moved.status} ${JSON.stringify(moved.body)}`);
      await stack.settle();
    };
    const at = (minutesFromStart: number) => new Date(Date.parse(START) + minutesFromStart * 60_000).toISOString();
    await move(at(-24 * 60));
    await move(at(-60));
    await move(at(-10));
    for (const who of [client, coach]) {
      const joined = await who.post(`${url}/bookings/${bookingId}/join`);
      if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
    }
    await move(at(24 * 60));
    await stack.settle();
    const left = stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId));
    if (left.length) throw new Error(`schedules left: ${left.map((s) => s.name).join(', ')}`);
    const emails = stack.ses.outbox(email).length + stack.ses.outbox(coachEmail).length - mailsBefore;
    // The coach's calendar refresh runs on the same clock, for the coach, not for this booking.
    const calendar = meter.records.filter((r) => CALENDAR_REFRESH.has(r.kind));
    return { ...summarize(meter.records.filter((r) => !CALENDAR_REFRESH.has(r.kind))), emails, notCounted: summarize(calendar).total };
  } finally {
    await stack.stop();
    await ics.stop();
    await meter.stop();
    await dynamo.stop();
  }
}

export function printBookingWrites(result: BookingWrites, budget = BOOKING_WCU_BUDGET): boolean {
  console.log(`\nWrite units over one booking's life (book → relay → 2 reminders → both join → no-show check), budget ${budget} WCU`);
  for (const [kind, row] of result.byKind) {
    console.log(`  ${kind.padEnd(24)} ${String(row.writes).padStart(3)} writes   table ${String(row.table).padStart(4)}   indexes ${String(row.indexes).padStart(4)}   = ${String(row.table + row.indexes).padStart(4)} WCU`);
  }
  console.log(`  ${'total'.padEnd(24)} ${' '.repeat(10)}table ${String(result.table).padStart(4)}   indexes ${String(result.indexes).padStart(4)}   = ${String(result.total).padStart(4)} WCU   (${result.emails} emails sent)`);
  console.log(`  (not counted: ${result.notCounted} WCU of the coach's calendar refresh, which the clock's moves also ran)`);
  console.log(`  before (${BEFORE.note}): ${BEFORE.total} WCU → now ${result.total} WCU${result.total <= budget ? '' : `   OVER THE BUDGET OF ${budget}`}`);
  return result.total <= budget;
}
