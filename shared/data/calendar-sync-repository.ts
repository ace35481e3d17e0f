import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BUCKET_MINUTES } from '../domain/calendar/busy-time';
import type { BookingFeed, CalendarConnection, Org } from '../domain/orgs/org';
import { keys } from './keys';
import { toOrgRecord } from './orgs-repository';
import { isConditionFailure, type Table } from './table';
import { tableDefinition } from './table-definition';
import { TransactionRefused, WriteTransaction } from './write-transaction';

/** A stored bucket is kept a week past its end, then DynamoDB's TTL clears it. */
const BUCKET_KEPT_MINUTES = 7 * 1440;

/** A new copy of the coach's busy time: the connection's status and every bucket of the horizon. */
export interface BusyTimeCopy {
  calendar: CalendarConnection;
  buckets: Map<number, number[]>;
}

/**
 * The coach's connected calendar as data: busy-time buckets beside the org, the connection's sync
 * status on the org item, and the queue of connections due a refresh (the org item in the
 * `byCollection` index under CALENDAR_SYNC, sorted by when it is next due).
 */
export class CalendarSyncRepository {
  constructor(private readonly table: Table) {}

  /**
   * Connects (or reconnects) the calendar with its first copy of busy time, in one transaction:
   * the org (its busy-time version raised from the one read, its booking feed made the first time)
   * and every bucket. False when the org changed meanwhile.
   */
  async connect(org: Org, copy: BusyTimeCopy, feed: BookingFeed, nextDueAt: string, now: string): Promise<boolean> {
    const version = org.busyTimeVersion + 1;
    const tx = new WriteTransaction(this.table).add({
      Update: {
        TableName: this.table.name,
        Key: keys.org(org.orgId),
        UpdateExpression:
          'SET calendar = :calendar, busyTimeVersion = :version, bookingFeed = if_not_exists(bookingFeed, :feed), updatedAt = :now, gsi1pk = :queue, gsi1sk = :due',
        ConditionExpression: `coachUserId = :coach AND ${this.versionIs(org.busyTimeVersion)}`,
        ExpressionAttributeValues: {
          ':calendar': storedCalendar(copy.calendar),
          ':version': version,
          ':read': org.busyTimeVersion,
          ':feed': feed,
          ':now': now,
          ':coach': org.coachUserId,
          ...this.queueValues(nextDueAt, org.orgId),
        },
      },
    });
    for (const item of this.bucketItems(org.orgId, version, copy.buckets)) tx.add(item, 'bucket');
    return this.committed(tx);
  }

  /**
   * Stores a refreshed copy: a new version of every bucket, if the connection is still the one that
   * was read (not disconnected, not reconnected meanwhile). False when it was not.
   */
  async storeRefreshed(org: Org, copy: BusyTimeCopy, nextDueAt: string): Promise<boolean> {
    const version = org.busyTimeVersion + 1;
    const tx = new WriteTransaction(this.table).add({
      Update: {
        TableName: this.table.name,
        Key: keys.org(org.orgId),
        UpdateExpression: 'SET calendar = :calendar, busyTimeVersion = :version, gsi1pk = :queue, gsi1sk = :due',
        ConditionExpression: `${this.versionIs(org.busyTimeVersion)} AND calendar.icsUrl = :url`,
        ExpressionAttributeValues: {
          ':calendar': storedCalendar(copy.calendar),
          ':version': version,
          ':read': org.busyTimeVersion,
          ':url': copy.calendar.icsUrl,
          ...this.queueValues(nextDueAt, org.orgId),
        },
      },
    });
    for (const item of this.bucketItems(org.orgId, version, copy.buckets)) tx.add(item, 'bucket');
    return this.committed(tx);
  }

