import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import type { Table } from './table';

/**
 * One entry of a coach's calendar: a booked session, or a slot held by a pending reschedule
 * request. It lives in the coach's partition, whichever program it belongs to, because a coach
 * can only be in one place at a time.
 */
export interface CalendarSession {
  id: string;
  kind: 'session' | 'hold';
  orgId: string;
  programId: string;
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

  /** Entries that overlap [from, to): one Query over the start-sorted keys. */
  async between(coachUserId: string, from: number, to: number): Promise<CalendarSession[]> {
    const sessions: CalendarSession[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.db.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.coachCalendar(coachUserId),
            ':from': keys.calendarSessionBound(from - LONGEST_BLOCK_MINUTES),
            ':to': `${keys.calendarSessionBound(to)}~`,
          },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const session = toSession(item);
        if (session.blockedUntil > from && session.start < to) sessions.push(session);
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return sessions;
  }
}

function toSession(item: Record<string, unknown>): CalendarSession {
  return {
    id: String(item.id),
    kind: item.kind === 'hold' ? 'hold' : 'session',
    orgId: String(item.orgId),
    programId: String(item.programId),
    start: Number(item.start),
    end: Number(item.end),
    blockedUntil: Number(item.blockedUntil),
    sequence: Number(item.sequence ?? 0),
    summary: String(item.summary ?? 'Coaching session'),
    changedAt: Number(item.changedAt ?? 0),
  };
}
