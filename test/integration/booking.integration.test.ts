import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys';
import { AppError } from '../../shared/domain/errors';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { cancelBooking } from '../../shared/use-cases/bookings/cancel-booking';
import { getAvailability } from '../../shared/use-cases/bookings/availability';
import { reissueInvites } from '../../shared/use-cases/bookings/reissue-invites';
import { rescheduleBooking } from '../../shared/use-cases/bookings/reschedule';
import { expireRequest } from '../../shared/use-cases/session-automation/expire-request';
import { aBookableProgram, aBookedSession, aCoachOrg, bookingDepsFor, connectTestCalendar } from '../support/booking-scenarios';
import { racedBy } from '../support/contention';
import { calendarWith } from '../support/ics-server';
import { createTestTable, type TestTable } from '../support/dynamo';
import { TestClock } from '../support/test-clock';

let table: TestTable;
const clock = TestClock.at('2026-11-30T08:00:00Z'); // a Monday

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.drop());

const at = (iso: string) => Date.parse(iso);
const outcome = async (attempt: Promise<unknown>) => attempt.then(() => 201, (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : `error ${String(e)}`));

const partitionItems = async (pk: string, prefix: string) =>
  (
    await table.db.send(
      new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': prefix } }),
    )
  ).Items ?? [];

describe('no double booking, ever', () => {
  it('lets exactly one of 50 simultaneous bookings of overlapping times win, across two programs of one coach', async () => {
    const org = await aCoachOrg(table, clock, { bufferMinutes: 15, slotIntervalMinutes: 15 });
    const a = await aBookableProgram(table, clock, org);
    const b = await aBookableProgram(table, clock, org);
    const deps = bookingDepsFor(table, clock);
    // Starts 10:00, 10:15, …: every pair of these 60-minute sessions (+15 buffer) overlaps some other.
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const program = i % 2 === 0 ? a : b;
      const start = at('2026-12-02T10:00:00Z') + (i % 4) * 15 * 60_000;
      return outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start }));
    });
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 201)).toHaveLength(1);
    const winner = results.indexOf(201) % 2;
    // The other program only ever meets the taken time; the winner's own program may also meet its full week.
    const losersOfOtherProgram = results.filter((r, i) => i % 2 !== winner);
    const losersOfSameProgram = results.filter((r, i) => i % 2 === winner && r !== 201);
    expect(new Set(losersOfOtherProgram)).toEqual(new Set(['409 slot_unavailable']));
    expect(losersOfSameProgram.every((r) => r === '409 slot_unavailable' || r === '409 weekly_limit_reached')).toBe(true);

    const stored = [...(await partitionItems(keys.programPartition(org.orgId, a.programId), 'BOOKING#')), ...(await partitionItems(keys.programPartition(org.orgId, b.programId), 'BOOKING#'))];
    expect(stored).toHaveLength(1);
    const sessions = await partitionItems(keys.coachCalendar(org.coach.userId), 'SESSION#');
    expect(sessions).toHaveLength(1);
    const locks = await partitionItems(keys.coachCalendar(org.coach.userId), 'LOCK#');
    expect(locks).toHaveLength(15); // 60 minutes + 15 of buffer, in 5-minute blocks
    expect(new Set(locks.map((l) => l.owner))).toEqual(new Set([stored[0]?.bookingId]));
  });

  it('lets exactly one of 10 simultaneous bookings in one week through when the package allows one per week', async () => {
    const org = await aCoachOrg(table, clock);
    const program = await aBookableProgram(table, clock, org);
    const deps = bookingDepsFor(table, clock);
    const days = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at(`${days[i % 5]}T${i < 5 ? '10' : '14'}:00:00Z`) }))),
    );
    expect(results.filter((r) => r === 201)).toHaveLength(1);
    expect(results.filter((r) => r !== 201)).toEqual(Array(9).fill('409 weekly_limit_reached'));
    expect(await partitionItems(keys.programPartition(org.orgId, program.programId), 'BOOKING#')).toHaveLength(1);
  });

  it('lets exactly one of several simultaneous bookings take the last session of a package', async () => {
    const org = await aCoachOrg(table, clock);
    const program = await aBookableProgram(table, clock, org, { totalSessions: 2 });
    const deps = bookingDepsFor(table, clock);
    await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-14T10:00:00Z') });
    const weeks = ['2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08'];
    const results = await Promise.all(weeks.map((day) => outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at(`${day}T11:00:00Z`) }))));
    expect(results.filter((r) => r === 201)).toHaveLength(1);
    expect(results.filter((r) => r !== 201)).toEqual(Array(7).fill('409 package_limit_reached'));
    const stored = await partitionItems(keys.programPartition(org.orgId, program.programId), 'BOOKING#');
    expect(stored.map((b) => b.sessionNumber).sort()).toEqual([1, 2]);
  });
});

