import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { bookIntroCall } from '../../shared/use-cases/intro-calls/book-intro-call';
import { introCallAvailability } from '../../shared/use-cases/intro-calls/intro-call-availability';
import { cancelIntroCallAsCoach } from '../../shared/use-cases/intro-calls/manage-intro-call';
import { sendIntroCallReminder } from '../../shared/use-cases/intro-calls/send-intro-call-reminder';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { AppError } from '../../shared/domain/errors';
import { aBookableProgram, aCoachOrg, anOrgTakingIntroCalls, bookingDepsFor, introCallDepsFor } from '../support/booking-scenarios';
import { createTestTable, type TestTable } from '../support/dynamo';
import { TestClock } from '../support/test-clock';

/** Intro calls against DynamoDB Local: round trips, the shared time locks, and reminders that act once. */
let table: TestTable;
const clock = TestClock.at('2026-12-01T08:00:00Z');
const at = (iso: string) => Date.parse(iso);
const aProspect = (start: string, email = `p-${Math.random().toString(36).slice(2)}@example.com`) => ({ name: 'Sam', email, start: at(start), timeZone: 'Europe/London' });
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.drop());

describe('intro calls on the coach’s own time locks', () => {
  it('read and write in the fewest round trips', async () => {
    const org = await aCoachOrg(table, clock);
    await anOrgTakingIntroCalls(table, clock, org);
    const deps = introCallDepsFor(table, clock);
    table.calls.length = 0;
    await introCallAvailability(deps, org.orgId, { from: at('2026-12-02T00:00:00Z'), to: at('2026-12-09T00:00:00Z') }, '198.51.100.1');
    expect(table.calls.sort()).toEqual(['BatchGetItemCommand', 'QueryCommand', 'UpdateItemCommand']);
    table.calls.length = 0;
    await bookIntroCall(deps, org.orgId, aProspect('2026-12-02T10:00:00Z'), '198.51.100.1');
    expect(table.calls).toEqual(['UpdateItemCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand']);
  });

  it('refuse a range over the public limit before reading anything: a 400, never a BatchGetItem too large for DynamoDB', async () => {
    const org = await aCoachOrg(table, clock);
    await anOrgTakingIntroCalls(table, clock, org);
    table.calls.length = 0;
    const decades = introCallAvailability(introCallDepsFor(table, clock), org.orgId, { from: at('2000-01-01T00:00:00Z'), to: at('2100-01-01T00:00:00Z') }, '198.51.100.9');
    expect(await code(decades)).toBe('validation_failed');
    expect(table.calls).toEqual([]);
  });

  it('refuse a session over an intro call and an intro call over a session, either way round', async () => {
    const org = await aCoachOrg(table, clock);
    await anOrgTakingIntroCalls(table, clock, org);
    const program = await aBookableProgram(table, clock, org);
    const deps = introCallDepsFor(table, clock);
    expect(await code(bookIntroCall(deps, org.orgId, aProspect('2026-12-03T11:00:00Z'), '198.51.100.2'))).toBe('ok');
    expect(await code(bookSession(bookingDepsFor(table, clock), program.client, program.ref, { packageId: 'coaching', start: at('2026-12-03T10:30:00Z') }))).toBe('slot_unavailable');
    expect(await code(bookSession(bookingDepsFor(table, clock), program.client, program.ref, { packageId: 'coaching', start: at('2026-12-03T14:00:00Z') }))).toBe('ok');
    expect(await code(bookIntroCall(deps, org.orgId, aProspect('2026-12-03T14:30:00Z'), '198.51.100.2'))).toBe('slot_unavailable');
  });

  it('remind once per start: a second delivery, or one for a call cancelled since, does nothing', async () => {
    const org = await aCoachOrg(table, clock);
    await anOrgTakingIntroCalls(table, clock, org);
    const deps = introCallDepsFor(table, clock);
    const call = await bookIntroCall(deps, org.orgId, aProspect('2026-12-04T10:00:00Z'), '198.51.100.3');
    const payload = { kind: 'intro_call_reminder' as const, orgId: org.orgId, introCallId: call.introCallId, lead: '24h' as const, start: at(call.start) / 60_000 };
    expect(await sendIntroCallReminder(deps, payload)).toBe('done');
    expect(await sendIntroCallReminder(deps, payload)).toBe('already_done');
    await cancelIntroCallAsCoach({ ...deps, orgs: new OrgsRepository(table) }, org.coach, org.orgId, call.introCallId);
    expect(await sendIntroCallReminder(deps, { ...payload, lead: '1h' })).toBe('stale');
  });
});