  /**
   * Records how a refresh went without touching the stored busy time: the feed was unchanged, or
   * it failed and the last good copy stays in use. False when the connection changed meanwhile.
   */
  async recordStatus(org: Org, calendar: CalendarConnection, nextDueAt: string): Promise<boolean> {
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.org(org.orgId),
          UpdateExpression: 'SET calendar = :calendar, gsi1pk = :queue, gsi1sk = :due',
          ConditionExpression: `${this.versionIs(org.busyTimeVersion)} AND calendar.icsUrl = :url`,
          ExpressionAttributeValues: { ':calendar': storedCalendar(calendar), ':read': org.busyTimeVersion, ':url': calendar.icsUrl, ...this.queueValues(nextDueAt, org.orgId) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Stops reading the calendar: the org leaves the refresh queue; its buckets are no longer read and expire. */
  async disconnect(orgId: string, now: string): Promise<Org> {
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.org(orgId),
        UpdateExpression: 'SET updatedAt = :now REMOVE calendar, gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (!Attributes) throw new Error(`Org ${orgId} vanished during update`);
    return toOrgRecord(Attributes);
  }

  /**
   * Replaces the booking feed's secret (or makes the first one), if the org still has the coach that
   * was read (null if not): the old link answers 404 from the moment this returns.
   */
  async replaceBookingFeed(orgId: string, coachUserId: string, feed: BookingFeed, now: string): Promise<Org | null> {
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.org(orgId),
          UpdateExpression: 'SET bookingFeed = :feed, updatedAt = :now',
          ConditionExpression: 'coachUserId = :coach',
          ExpressionAttributeValues: { ':feed': feed, ':now': now, ':coach': coachUserId },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toOrgRecord(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  /** Orgs whose calendar is due a refresh at `now`, the longest overdue first (so no coach waits behind others). */
  async due(now: string, limit: number): Promise<{ orgId: string; dueKey: string }[]> {
    const { gsi1pk } = keys.calendarSyncQueue();
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'byCollection',
        KeyConditionExpression: 'gsi1pk = :queue AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':queue': gsi1pk, ':now': `${now}#~` },
        ProjectionExpression: 'orgId, gsi1sk',
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({ orgId: String(item.orgId), dueKey: String(item.gsi1sk) }));
  }

  /**
   * Takes one due org for this run: its place in the queue moves to `leaseUntil`, on condition that
   * it is still where the queue showed it. Another run (a second delivery, an overlapping minute)
   * then finds it taken. If this run dies, the lease runs out and the org is due again.
   * Returns the org as it is now, or null when someone else took it or it left the queue.
   */
  async claim(orgId: string, dueKey: string, leaseUntil: string): Promise<Org | null> {
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.org(orgId),
          UpdateExpression: 'SET gsi1sk = :lease',
          ConditionExpression: 'gsi1sk = :seen AND attribute_exists(calendar)',
          ExpressionAttributeValues: { ':lease': keys.calendarSyncQueue(leaseUntil, orgId).gsi1sk, ':seen': dueKey },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toOrgRecord(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  private bucketItems(orgId: string, version: number, buckets: Map<number, number[]>) {
    return [...buckets].map(([bucket, spans]) => ({
      Put: {
        TableName: this.table.name,
        Item: {
          ...keys.busyBucket(orgId, bucket),
          type: 'busy_time',
          version,
          spans,
          [tableDefinition.ttlAttribute]: (bucket + BUCKET_MINUTES + BUCKET_KEPT_MINUTES) * 60,
        },
      },
    }));
  }

  private versionIs(read: number): string {
    return read === 0 ? '(attribute_not_exists(busyTimeVersion) OR busyTimeVersion = :read)' : 'busyTimeVersion = :read';
  }

  private queueValues(dueAt: string, orgId: string) {
    const { gsi1pk, gsi1sk } = keys.calendarSyncQueue(dueAt, orgId);
    return { ':queue': gsi1pk, ':due': gsi1sk };
  }

  private async committed(tx: WriteTransaction): Promise<boolean> {
    try {
      await tx.commit();
      return true;
    } catch (error) {
      if (error instanceof TransactionRefused) return false;
      throw error;
    }
  }
}

/** The connection as stored: fields without a value are left out (never a stored NULL). */
function storedCalendar(calendar: CalendarConnection): Record<string, unknown> {
  return Object.fromEntries(Object.entries(calendar).filter(([, value]) => value !== null && value !== undefined));
}
