import { WriteTransaction } from '../../shared/data/write-transaction';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { ProfilesRepository } from '../../shared/data/profiles-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { SCHEDULE_LIMITS } from '../../shared/domain/schedules/schedule';
import { AppError } from '../../shared/domain/errors';
import { createOrg } from '../../shared/use-cases/orgs/create-org';
import { getOrg, updateOrg } from '../../shared/use-cases/orgs/update-org';
import { getMe } from '../../shared/use-cases/identity/get-me';
import { createSchedule, listSchedules, updateSchedule } from '../../shared/use-cases/schedules/schedule-use-cases';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aCaller, aWeekdaySchedule } from '../support/scenarios';
import { TestClock } from '../support/test-clock';

let table: TestTable;
let orgs: OrgsRepository;
const clock = TestClock.at('2026-12-01T09:00:00Z');
const ORIGIN = 'https://api.rapport.test';

beforeAll(async () => {
  table = await createTestTable();
  orgs = new OrgsRepository(table);
});
afterAll(() => table.drop());

const expectAppError = async (promise: Promise<unknown>, status: number, code: string) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect({ status: (error as AppError).status, code: (error as AppError).code }).toEqual({ status, code });
};

describe('orgs', () => {
  it('makes the creator the coach, visible in their memberships', async () => {
    const coach = aCaller();
    const org = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'North Star Coaching', timeZone: 'Europe/London' }, ORIGIN);
    expect(org).toMatchObject({ name: 'North Star Coaching', timeZone: 'Europe/London', calendar: { connected: false }, createdAt: '2026-12-01T09:00:00Z' });
    expect((await getMe({ orgs, profiles: new ProfilesRepository(table) }, coach)).memberships).toEqual([{ orgId: org.orgId, role: 'coach' }]);
  });

  it('hides an org from everyone but its coach, and reads it in one request for the coach', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'A', timeZone: 'UTC' }, ORIGIN);
    await expectAppError(getOrg({ orgs }, aCaller('stranger'), orgId, ORIGIN), 404, 'not_found');
    table.calls.length = 0;
    await getOrg({ orgs }, coach, orgId, ORIGIN);
    expect(table.calls).toEqual(['GetItemCommand']);
  });

  it('updates fields and refuses intro calls on a schedule the org does not have', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'A', timeZone: 'UTC' }, ORIGIN);
    const updated = await updateOrg({ orgs, outbox: new OutboxRepository(table), transaction: () => new WriteTransaction(table), clock }, coach, orgId, { name: 'B', meetingUrl: 'https://meet.example.com/coach' }, ORIGIN);
    expect(updated).toMatchObject({ name: 'B', meetingUrl: 'https://meet.example.com/coach' });
    await expectAppError(
      updateOrg({ orgs, outbox: new OutboxRepository(table), transaction: () => new WriteTransaction(table), clock }, coach, orgId, { introCalls: { enabled: true, scheduleId: 'missing', durationMinutes: 15, questions: [] } }, ORIGIN),
      400,
      'validation_failed',
    );
    const schedule = await createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule());
    const withIntro = await updateOrg({ orgs, outbox: new OutboxRepository(table), transaction: () => new WriteTransaction(table), clock }, coach, orgId, { introCalls: { enabled: true, scheduleId: schedule.scheduleId, durationMinutes: 15, questions: [] } }, ORIGIN);
    expect(withIntro.introCalls).toEqual({ enabled: true, scheduleId: schedule.scheduleId, durationMinutes: 15, questions: [] });
  });
});

describe('schedules', () => {
  it('are created, listed page by page and read back', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'A', timeZone: 'UTC' }, ORIGIN);
    const created = [];
    for (const name of ['One', 'Two', 'Three']) {
      created.push(await createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule({ name })));
      clock.advanceMinutes(1);
    }
    const first = await listSchedules({ orgs }, coach, orgId, { limit: 2 });
    expect(first.items.map((s) => s.name)).toEqual(['One', 'Two']);
    expect(first.nextCursor).not.toBeNull();
    const second = await listSchedules({ orgs }, coach, orgId, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((s) => s.name)).toEqual(['Three']);
    expect(second.nextCursor).toBeNull();
    await expectAppError(listSchedules({ orgs }, coach, orgId, { cursor: 'bm9wZQ' }), 400, 'validation_failed');
  });

  it('stop at the per-org limit, even when added concurrently', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'A', timeZone: 'UTC' }, ORIGIN);
    const attempts = await Promise.allSettled(
      Array.from({ length: SCHEDULE_LIMITS.schedulesPerOrg + 5 }, (_, i) => createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule({ name: `S${i}` }))),
    );
    const refused = attempts.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason as AppError);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(SCHEDULE_LIMITS.schedulesPerOrg);
    expect(refused.map((e) => e.code)).toEqual(Array(5).fill('schedule_limit_reached'));
  });

  it('applies concurrent PATCHes one on top of the other, losing neither', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'A', timeZone: 'UTC' }, ORIGIN);
    const { scheduleId } = await createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule());
    await Promise.all([
      updateSchedule({ orgs, clock }, coach, orgId, scheduleId, { bufferMinutes: 15 }),
      updateSchedule({ orgs, clock }, coach, orgId, scheduleId, { minimumNoticeMinutes: 120 }),
    ]);
    const [stored] = (await listSchedules({ orgs }, coach, orgId, {})).items;
    expect(stored).toMatchObject({ bufferMinutes: 15, minimumNoticeMinutes: 120, version: 3 });
  });

  it('validates the merged schedule of a PATCH as a whole', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'A', timeZone: 'UTC' }, ORIGIN);
    const { scheduleId } = await createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule());
    await expectAppError(
      updateSchedule({ orgs, clock }, coach, orgId, scheduleId, { weekly: [{ day: 'mon', start: '12:00', end: '11:00' }] }),
      400,
      'validation_failed',
    );
  });
});
