import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsRepository } from '../../shared/data/bookings-repository';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { StatsRepository } from '../../shared/data/stats-repository';
import { dayOf, sessionBooked, sessionCancelled, sessionMissed } from '../../shared/domain/analytics/stats-delta';
import { statusAt, type Booking } from '../../shared/domain/bookings/booking';
import { getCoachingLog, getOrgAnalytics } from '../../shared/use-cases/analytics/org-analytics';
import { ActionItemsRepository } from '../../shared/data/action-items-repository';
import { MessagesRepository } from '../../shared/data/messages-repository';
import { OutcomesRepository } from '../../shared/data/outcomes-repository';
import { ProgramsRepository } from '../../shared/data/programs-repository';
import { WorksheetsRepository } from '../../shared/data/worksheets-repository';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { getProgramReport } from '../../shared/use-cases/outcomes/program-report';
import { answerWorksheet } from '../../shared/use-cases/programs/worksheets';
import { aBookableProgram, aCoachOrg, bookingDepsFor } from '../support/booking-scenarios';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aBooking } from '../support/scenarios';
import { TestClock } from '../support/test-clock';

let table: TestTable;
const clock = TestClock.at('2026-11-30T08:00:00Z'); // a Monday

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.drop());

describe('the program report', () => {
  it('reads two Queries of the program partition, however long the answers and the message thread', async () => {
    const org = await aCoachOrg(table, clock);
    const { ref, client, programId } = await aBookableProgram(table, clock, org);
    const programs = new ProgramsRepository(table);
    const full = await programs.getFull(org.orgId, programId);
    const reflections = full!.structure.sections[1]!.modules.map((m) => m.activities.find((a) => a.kind === 'session_reflection')!);
    const worksheetDeps = {
      programs,
      orgs: new OrgsRepository(table),
      worksheets: new WorksheetsRepository(table),
      outcomes: new OutcomesRepository(table),
      outbox: new OutboxRepository(table),
      transaction: () => new WriteTransaction(table),
      clock,
      appUrl: 'https://app.test',
    };
    const long = 'x'.repeat(9_000);
    for (const [i, reflection] of reflections.entries()) {
      await answerWorksheet(worksheetDeps, client, ref, reflection.activityId, { takeaway: long, commitments: long, progress_rating: (i % 10) + 1 });
    }
    const messages = new MessagesRepository(table);
    for (let i = 0; i < 40; i++) {
      await new WriteTransaction(table).add(messages.newMessageItem(org.orgId, programId, { messageId: `01KQ${String(i).padStart(22, '0')}`, authorId: client.userId, body: long, sentAt: 'x' })).commit();
    }
    await new ActionItemsRepository(table).add(org.orgId, programId, { actionItemId: 'a1', moduleId: full!.structure.sections[1]!.modules[0]!.moduleId, text: 'One step', dueDate: null, done: true, doneAt: null, createdAt: 'x', updatedAt: 'x' });
    await bookSession(bookingDepsFor(table, clock), client, ref, { packageId: 'coaching', start: Date.parse('2026-12-02T10:00:00Z') });

    table.calls.length = 0;
    const report = await getProgramReport({ outcomes: new OutcomesRepository(table), clock }, org.coach, ref);
    expect(table.calls).toEqual(['QueryCommand', 'QueryCommand']);
    expect(report.progressRatings).toHaveLength(12);
    expect(report.activityCompletion.sessionReflection).toEqual({ submitted: 12, total: 12 });
    expect(report.actionItems).toEqual({ done: 1, total: 1 });
    expect(report.sessions).toMatchObject({ booked: 1, upcoming: 1, remaining: 11 });
  });
});

