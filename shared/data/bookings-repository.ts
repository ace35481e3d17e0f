import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking } from '../domain/bookings/booking';
import { keys } from './keys';
import { fieldsOf, queryAll, storedItem, type Table } from './table';
import type { TransactItem } from './write-transaction';

/**
 * Bookings live in their program's partition; their counters next to them. Writes are offered as
 * transaction items, because a booking never changes alone: its time locks, the coach's calendar
 * and the counters change with it.
 */
export class BookingsRepository {
  constructor(private readonly table: Table) {}

  newBookingItem(booking: Booking): TransactItem {
    return { Put: { TableName: this.table.name, Item: this.stored(booking), ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** Replaces the booking if it is still the version that was read. */
  replaceBookingItem(booking: Booking, expectedVersion: number): TransactItem {
    return {
      Put: { TableName: this.table.name, Item: this.stored(booking), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } },
    };
  }

  private stored(booking: Booking) {
    // Also listed by start across the org's programs, for the coaching log and the analytics of today.
    return { ...storedItem(keys.booking(booking.orgId, booking.programId, booking.bookingId), 'booking', booking), ...keys.sessionsOfOrg(booking.orgId, booking.start, booking.bookingId) };
  }

  /**
   * Records when a side first asked to join; refused if they already had (or the session is no
   * longer confirmed). Like every write of a booking it raises the version, so a decision taken
   * on an older read is retried rather than undoing it.
   */
  joinedItem(booking: Booking, side: 'coach' | 'client', now: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.booking(booking.orgId, booking.programId, booking.bookingId),
        UpdateExpression: 'SET #joined = :now, version = version + :one',
        ConditionExpression: '#status = :confirmed AND attribute_not_exists(#joined)',
        ExpressionAttributeNames: { '#joined': side === 'coach' ? 'coachJoinedAt' : 'clientJoinedAt', '#status': 'status' },
        ExpressionAttributeValues: { ':now': now, ':one': 1, ':confirmed': 'confirmed' },
      },
    };
  }

