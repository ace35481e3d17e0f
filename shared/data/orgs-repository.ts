import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Org, Membership } from '../domain/orgs/org';
import type { Schedule } from '../domain/schedules/schedule';
import { keys } from './keys';
import { isConditionFailure, queryAll, type Table } from './table';
import type { TransactItem } from './write-transaction';

type OrgChanges = Partial<Pick<Org, 'name' | 'timeZone' | 'meetingUrl' | 'introCalls'>>;

export class OrgsRepository {
  constructor(private readonly table: Table) {}

  /** The membership that makes a user a program's client, for the invite-acceptance transaction. */
  clientMembershipItem(userId: string, orgId: string, programId: string): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: { ...keys.clientMembership(userId, orgId, programId), type: 'membership', role: 'client', orgId, programId },
      },
    };
  }

  /** The programs in an org a user is the client of. */
  async clientProgramIds(userId: string, orgId: string): Promise<string[]> {
    const { pk, sk } = keys.coachMembership(userId, orgId);
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': `${sk}#` },
      }),
    );
    return (Items ?? []).map((item) => String(item.programId));
  }

  /** Creates the org and the creator's coach membership together. */
  async create(org: Org): Promise<void> {
    await this.table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table.name,
              // Absent until first set: `if_not_exists(bookingFeed, …)` must see no attribute, not a NULL.
              Item: { ...keys.org(org.orgId), type: 'org', ...org, calendar: org.calendar ?? undefined, bookingFeed: org.bookingFeed ?? undefined },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.table.name,
              Item: { ...keys.coachMembership(org.coachUserId, org.orgId), type: 'membership', role: 'coach', orgId: org.orgId },
            },
          },
        ],
      }),
    );
  }

  /** The org, or null when there is none. */
  async get(orgId: string): Promise<Org | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.org(orgId), ConsistentRead: true }));
    return Item ? toOrgRecord(Item) : null;
  }

  /** Applies field changes and returns the org as stored afterwards. */
  async update(orgId: string, changes: OrgChanges, now: string): Promise<Org> {
    const entries = Object.entries({ ...changes, updatedAt: now });
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.org(orgId),
        UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (!Attributes) throw new Error(`Org ${orgId} vanished during update`);
    return toOrgRecord(Attributes);
  }

  /** Links the coach's calendar, and makes their booking feed the first time. */
  async connectCalendar(orgId: string, connection: Org['calendar'], feed: NonNullable<Org['bookingFeed']>, now: string): Promise<Org> {
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.org(orgId),
        UpdateExpression: 'SET calendar = :calendar, bookingFeed = if_not_exists(bookingFeed, :feed), updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':calendar': connection, ':feed': feed, ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (!Attributes) throw new Error(`Org ${orgId} vanished during update`);
    return toOrgRecord(Attributes);
  }

  async disconnectCalendar(orgId: string, now: string): Promise<Org> {
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.org(orgId),
        UpdateExpression: 'SET calendar = :none, updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':none': null, ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (!Attributes) throw new Error(`Org ${orgId} vanished during update`);
    return toOrgRecord(Attributes);
  }

  /**
   * Stores a schedule inside its org. A new one must not exist yet and the org must have room;
   * a changed one must still be the version that was read.
   * Returns false when that condition failed, so the caller can re-read and decide.
   */
  async putSchedule(orgId: string, schedule: Schedule, guard: { isNew: true; maxSchedules: number } | { isNew: false; expectedVersion: number }): Promise<boolean> {
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.org(orgId),
          UpdateExpression: 'SET schedules.#id = :schedule',
          ConditionExpression: guard.isNew
            ? 'attribute_exists(pk) AND attribute_not_exists(schedules.#id) AND size(schedules) < :max'
            : 'schedules.#id.version = :expected',
          ExpressionAttributeNames: { '#id': schedule.scheduleId },
          ExpressionAttributeValues: guard.isNew
            ? { ':schedule': schedule, ':max': guard.maxSchedules }
            : { ':schedule': schedule, ':expected': guard.expectedVersion },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * For the program-creation transaction: adds the program's new schedule to the org, on condition
   * that the caller still coaches it, its calendar is still connected and it has room.
   */
  addScheduleItem(orgId: string, coachUserId: string, schedule: Schedule, maxSchedules: number): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.org(orgId),
        UpdateExpression: 'SET schedules.#id = :schedule',
        ConditionExpression: 'coachUserId = :coach AND attribute_type(calendar, :map) AND attribute_not_exists(schedules.#id) AND size(schedules) < :max',
        ExpressionAttributeNames: { '#id': schedule.scheduleId },
        ExpressionAttributeValues: { ':schedule': schedule, ':coach': coachUserId, ':map': 'M', ':max': maxSchedules },
      },
    };
  }

  /** For the program-creation transaction: the chosen schedule exists and the calendar is connected. */
  checkScheduleItem(orgId: string, coachUserId: string, scheduleId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: keys.org(orgId),
        ConditionExpression: 'coachUserId = :coach AND attribute_type(calendar, :map) AND attribute_exists(schedules.#id)',
        ExpressionAttributeNames: { '#id': scheduleId },
        ExpressionAttributeValues: { ':coach': coachUserId, ':map': 'M' },
      },
    };
  }

  /** Every membership of a user: the orgs they coach and the programs they are the client of. */
  async membershipsOf(userId: string): Promise<Membership[]> {
    const { pk, skPrefix } = keys.membershipsOf(userId);
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix } });
    return items.map(
      (item): Membership =>
        item.role === 'client' ? { orgId: String(item.orgId), role: 'client', programId: String(item.programId) } : { orgId: String(item.orgId), role: 'coach' },
    );
  }

  /** True when the user belongs to the org in any role (used to tell 403 from 404). */
  async isMemberOf(userId: string, orgId: string): Promise<boolean> {
    const { pk, sk } = keys.coachMembership(userId, orgId);
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': sk },
        ProjectionExpression: 'sk',
      }),
    );
    return (Items ?? []).some((item) => item.sk === sk || String(item.sk).startsWith(`${sk}#`));
  }
}

/** An org from its stored item (also used by reads that batch it with other items). */
export function toOrgRecord(item: Record<string, unknown>): Org {
  const { pk: _pk, sk: _sk, type: _type, ...org } = item;
  return { ...(org as unknown as Org), calendar: (org.calendar as Org['calendar']) ?? null, bookingFeed: (org.bookingFeed as Org['bookingFeed']) ?? null };
}
