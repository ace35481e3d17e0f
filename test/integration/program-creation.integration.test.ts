import { ProfilesRepository } from '../../shared/data/profiles-repository';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarSyncRepository } from '../../shared/data/calendar-sync-repository';
import { keys } from '../../shared/data/keys';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { ProgramsRepository } from '../../shared/data/programs-repository';
import { AppError } from '../../shared/domain/errors';
import { createOrg } from '../../shared/use-cases/orgs/create-org';
import { createProgram, type CreateProgramDeps } from '../../shared/use-cases/programs/create-program';
import { connectTestCalendar, programDepsFor } from '../support/booking-scenarios';
import { racedBy } from '../support/contention';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aCaller } from '../support/scenarios';
import { TestClock } from '../support/test-clock';

let table: TestTable;
let orgs: OrgsRepository;
const clock = TestClock.at('2026-12-01T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable();
  orgs = new OrgsRepository(table);
});
afterAll(() => table.drop());

const deps = (overrides: Partial<CreateProgramDeps> = {}): CreateProgramDeps => ({ ...programDepsFor(table, clock), ...overrides });

async function anOrgWithCalendar(coach = aCaller()) {
  const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'Tidewater Coaching', timeZone: 'America/New_York' }, 'https://api.test');
  await connectTestCalendar(table, clock, coach, orgId);
  return { coach, orgId };
}

const partition = async (orgId: string, programId: string) =>
  (
    await table.db.send(
      new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.programPartition(orgId, programId) } }),
    )
  ).Items ?? [];

describe('creating a program', () => {
  it('writes the whole space with its reads and ONE transaction', async () => {
    const { coach, orgId } = await anOrgWithCalendar();
    table.calls.length = 0;
    const program = await createProgram(deps(), coach, orgId, { type: 'one_to_one_coaching' });
    expect(table.calls).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    expect((await partition(orgId, program.programId)).map((i) => i.sk).sort()).toEqual(
      ['MSG#', 'PROGRAM', 'PROGRAM#HOMEPAGE', 'PROGRAM#STRUCTURE'].map((prefix) => expect.stringMatching(new RegExp(`^${prefix}`))),
    );
    const org = await orgs.get(orgId);
    expect(org?.schedules[program.scheduleId]).toMatchObject({ name: 'Coaching Session (60 min)', timeZone: 'America/New_York' });
  });

  it('fits 52 sessions in the same five items, each far below the 400 KB item limit', async () => {
    const { coach, orgId } = await anOrgWithCalendar();
    const program = await createProgram(deps(), coach, orgId, { type: 'one_to_one_coaching', totalSessions: 52 });
    const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.programStructure(orgId, program.programId) }));
    expect(Buffer.byteLength(JSON.stringify(Item))).toBeLessThan(100 * 1024);
    expect(program.sections[1]?.modules).toHaveLength(52);
  });

  it('leaves nothing behind when the write fails half-way', async () => {
    const { coach, orgId } = await anOrgWithCalendar();
    const before = await orgs.get(orgId);
    // An item already sits where the new program's homepage must go: the third write of the transaction fails.
    const programId = 'PROGRAM-THAT-COLLIDES';
    await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.programHomepage(orgId, programId), squatter: true } }));
    let n = 0;
    const newId = () => (++n === 2 ? programId : `part-${n}`);

    await expect(createProgram(deps({ newId }), coach, orgId, { type: 'one_to_one_coaching', totalSessions: 8 })).rejects.toThrow();

    expect((await partition(orgId, programId)).map((i) => i.sk)).toEqual(['PROGRAM#HOMEPAGE']); // only the squatter
    expect((await orgs.get(orgId))?.schedules).toEqual(before?.schedules); // the auto-created schedule was not kept either
    expect((await new ProgramsRepository(table).listByOrg(orgId, {})).items).toEqual([]);
  });

  it('refuses without a connected calendar, and when the calendar goes away during creation', async () => {
    const coach = aCaller();
    const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'No Calendar', timeZone: 'UTC' }, 'https://api.test');
    await expect(createProgram(deps(), coach, orgId, { type: 'one_to_one_coaching' })).rejects.toMatchObject({ status: 409, code: 'calendar_not_connected' });

    const connected = await anOrgWithCalendar();
    // The coach disconnects between the read and the write: the transaction's condition catches it.
    const racing = racedBy(deps(), () => new CalendarSyncRepository(table).disconnect(connected.orgId, 'now'));
    const error = await createProgram(racing, connected.coach, connected.orgId, { type: 'one_to_one_coaching' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: 'calendar_not_connected' });
    expect((await new ProgramsRepository(table).listByOrg(connected.orgId, {})).items).toEqual([]);
  });

  it('uses a chosen schedule of the org, and refuses one it does not have', async () => {
    const { coach, orgId } = await anOrgWithCalendar();
    const first = await createProgram(deps(), coach, orgId, { type: 'one_to_one_coaching' });
    const second = await createProgram(deps(), coach, orgId, { type: 'one_to_one_coaching', scheduleId: first.scheduleId });
    expect(second.scheduleId).toBe(first.scheduleId);
    expect(Object.keys((await orgs.get(orgId))?.schedules ?? {})).toHaveLength(1);
    await expect(createProgram(deps(), coach, orgId, { type: 'one_to_one_coaching', scheduleId: 'missing' })).rejects.toMatchObject({ status: 400 });
  });
});
