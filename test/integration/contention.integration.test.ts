import { ProfilesRepository } from '../../shared/data/profiles-repository';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys';
import { ActionItemsRepository } from '../../shared/data/action-items-repository';
import { InvitesRepository } from '../../shared/data/invites-repository';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { RateLimitsRepository } from '../../shared/data/rate-limits-repository';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { rescheduleBooking } from '../../shared/use-cases/bookings/reschedule';
import { createProgram } from '../../shared/use-cases/programs/create-program';
import { acceptInvite, createInvite, type InviteDeps } from '../../shared/use-cases/programs/invites';
import { aCaller } from '../support/scenarios';
import { ProgramsRepository } from '../../shared/data/programs-repository';
import { WorksheetsRepository } from '../../shared/data/worksheets-repository';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { sendReminder } from '../../shared/use-cases/session-automation/send-reminder';
import { aBookableProgram, aCoachOrg, bookingDepsFor, programDepsFor } from '../support/booking-scenarios';
import { contended, racedBy } from '../support/contention';
import { createTestTable, type TestTable } from '../support/dynamo';
import { TestClock } from '../support/test-clock';

/**
 * Writes that meet other writes. DynamoDB refuses a transaction that overlaps another in flight with
 * `TransactionConflict` far more often than DynamoDB Local does, so where a test needs that refusal
 * it wraps the real transaction (test/support/contention.ts).
 */
let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.drop());

const at = (iso: string) => Date.parse(iso);

describe('a reminder whose write meets contention', () => {
  it('decides again on a fresh read and sends it, instead of counting it as already sent', async () => {
    const clock = TestClock.at('2027-02-01T08:00:00Z'); // a Monday
    const org = await aCoachOrg(table, clock);
    const program = await aBookableProgram(table, clock, org);
    const deps = bookingDepsFor(table, clock);
    const booked = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2027-02-03T14:00:00Z') });
    clock.set('2027-02-02T14:00:00Z');
    const reminderDeps = { ...deps, programs: new ProgramsRepository(table), worksheets: new WorksheetsRepository(table), actionItems: new ActionItemsRepository(table) };
    const payload = { kind: 'reminder' as const, ...program.ref, bookingId: booked.bookingId, lead: '24h' as const, start: at('2027-02-03T14:00:00Z') / 60_000 };

    const racing = contended(reminderDeps, 2);
    expect(await sendReminder(racing, payload)).toBe('done');
    expect(racing.refused()).toBe(2);
    expect((await deps.context({ ...program.ref, bookingId: booked.bookingId })).booking?.reminded24h).toBe(payload.start);
    expect(await sendReminder(reminderDeps, payload)).toBe('already_done');
  });
});

describe('a reschedule racing another change of the same session', () => {
  it('decides again on a fresh read and moves it to the free time, instead of answering slot_unavailable', async () => {
    const clock = TestClock.at('2027-03-01T08:00:00Z'); // a Monday
    const org = await aCoachOrg(table, clock);
    const program = await aBookableProgram(table, clock, org);
    const deps = bookingDepsFor(table, clock);
    const booked = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2027-03-10T10:00:00Z') });

    // Between the coach's read and write, the client moves the session elsewhere.
    const racing = racedBy(deps, () => rescheduleBooking(deps, program.client, program.ref, booked.bookingId, { start: at('2027-03-11T10:00:00Z') }));
    const moved = (await rescheduleBooking(racing, org.coach, program.ref, booked.bookingId, { start: at('2027-03-12T14:00:00Z') })) as { start: string };
    expect(racing.raced()).toBe(true);
    expect(moved.start).toBe('2027-03-12T14:00:00Z');
    const { booking } = await deps.context({ ...program.ref, bookingId: booked.bookingId });
    expect(booking?.start).toBe(at('2027-03-12T14:00:00Z') / 60_000);
  });
});

describe('invites and programs under contention', () => {
  it('retry a transaction DynamoDB refused for contention alone, instead of answering 500', async () => {
    const clock = TestClock.at('2027-04-01T08:00:00Z');
    const org = await aCoachOrg(table, clock);
    const base = { transaction: () => new WriteTransaction(table), clock };
    const creating = contended(programDepsFor(table, clock), 2);
    const program = await createProgram(creating, org.coach, org.orgId, { type: 'one_to_one_coaching', scheduleId: org.scheduleId });
    expect(creating.refused()).toBe(2);

    const inviteDeps: InviteDeps = { ...base, orgs: new OrgsRepository(table), programs: new ProgramsRepository(table), invites: new InvitesRepository(table), outbox: new OutboxRepository(table), profiles: new ProfilesRepository(table), quotas: new RateLimitsRepository(table), appUrl: 'https://app.test' };
    const inviting = contended(inviteDeps, 2);
    const invite = await createInvite(inviting, org.coach, org.orgId, program.programId, 'client@northwind-coaching.com');
    expect(inviting.refused()).toBe(2);
    const outbox = await table.db.send(
      new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :o)', ExpressionAttributeValues: { ':pk': keys.programPartition(org.orgId, program.programId), ':o': 'OUTBOX#' } }),
    );
    const token = /token=([^\s"&<\\]+)/.exec(JSON.stringify(outbox.Items?.[0]?.effects))?.[1];
    expect(token).toBeDefined();
    expect(invite.email).toBe('client@northwind-coaching.com');

    const client = aCaller('client');
    const accepting = contended(inviteDeps, 2);
    expect(await acceptInvite(accepting, client, decodeURIComponent(token ?? ''))).toEqual({ orgId: org.orgId, programId: program.programId });
    expect(accepting.refused()).toBe(2);
    expect((await new ProgramsRepository(table).get(org.orgId, program.programId))?.client?.userId).toBe(client.userId);
  });

  it('still give up after five refusals in a row, with the refusal', async () => {
    const clock = TestClock.at('2027-04-01T08:00:00Z');
    const org = await aCoachOrg(table, clock);
    const creating = contended(programDepsFor(table, clock), 5);
    await expect(createProgram(creating, org.coach, org.orgId, { type: 'one_to_one_coaching', scheduleId: org.scheduleId })).rejects.toMatchObject({ conflict: true });
  });
});
