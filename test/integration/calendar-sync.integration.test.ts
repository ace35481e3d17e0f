import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarSyncRepository } from '../../shared/data/calendar-sync-repository';
import { keys } from '../../shared/data/keys';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { syncHorizon, toBuckets } from '../../shared/domain/calendar/busy-time';
import { AppError, unprocessable } from '../../shared/domain/errors';
import { getAvailability } from '../../shared/use-cases/bookings/availability';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { rescheduleBooking } from '../../shared/use-cases/bookings/reschedule';
import { refreshDueCalendars } from '../../shared/use-cases/calendar/sync-busy-time';
import { aBookableProgram, aCoachOrg, bookingDepsFor, calendarSyncDepsFor, connectTestCalendar, StubCalendarSource } from '../support/booking-scenarios';
import { createTestTable, type TestTable } from '../support/dynamo';
import { calendarWith } from '../support/ics-server';
import { TestClock } from '../support/test-clock';

let table: TestTable;
const clock = TestClock.at('2026-11-30T08:00:00Z'); // a Monday

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.drop());

const at = (iso: string) => Date.parse(iso);
const dentist = (day: string, uid = 'dentist') => ({ uid, start: `DTSTART:${day}T120000Z`, end: `DTEND:${day}T130000Z` });
const startsOn = async (org: Awaited<ReturnType<typeof aCoachOrg>>, program: Awaited<ReturnType<typeof aBookableProgram>>, day: string) => {
  const { slots } = await getAvailability(bookingDepsFor(table, clock), program.client, program.ref, { packageId: 'coaching', from: at(`${day}T00:00:00Z`), to: at(`${day}T23:59:00Z`) });
  return slots.map((s) => s.start.slice(11, 16));
};
const refreshAll = () => refreshDueCalendars(calendarSyncDepsFor(table, clock, StubCalendarSource.network), { batch: 100, concurrency: 4, budgetMs: 30_000 });

describe('busy time stored at connect and read on the request path', () => {
  it('hides the calendar’s events from availability with two DynamoDB requests and no fetch at all', async () => {
    const source = new StubCalendarSource();
    source.ics = calendarWith([dentist('20261202')]);
    const org = await aCoachOrg(table, clock, {}, source);
    const program = await aBookableProgram(table, clock, org);
    const fetchesBefore = source.fetches;

    table.calls.length = 0;
    const availability = await getAvailability(bookingDepsFor(table, clock), program.client, program.ref, { packageId: 'coaching', from: at('2026-12-01T00:00:00Z'), to: at('2027-01-31T00:00:00Z') });
    expect(table.calls).toEqual(['BatchGetItemCommand', 'QueryCommand']);
    expect(source.fetches).toBe(fetchesBefore);
    expect(availability).toMatchObject({ calendarChecked: true, calendar: { connected: true, lastSyncedAt: '2026-11-30T08:00:00Z', lastSyncError: null } });
    const dec2 = availability.slots.filter((s) => s.start.startsWith('2026-12-02')).map((s) => s.start.slice(11, 16));
    expect(dec2).toEqual(['10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
  });

  it('says the calendar was not checked past the synced horizon, and still offers those slots', async () => {
    const org = await aCoachOrg(table, clock, { bookingHorizonDays: 365 });
    const program = await aBookableProgram(table, clock, org);
    const beyond = await getAvailability(bookingDepsFor(table, clock), program.client, program.ref, { packageId: 'coaching', from: at('2027-03-25T00:00:00Z'), to: at('2027-04-10T00:00:00Z') });
    expect(beyond.calendarChecked).toBe(false);
    expect(beyond.slots.length).toBeGreaterThan(0);
  });

  it('does not count Rapport’s own invite as busy: a session can move within its own old time', async () => {
    const source = new StubCalendarSource();
    const org = await aCoachOrg(table, clock, {}, source);
    const program = await aBookableProgram(table, clock, org);
    const deps = bookingDepsFor(table, clock);
    const booked = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-09T10:00:00Z') });
    // The coach's calendar app has accepted the invite, and a dentist appointment sits elsewhere.
    source.ics = calendarWith([
      { uid: `${booked.bookingId}@app.example.com`, start: 'DTSTART:20261209T100000Z', end: 'DTEND:20261209T110000Z' },
      dentist('20261209'),
    ]);
    await connectTestCalendar(table, clock, org.coach, org.orgId, source);

    const moved = await rescheduleBooking(deps, org.coach, program.ref, booked.bookingId, { start: at('2026-12-09T10:30:00Z') });
    expect(moved).toMatchObject({ start: '2026-12-09T10:30:00Z' });
    const refused = await rescheduleBooking(deps, org.coach, program.ref, booked.bookingId, { start: at('2026-12-09T12:00:00Z') }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'slot_unavailable' });
  });

  it('keeps every bucket of the fullest allowed feed under DynamoDB’s 400 KB item limit', async () => {
    const org = await aCoachOrg(table, clock);
    const stored = (await new OrgsRepository(table).get(org.orgId))!;
    const horizon = syncHorizon(at('2026-11-30T08:00:00Z') / 60_000);
    // 10,000 one-minute events a minute apart, as densely as they can be: two weeks of them.
    const dense = Array.from({ length: 10_000 }, (_, i) => ({ start: horizon.start + 2 * i, end: horizon.start + 2 * i + 1 }));
    const buckets = toBuckets(dense, horizon);
    const calendar = { ...stored.calendar!, digest: 'dense' };
    expect(await new CalendarSyncRepository(table).storeRefreshed(stored, { calendar, buckets }, '2026-11-30T08:10:00Z')).toBe(true);
    const { Items } = await table.db.send(
      new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :busy)', ExpressionAttributeValues: { ':pk': keys.org(org.orgId).pk, ':busy': 'BUSY#' } }),
    );
    const largest = Math.max(...(Items ?? []).map((item) => Buffer.byteLength(JSON.stringify(item))));
    expect(largest).toBeLessThan(100 * 1024);
  });
});

