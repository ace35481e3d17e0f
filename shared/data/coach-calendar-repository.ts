import { keys } from './keys';
import { queryAll, storedItem, type Table } from './table';
import { tableDefinition } from './table-definition';
import type { TransactItem } from './write-transaction';

/** Locks of past sessions are of no use a week later; DynamoDB's TTL clears them. */
const LOCK_KEPT_MINUTES = 7 * 24 * 60;

/**
 * One entry of a coach's calendar: a booked session, a slot held by a pending reschedule request,
 * or a prospect's intro call. It lives in the coach's partition, whichever program it belongs to,
 * because a coach can only be in one place at a time.
 */
export interface CalendarSession {
  id: string;
  kind: 'session' | 'hold' | 'intro_call';
  orgId: string;
  /** The program of a session or hold; null for an intro call. */
  programId: string | null;
  /** Epoch minutes. */
  start: number;
  end: number;
  /** The end plus the buffer after it: nothing else may start before this. */
  blockedUntil: number;
  sequence: number;
  summary: string;
  /** When this entry last changed, epoch ms (DTSTAMP in the feed). */
  changedAt: number;
}

/** The longest a session plus its buffer can last (60 + 120 minutes), for range queries by start. */
export const LONGEST_BLOCK_MINUTES = 180;

export class CoachCalendarRepository {
  constructor(private readonly table: Table) {}

  sessionItem(coachUserId: string, session: CalendarSession): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: storedItem(keys.calendarSession(coachUserId, session.start, session.id), 'calendar_session', session),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Replaces an entry whose details changed (same start, same id). */
  replaceSessionItem(coachUserId: string, session: CalendarSession): TransactItem {
    return { Put: { TableName: this.table.name, Item: storedItem(keys.calendarSession(coachUserId, session.start, session.id), 'calendar_session', session) } };
  }

  removeSessionItem(coachUserId: string, start: number, id: string): TransactItem {
    return { Delete: { TableName: this.table.name, Key: keys.calendarSession(coachUserId, start, id) } };
  }

  /** Takes each block for `ownerId`; the transaction fails if any is already taken. */
  lockItems(coachUserId: string, blocks: number[], ownerId: string, until: number): TransactItem[] {
    return blocks.map((block) => ({
      Put: {
        TableName: this.table.name,
        Item: {
          ...keys.timeLock(coachUserId, block),
          type: 'time_lock',
          owner: ownerId,
          [tableDefinition.ttlAttribute]: (until + LOCK_KEPT_MINUTES) * 60,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }));
  }

  /** Gives blocks back; only the owner's own locks can go. */
  releaseItems(coachUserId: string, blocks: number[], ownerId: string): TransactItem[] {
    return blocks.map((block) => ({
      Delete: {
        TableName: this.table.name,
        Key: keys.timeLock(coachUserId, block),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': ownerId },
      },
    }));
  }

  /** Hands blocks from one owner to another (a held slot becoming the booking's). */
  transferItems(coachUserId: string, blocks: number[], fromOwner: string, toOwner: string): TransactItem[] {
    return blocks.map((block) => ({
      Update: {
        TableName: this.table.name,
        Key: keys.timeLock(coachUserId, block),
        UpdateExpression: 'SET #owner = :to',
        ConditionExpression: '#owner = :from',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':from': fromOwner, ':to': toOwner },
      },
    }));
  }

  /** Entries that overlap [from, to): one Query over the start-sorted keys. */
  async between(coachUserId: string, from: number, to: number): Promise<CalendarSession[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.coachCalendar(coachUserId),
        ':from': keys.calendarSessionBound(from - LONGEST_BLOCK_MINUTES),
        ':to': `${keys.calendarSessionBound(to)}~`,
      },
    });
    return items.map(toSession).filter((session) => session.blockedUntil > from && session.start < to);
  }
}

function toSession(item: Record<string, unknown>): CalendarSession {
  return {
    id: String(item.id),
    kind: item.kind === 'hold' || item.kind === 'intro_call' ? item.kind : 'session',
    orgId: String(item.orgId),
    programId: typeof item.programId === 'string' ? item.programId : null,
    start: Number(item.start),
    end: Number(item.end),
    blockedUntil: Number(item.blockedUntil),
    sequence: Number(item.sequence ?? 0),
    summary: String(item.summary ?? 'Coaching session'),
    changedAt: Number(item.changedAt ?? 0),
  };
}