  /** Marks a reminder sent for the session's current start; refused if it was, or if the session changed. */
  remindedItem(booking: Booking, lead: '24h' | '1h', start: number): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.booking(booking.orgId, booking.programId, booking.bookingId),
        UpdateExpression: 'SET #reminded = :start, version = version + :one',
        ConditionExpression: '#status = :confirmed AND #start = :start AND (attribute_not_exists(#reminded) OR #reminded <> :start)',
        ExpressionAttributeNames: { '#reminded': lead === '24h' ? 'reminded24h' : 'reminded1h', '#status': 'status', '#start': 'start' },
        ExpressionAttributeValues: { ':start': start, ':one': 1, ':confirmed': 'confirmed' },
      },
    };
  }

  async get(orgId: string, programId: string, bookingId: string): Promise<Booking | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.booking(orgId, programId, bookingId), ConsistentRead: true }));
    return Item ? toBookingRecord(Item) : null;
  }

  /** Every booking of a program (a program has a few dozen at most). */
  async all(orgId: string, programId: string): Promise<Booking[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.programPartition(orgId, programId), ':prefix': keys.BOOKING_PREFIX },
      ConsistentRead: true,
    });
    return items.map(toBookingRecord);
  }

  /**
   * The org's sessions (every program, any status) starting in [from, to) epoch minutes, oldest first:
   * one Query of the `byCollection` index, page after page.
   */
  async ofOrgBetween(orgId: string, from: number, to: number): Promise<Booking[]> {
    const { gsi1pk } = keys.sessionsOfOrg(orgId, 0, '');
    const items = await queryAll(this.table, {
      IndexName: 'byCollection',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': gsi1pk, ':from': keys.sessionsOfOrgBound(from), ':to': keys.sessionsOfOrgBound(to - 1) + '~' },
    });
    return items.map(toBookingRecord);
  }

  /** Sessions used of a package, and the session numbers taken. */
  async packageUsage(orgId: string, programId: string, packageId: string): Promise<PackageUsage> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.packageCounter(orgId, programId, packageId), ConsistentRead: true }));
    return toPackageUsage(Item);
  }

  /** A condition for transactions: no session of the package was booked or given back since `used` was read. */
  usageUnchangedItem(ref: { orgId: string; programId: string; packageId: string }, used: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: keys.packageCounter(ref.orgId, ref.programId, ref.packageId),
        ConditionExpression: used === 0 ? 'attribute_not_exists(used) OR used = :used' : 'used = :used',
        ExpressionAttributeValues: { ':used': used },
      },
    };
  }

  /** Takes one session of a package, refused once `cap` are used (and when the session number is taken). */
  takeFromPackageItem(ref: { orgId: string; programId: string; packageId: string }, cap: number, sessionNumber: number | null): TransactItem {
    const numbered = sessionNumber !== null;
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.packageCounter(ref.orgId, ref.programId, ref.packageId),
        UpdateExpression: numbered ? 'ADD used :one, taken :number' : 'ADD used :one',
        ConditionExpression: numbered
          ? '(attribute_not_exists(used) OR used < :cap) AND (attribute_not_exists(taken) OR NOT contains(taken, :n))'
          : 'attribute_not_exists(used) OR used < :cap',
        ExpressionAttributeValues: numbered ? { ':one': 1, ':cap': cap, ':number': new Set([sessionNumber]), ':n': sessionNumber } : { ':one': 1, ':cap': cap },
      },
    };
  }

  takeFromWeekItem(ref: { orgId: string; programId: string; packageId: string }, week: string, perWeek: number): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.weekCounter(ref.orgId, ref.programId, ref.packageId, week),
        UpdateExpression: 'ADD used :one',
        ConditionExpression: 'attribute_not_exists(used) OR used < :perWeek',
        ExpressionAttributeValues: { ':one': 1, ':perWeek': perWeek },
      },
    };
  }

  /** A condition for transactions: the week still has room (a request holding a time in it). */
  weekHasRoomItem(ref: { orgId: string; programId: string; packageId: string }, week: string, perWeek: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: keys.weekCounter(ref.orgId, ref.programId, ref.packageId, week),
        ConditionExpression: 'attribute_not_exists(used) OR used < :perWeek',
        ExpressionAttributeValues: { ':perWeek': perWeek },
      },
    };
  }

  /** Gives a session back to the package (a cancellation that returns the credit). */
  giveBackToPackageItem(ref: { orgId: string; programId: string; packageId: string }, sessionNumber: number | null): TransactItem {
    const numbered = sessionNumber !== null;
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.packageCounter(ref.orgId, ref.programId, ref.packageId),
        UpdateExpression: numbered ? 'ADD used :minusOne DELETE taken :number' : 'ADD used :minusOne',
        ConditionExpression: 'used > :zero',
        ExpressionAttributeValues: numbered ? { ':minusOne': -1, ':zero': 0, ':number': new Set([sessionNumber]) } : { ':minusOne': -1, ':zero': 0 },
      },
    };
  }

  giveBackToWeekItem(ref: { orgId: string; programId: string; packageId: string }, week: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.weekCounter(ref.orgId, ref.programId, ref.packageId, week),
        UpdateExpression: 'ADD used :minusOne',
        ConditionExpression: 'used > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      },
    };
  }

  /**
   * The program is still as the decision read it: same session total, same client, and — for a
   * client acting — still published.
   */
  programUnchangedItem(ref: { orgId: string; programId: string }, expect: { totalSessions: number; clientUserId: string; published: boolean }): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: keys.program(ref.orgId, ref.programId),
        ConditionExpression: expect.published
          ? 'totalSessions = :total AND client.userId = :client AND #status = :published'
          : 'totalSessions = :total AND client.userId = :client',
        ...(expect.published ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: expect.published
          ? { ':total': expect.totalSessions, ':client': expect.clientUserId, ':published': 'published' }
          : { ':total': expect.totalSessions, ':client': expect.clientUserId },
      },
    };
  }
}

/** Sessions used of a package, and which session numbers they took. */
export interface PackageUsage {
  used: number;
  taken: number[];
}

/** A package counter item (or its absence: nothing used yet). */
export const toPackageUsage = (item: Record<string, unknown> | undefined): PackageUsage => ({
  used: Number(item?.used ?? 0),
  taken: [...((item?.taken as Set<number> | undefined) ?? [])].map(Number),
});

export function toBookingRecord(item: Record<string, unknown>): Booking {
  const booking = fieldsOf(item) as unknown as Booking;
  return {
    ...booking,
    weekKey: booking.weekKey ?? null,
    sessionNumber: booking.sessionNumber ?? null,
    cancelledAt: booking.cancelledAt ?? null,
    cancelledBy: booking.cancelledBy ?? null,
    cancelReason: booking.cancelReason ?? null,
    creditReturned: booking.creditReturned ?? null,
    clientJoinedAt: booking.clientJoinedAt ?? null,
    coachJoinedAt: booking.coachJoinedAt ?? null,
    joinHashes: booking.joinHashes ?? null,
    reminded24h: booking.reminded24h ?? null,
    reminded1h: booking.reminded1h ?? null,
    pendingRequestId: booking.pendingRequestId ?? null,
    noShowMarkedBy: booking.noShowMarkedBy ?? null,
    reissuedFor: booking.reissuedFor ?? null,
    statsDay: booking.statsDay ?? null,
    price: booking.price ?? null,
  };
}