describe('the background refresh', () => {
  it('reads each due calendar again, once per run however many runs overlap, and keeps the last copy when a feed fails', async () => {
    clock.set('2026-11-30T08:00:00Z');
    const source = new StubCalendarSource();
    source.ics = calendarWith([dentist('20261202')]);
    const org = await aCoachOrg(table, clock, {}, source);
    const program = await aBookableProgram(table, clock, org);

    // Not due yet: nothing is fetched.
    const before = source.fetches;
    clock.advanceMinutes(5);
    await refreshAll();
    expect(source.fetches).toBe(before);

    // Due: the changed feed is picked up — by one of two overlapping runs only.
    source.ics = calendarWith([dentist('20261203')]);
    clock.advanceMinutes(6);
    const [first, second] = await Promise.all([refreshAll(), refreshAll()]);
    expect(source.fetches).toBe(before + 1);
    expect((first.updated ?? 0) + (second.updated ?? 0)).toBeGreaterThanOrEqual(1);
    expect(await startsOn(org, program, '2026-12-02')).toContain('12:00');
    expect(await startsOn(org, program, '2026-12-03')).not.toContain('12:00');

    // The feed breaks: the last busy time stays, and the org says why.
    source.failure = unprocessable('calendar_unreachable', 'We could not fetch that calendar: the server answered 503.');
    clock.advanceMinutes(11);
    await refreshAll();
    expect(await startsOn(org, program, '2026-12-03')).not.toContain('12:00');
    const broken = (await new OrgsRepository(table).get(org.orgId))!.calendar!;
    expect(broken).toMatchObject({ lastSyncedAt: '2026-11-30T08:11:00Z', lastSyncError: expect.stringContaining('503'), failures: 1 });

    // Failing feeds back off: not tried again after ten minutes, but after twenty.
    const failedFetches = source.fetches;
    clock.advanceMinutes(11);
    await refreshAll();
    expect(source.fetches).toBe(failedFetches);
    source.failure = null;
    clock.advanceMinutes(10);
    await refreshAll();
    expect(source.fetches).toBe(failedFetches + 1);
    expect((await new OrgsRepository(table).get(org.orgId))!.calendar).toMatchObject({ lastSyncError: null, failures: 0, lastSyncedAt: '2026-11-30T08:43:00Z' });
  });

  it('writes only the status when the busy time did not change', async () => {
    const source = new StubCalendarSource();
    source.ics = calendarWith([dentist('20261202')]);
    const org = await aCoachOrg(table, clock, {}, source);
    const version = (await new OrgsRepository(table).get(org.orgId))!.busyTimeVersion;
    clock.advanceMinutes(11);
    table.calls.length = 0;
    const outcome = await refreshAll();
    expect(outcome.unchanged).toBeGreaterThanOrEqual(1);
    expect(table.calls).not.toContain('TransactWriteItemsCommand');
    expect((await new OrgsRepository(table).get(org.orgId))!.busyTimeVersion).toBe(version);
  });

  it('forgets a disconnected calendar, and never reads an earlier connection’s buckets after reconnecting', async () => {
    const source = new StubCalendarSource();
    source.ics = calendarWith([dentist('20261202')]);
    const org = await aCoachOrg(table, clock, {}, source);
    const program = await aBookableProgram(table, clock, org);
    await new CalendarSyncRepository(table).disconnect(org.orgId, 'now');
    expect(await startsOn(org, program, '2026-12-02')).toContain('12:00');

    const fetches = source.fetches;
    clock.advanceMinutes(30);
    await refreshAll();
    expect(source.fetches).toBe(fetches);

    source.ics = calendarWith([]);
    await connectTestCalendar(table, clock, org.coach, org.orgId, source);
    expect(await startsOn(org, program, '2026-12-02')).toContain('12:00');
  });
});