describe('org analytics', () => {
  it('stay within three requests with 200 bookings in the org, and agree with the bookings themselves', async () => {
    const org = await aCoachOrg(table, clock); // London
    const programs = await Promise.all([0, 1, 2, 3].map(() => aBookableProgram(table, clock, org)));
    const bookings = new BookingsRepository(table);
    const stats = new StatsRepository(table);
    const prices = [{ amountMinor: 10000, currency: 'EUR' }, { amountMinor: 5000, currency: 'USD' }, null, { amountMinor: 7500, currency: 'EUR' }];
    const written: Booking[] = [];
    // 200 sessions from 1 October to mid-December, written as the use cases write them: the booking and
    // its analytics delta in one transaction, then its cancellation or no-show in another.
    for (let i = 0; i < 200; i++) {
      const p = i % 4;
      const start = Date.parse('2026-10-01T09:00:00Z') / 60_000 + i * 9 * 60;
      const booked = aBooking({
        bookingId: `01KQ${String(i).padStart(22, '0')}`,
        orgId: org.orgId,
        programId: programs[p]!.programId,
        coachUserId: org.coach.userId,
        clientUserId: programs[p]!.client.userId,
        start,
        sessionNumber: null,
        statsDay: dayOf(start * 60_000, 'Europe/London'),
        price: prices[p] ?? null,
        bookedAt: '2026-09-01T09:00:00Z',
      });
      const tx = new WriteTransaction(table).add(bookings.newBookingItem(booked));
      for (const item of stats.deltaItems(org.orgId, booked.programId, sessionBooked(booked))) tx.add(item);
      await tx.commit();
      let final: Booking = booked;
      if (i % 10 < 3) {
        final = i % 10 === 0 ? { ...booked, status: 'no_show', version: 2 } : { ...booked, status: 'cancelled', creditReturned: i % 10 === 2, version: 2 };
        const change = new WriteTransaction(table).add(bookings.replaceBookingItem(final, 1));
        const delta = i % 10 === 0 ? sessionMissed(booked) : sessionCancelled(booked, i % 10 === 1);
        for (const item of stats.deltaItems(org.orgId, booked.programId, delta)) change.add(item);
        await change.commit();
      }
      written.push(final);
    }
    clock.set('2026-12-10T14:30:00Z'); // a session is under way: today is not settled
    const now = Date.parse('2026-12-10T14:30:00Z') / 60_000;
    const period = { from: '2026-10-01', to: '2026-12-10' };

    const deps = { orgs: new OrgsRepository(table), stats, bookings, programs: new ProgramsRepository(table), clock };
    table.calls.length = 0;
    const result = await getOrgAnalytics(deps, org.coach, org.orgId, period);
    expect([...table.calls].sort()).toEqual(['GetItemCommand', 'QueryCommand', 'QueryCommand']);

    // The same figures, counted from the bookings one by one.
    const inPeriod = written.filter((b) => b.start < Date.parse('2026-12-11T00:00:00Z') / 60_000);
    const status = (b: Booking) => statusAt(b, now);
    const forfeited = (b: Booking) => status(b) === 'completed' || status(b) === 'no_show' || (b.status === 'cancelled' && b.creditReturned === false);
    const revenue = new Map<string, number>();
    for (const b of inPeriod.filter(forfeited)) {
      if (!b.price) continue;
      const key = `${DateTime.fromMillis(b.start * 60_000, { zone: 'Europe/London' }).toFormat('yyyy-MM')}|${b.price.currency}`;
      revenue.set(key, (revenue.get(key) ?? 0) + b.price.amountMinor);
    }
    expect(inPeriod.filter((b) => status(b) === 'confirmed')).toHaveLength(1); // the one under way
    expect(result).toMatchObject({
      sessionsCompleted: inPeriod.filter((b) => status(b) === 'completed').length,
      noShows: inPeriod.filter((b) => status(b) === 'no_show').length,
      cancellations: inPeriod.filter((b) => b.status === 'cancelled').length,
      cancellationsLate: inPeriod.filter((b) => b.status === 'cancelled' && !b.creditReturned).length,
      activeClients: 4,
    });
    expect(result.revenue).toEqual(
      [...revenue.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, amount]) => {
          const [month, currency] = key.split('|');
          return { month, amount, currency };
        }),
    );

    table.calls.length = 0;
    const log = await getCoachingLog(deps, org.coach, org.orgId, period);
    expect([...table.calls].sort()).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand']);
    expect(log.csv.split('\r\n').length - 2).toBe(result.sessionsCompleted);
  });
});