describe('DynamoDB round trips per request (counted by an SDK middleware)', () => {
  it('availability reads with at most two requests; a booking is its one read plus one transaction', async () => {
    const org = await aCoachOrg(table, clock);
    const program = await aBookableProgram(table, clock, org);
    const deps = bookingDepsFor(table, clock);

    table.calls.length = 0;
    const availability = await getAvailability(deps, program.client, program.ref, { packageId: 'coaching', from: at('2026-12-01T00:00:00Z'), to: at('2027-01-31T00:00:00Z') });
    expect(availability.slots.length).toBeGreaterThan(50);
    expect(table.calls).toEqual(['BatchGetItemCommand', 'QueryCommand']);

    table.calls.length = 0;
    await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at(availability.slots[3]?.start ?? '') });
    expect(table.calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);

    table.calls.length = 0;
    const bookings = await partitionItems(keys.programPartition(org.orgId, program.programId), 'BOOKING#');
    table.calls.length = 0;
    await cancelBooking(deps, program.client, program.ref, String(bookings[0]?.bookingId));
    expect(table.calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
  });
});

describe('moving a session to another week', () => {
  it('moves the week counter with it, in the same transaction', async () => {
    const { org, program, deps, booked } = await aBookedSession(table, clock, at('2026-12-16T10:00:00Z'));
    expect(await outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-17T10:00:00Z') }))).toBe('409 weekly_limit_reached');

    const moved = await rescheduleBooking(deps, org.coach, program.ref, booked.bookingId, { start: at('2026-12-22T10:00:00Z') });
    expect(moved).toMatchObject({ start: '2026-12-22T10:00:00Z' });
    expect(await outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-17T10:00:00Z') }))).toBe(201);
    expect(await outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-23T10:00:00Z') }))).toBe('409 weekly_limit_reached');
    const locks = await partitionItems(keys.coachCalendar(org.coach.userId), 'LOCK#');
    expect(locks.filter((l) => l.owner === booked.bookingId).map((l) => Number(String(l.sk).slice(5)))).toEqual(
      Array.from({ length: 12 }, (_, i) => at('2026-12-22T10:00:00Z') / 60_000 + i * 5),
    );
  });
});

describe('a coach moving a session into the time its pending request holds', () => {
  it('withdraws the request and hands its held blocks to the session, in one transaction', async () => {
    const { org, program, deps, booked } = await aBookedSession(table, clock, at('2026-12-01T11:00:00Z')); // 27 hours ahead
    const requested = (await rescheduleBooking(deps, program.client, program.ref, booked.bookingId, { start: at('2026-12-01T15:00:00Z') })) as { requestId: string };
    expect(requested.requestId).toBeDefined();

    // The coach moves it half an hour later than the client asked: half of the held time is reused.
    const moved = await rescheduleBooking(deps, org.coach, program.ref, booked.bookingId, { start: at('2026-12-01T15:30:00Z') });
    expect(moved).toMatchObject({ start: '2026-12-01T15:30:00Z' });
    const { request } = await deps.context({ ...program.ref, requestId: requested.requestId });
    expect(request?.status).toBe('withdrawn');
    const locks = await partitionItems(keys.coachCalendar(org.coach.userId), 'LOCK#');
    expect(new Set(locks.map((l) => l.owner))).toEqual(new Set([booked.bookingId]));
    expect(locks.map((l) => Number(String(l.sk).slice(5)) - at('2026-12-01T15:30:00Z') / 60_000)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]);
    const sessions = await partitionItems(keys.coachCalendar(org.coach.userId), 'SESSION#');
    expect(sessions.map((e) => e.kind)).toEqual(['session']);
  });
});

describe('scheduled work racing other writes', () => {
  it('expires a request even when the booking changed between the Lambda’s read and its write', async () => {
    const later = TestClock.at('2027-01-04T08:00:00Z'); // a Monday; this test's own clock
    const { program, deps, booked } = await aBookedSession(table, later, at('2027-01-05T14:00:00Z'));
    const requested = (await rescheduleBooking(deps, program.client, program.ref, booked.bookingId, { start: at('2027-01-05T16:00:00Z') })) as { requestId: string; expiresAt: string };
    later.set(requested.expiresAt);

    // Just before the Lambda's first write, the client joins (which raises the booking's version).
    const racing = racedBy(deps, async () =>
      deps.transaction().add(deps.bookings.joinedItem((await deps.context({ ...program.ref, bookingId: booked.bookingId })).booking!, 'client', 'now')).commit(),
    );
    const payload = { kind: 'reschedule_expiry' as const, ...program.ref, requestId: requested.requestId, expiresAt: Date.parse(requested.expiresAt) / 60_000 };
    expect(await expireRequest(racing, payload)).toBe('done');
    expect(racing.raced()).toBe(true);
    const { request } = await deps.context({ ...program.ref, requestId: requested.requestId });
    expect(request?.status).toBe('expired');
    expect(await expireRequest(deps, payload)).toBe('already_done');
  });

  it('reissues an invitation once, with the session as it is now, when the session moved between the read and the write', async () => {
    const later = TestClock.at('2027-02-01T08:00:00Z'); // a Monday; this test's own clock
    const { org, program, deps, booked } = await aBookedSession(table, later, at('2027-02-03T10:00:00Z'));
    const effect = { type: 'reissue_invites' as const, orgId: org.orgId, coachUserId: org.coach.userId, programId: program.programId, what: 'the program is now called "Leading Through Change"', changeId: 'chg-1' };

    // After the reissue has read the session and before its write commits, the coach moves the session.
    const movedTo = at('2027-02-04T14:00:00Z');
    const racing = racedBy(deps, () => rescheduleBooking(deps, org.coach, program.ref, booked.bookingId, { start: movedTo }));
    expect(await reissueInvites(racing, effect)).toBe(1);
    expect(racing.raced()).toBe(true);

    const { booking } = await deps.context({ ...program.ref, bookingId: booked.bookingId });
    // Booked (sequence 0, version 1), moved (1, 2), then reissued on top of the move (2, 3).
    expect(booking).toMatchObject({ start: movedTo / 60_000, sequence: 2, version: 3, reissuedFor: 'chg-1' });
    // The coach's calendar holds the session once, at its new time, with the reissued SEQUENCE (a stale write would bring back the old time).
    const sessions = await partitionItems(keys.coachCalendar(org.coach.userId), 'SESSION#');
    expect(sessions.map((e) => ({ id: e.id, start: e.start, sequence: e.sequence }))).toEqual([{ id: booked.bookingId, start: movedTo / 60_000, sequence: 2 }]);
    const updates = async () =>
      (await partitionItems(keys.programPartition(org.orgId, program.programId), 'OUTBOX#'))
        .flatMap((entry) => entry.effects as { type: string; mail?: { kind: string }; frozen?: { start: number; sequence: number } }[])
        .filter((e) => e.type === 'sessionMail' && e.mail?.kind === 'details_updated');
    // Both sides' updated invitations, frozen at the moved time, and nothing from the refused attempt.
    const frozenAtMove = { start: movedTo / 60_000, sequence: 2 };
    expect((await updates()).map((e) => ({ start: e.frozen?.start, sequence: e.frozen?.sequence }))).toEqual([frozenAtMove, frozenAtMove]);

    // The outbox running the effect again changes nothing and sends nothing more.
    expect(await reissueInvites(deps, effect)).toBe(0);
    expect(await updates()).toHaveLength(2);
  });
});

describe('booking rules', () => {
  it('refuses a time that is not an offered slot: outside the windows, off the step, within notice, on a calendar event', async () => {
    const org = await aCoachOrg(table, clock, { minimumNoticeMinutes: 24 * 60 });
    const program = await aBookableProgram(table, clock, org);
    org.calendar.ics = calendarWith([{ uid: 'dentist', start: 'DTSTART:20261203T120000Z', end: 'DTEND:20261203T130000Z' }]);
    await connectTestCalendar(table, clock, org.coach, org.orgId, org.calendar);
    const deps = bookingDepsFor(table, clock);
    for (const start of ['2026-12-05T10:00:00Z', '2026-12-03T08:00:00Z', '2026-12-03T10:10:00Z', '2026-11-30T10:00:00Z', '2026-12-01T07:00:00Z', '2026-12-03T11:30:00Z', '2026-12-03T12:30:00Z']) {
      expect(await outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at(start) })), start).toBe('409 slot_unavailable');
    }
    expect(await outcome(bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-03T13:00:00Z') }))).toBe(201);
  });

  it('gives the session back when cancelled in time, and not when a client cancels late', async () => {
    const org = await aCoachOrg(table, clock);
    const program = await aBookableProgram(table, clock, org, { totalSessions: 3 });
    const deps = bookingDepsFor(table, clock);
    const early = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-14T10:00:00Z') });
    const late = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-11-30T14:00:00Z') }); // six hours away
    expect([early.sessionNumber, late.sessionNumber]).toEqual([1, 2]);

    const cancelledEarly = await cancelBooking(deps, program.client, program.ref, early.bookingId, 'Travelling');
    expect(cancelledEarly).toMatchObject({ status: 'cancelled', creditReturned: true, cancelReason: 'Travelling' });
    const cancelledLate = await cancelBooking(deps, program.client, program.ref, late.bookingId);
    expect(cancelledLate).toMatchObject({ status: 'cancelled', creditReturned: false });

    const availability = await getAvailability(deps, program.client, program.ref, { packageId: 'coaching', from: at('2026-12-01T00:00:00Z'), to: at('2026-12-20T00:00:00Z') });
    expect(availability.remaining).toBe(2); // one forfeited, one given back
    const again = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start: at('2026-12-14T10:00:00Z') });
    expect(again.sessionNumber).toBe(1); // the number given back is taken again
    expect(await outcome(cancelBooking(deps, program.client, program.ref, early.bookingId))).toBe('409 booking_not_active');
  });
});
