import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const worksheetDeps = { programs, worksheets: new WorksheetsRepository(table), outcomes: new OutcomesRepository(table), transaction: () => new WriteTransaction(table), clock };
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
