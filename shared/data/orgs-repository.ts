import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Org, Membership } from '../domain/orgs/org';
import { DEFAULT_SCHEDULE_SETTINGS, type Schedule } from '../domain/schedules/schedule';
import { keys } from './keys';
import { fieldsOf, fieldUpdate, isConditionFailure, queryAll, storedItem, type Table } from './table';
import { WriteTransaction, type TransactItem } from './write-transaction';

type OrgChanges = Partial<Pick<Org, 'name' | 'timeZone' | 'meetingUrl' | 'introCalls' | 'logoUrl' | 'brandColor' | 'signature'>>;

export class OrgsRepository {
  constructor(private readonly table: Table) {}

  /** The membership that makes a user a program's client, for the invite-acceptance transaction. */
  clientMembershipItem(userId: string, orgId: string, programId: string): TransactItem {
    return { Put: { TableName: this.table.name, Item: storedItem(keys.clientMembership(userId, orgId, programId), 'membership', { role: 'client', orgId, programId }) } };
  }

  /** The programs in an org a user is the client of. */
  async clientProgramIds(userId: string, orgId: string): Promise<string[]> {
    return (await this.membershipsIn(userId, orgId)).flatMap((m) => (m.role === 'client' ? [m.programId] : []));
  }

  /** Creates the org and the creator's coach membership together. */
  async create(org: Org): Promise<void> {
    await new WriteTransaction(this.table)
      .add({ Put: { TableName: this.table.name, Item: storedItem(keys.org(org.orgId), 'org', org), ConditionExpression: 'attribute_not_exists(pk)' } })
      .add({ Put: { TableName: this.table.name, Item: storedItem(keys.coachMembership(org.coachUserId, org.orgId), 'membership', { role: 'coach', orgId: org.orgId }) } })
      .commit();
  }

  /** The org, or null when there is none. */
  async get(orgId: string): Promise<Org | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.org(orgId), ConsistentRead: true }));
    return Item ? toOrgRecord(Item) : null;
  }

  /** Field changes as one item of a transaction (conditional on the org still existing). */
  updateItem(orgId: string, changes: OrgChanges, now: string): TransactItem {
    return { Update: { TableName: this.table.name, Key: keys.org(orgId), ...fieldUpdate({ ...changes, updatedAt: now }), ConditionExpression: 'attribute_exists(pk)' } };
  }

  /** Applies field changes and returns the org as stored afterwards. */
  async update(orgId: string, changes: OrgChanges, now: string): Promise<Org> {
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.org(orgId),
        ...fieldUpdate({ ...changes, updatedAt: now }),
        ConditionExpression: 'attribute_exists(pk)',
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
        ConditionExpression: 'coachUserId = :coach AND attribute_exists(calendar) AND attribute_not_exists(schedules.#id) AND size(schedules) < :max',
        ExpressionAttributeNames: { '#id': schedule.scheduleId },
        ExpressionAttributeValues: { ':schedule': schedule, ':coach': coachUserId, ':max': maxSchedules },
      },
    };
  }

  /** For the program-creation transaction: the chosen schedule exists and the calendar is connected. */
  checkScheduleItem(orgId: string, coachUserId: string, scheduleId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: keys.org(orgId),
        ConditionExpression: 'coachUserId = :coach AND attribute_exists(calendar) AND attribute_exists(schedules.#id)',
        ExpressionAttributeNames: { '#id': scheduleId },
        ExpressionAttributeValues: { ':coach': coachUserId },
      },
    };
  }

  /** Every membership of a user: the orgs they coach and the programs they are the client of. */
  async membershipsOf(userId: string): Promise<Membership[]> {
    const { pk, skPrefix } = keys.membershipsOf(userId);
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix } });
    return items.map(toMembership);
  }

  /** True when the user belongs to the org in any role (used to tell 403 from 404). */
  async isMemberOf(userId: string, orgId: string): Promise<boolean> {
    return (await this.membershipsIn(userId, orgId)).length > 0;
  }

  /** A user's memberships in one org: coaching it, and the programs they are the client of. */
  private async membershipsIn(userId: string, orgId: string): Promise<Membership[]> {
    const { pk, sk } = keys.coachMembership(userId, orgId);
    // The prefix also matches other orgs whose id starts with this one; only exact ids count.
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': sk } });
    return items.filter((item) => item.sk === sk || String(item.sk).startsWith(`${sk}#`)).map(toMembership);
  }
}

/** An org from its stored item (also used by reads that batch it with other items). */
export function toOrgRecord(item: Record<string, unknown>): Org {
  const org = fieldsOf(item) as unknown as Org;
  return {
    ...org,
    coachProfile: org.coachProfile ?? null,
    logoUrl: org.logoUrl ?? null,
    brandColor: org.brandColor ?? null,
    signature: org.signature ?? null,
    // Schedules stored before booking horizons existed read with the default.
    schedules: Object.fromEntries(
      Object.entries(org.schedules ?? {}).map(([id, schedule]) => [id, { ...schedule, bookingHorizonDays: schedule.bookingHorizonDays ?? DEFAULT_SCHEDULE_SETTINGS.bookingHorizonDays }]),
    ),
    meetingUrl: org.meetingUrl ?? null,
    introCalls: org.introCalls ?? null,
    calendar: org.calendar ? { ...org.calendar, lastSyncError: org.calendar.lastSyncError ?? null, etag: org.calendar.etag ?? null, lastModified: org.calendar.lastModified ?? null } : null,
    busyTimeVersion: Number(org.busyTimeVersion ?? 0),
    bookingFeed: org.bookingFeed ?? null,
  };
}

const toMembership = (item: Record<string, unknown>): Membership =>
  item.role === 'client' ? { orgId: String(item.orgId), role: 'client', programId: String(item.programId) } : { orgId: String(item.orgId), role: 'coach' };
