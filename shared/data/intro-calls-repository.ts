import { busyTimeFrom, busyTimeKeys, type CalendarBusy } from './busy-time';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IntroCall } from '../domain/intro-calls/intro-call';
import type { Org } from '../domain/orgs/org';
import { keys, type Key } from './keys';
import { toOrgRecord } from './orgs-repository';
import { subjectKey } from './rate-limits-repository';
import { batchGet, queryPage, storedItem, type Page, type Table } from './table';
import type { TransactItem } from './write-transaction';

/** One email's calls with one org that may still be upcoming: id → start (epoch minutes). */
export interface Prospect {
  upcoming: Record<string, number>;
  /** Null when the email has never booked with the org. */
  version: number | null;
}

export interface IntroCallContext {
  org: Org | null;
  call: IntroCall | null;
  prospect: Prospect;
  /** Busy time of the coach's connected calendar over the range asked for (none asked: nothing, checked). */
  busy: CalendarBusy;
}

/**
 * Intro calls live in their org's intro partition, listed for the coach through `byCollection` in
 * time order. Next to them, one item per prospect email (hashed) holds that email's upcoming calls,
 * so the per-email cap is checked and kept in the same transaction as the booking.
 */
export class IntroCallsRepository {
  constructor(private readonly table: Table) {}

  newCallItem(call: IntroCall): TransactItem {
    return { Put: { TableName: this.table.name, Item: this.stored(call), ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** Replaces the call if it is still the version that was read. */
  replaceCallItem(call: IntroCall, expectedVersion: number): TransactItem {
    return {
      Put: { TableName: this.table.name, Item: this.stored(call), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } },
    };
  }

  private stored(call: IntroCall) {
    return storedItem(keys.introCall(call.orgId, call.introCallId), 'intro_call', { ...keys.introCallsOfOrg(call.orgId, call.start, call.introCallId), ...call });
  }

  /** Marks a reminder sent for the call's current start; refused if it was, or if the call changed. */
  remindedItem(call: IntroCall, lead: '24h' | '1h', start: number): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.introCall(call.orgId, call.introCallId),
        UpdateExpression: 'SET #reminded = :start, version = version + :one',
        ConditionExpression: '#status = :confirmed AND #start = :start AND (attribute_not_exists(#reminded) OR #reminded <> :start)',
        ExpressionAttributeNames: { '#reminded': lead === '24h' ? 'reminded24h' : 'reminded1h', '#status': 'status', '#start': 'start' },
        ExpressionAttributeValues: { ':start': start, ':one': 1, ':confirmed': 'confirmed' },
      },
    };
  }

  /** Links the call to the program started from it; refused if one already was. */
  convertedItem(orgId: string, introCallId: string, programId: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.introCall(orgId, introCallId),
        UpdateExpression: 'SET programId = :program, version = version + :one',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(programId)',
        ExpressionAttributeValues: { ':program': programId, ':one': 1 },
      },
    };
  }

  /** The email's upcoming calls as they will be, if nobody changed them since `prospect` was read. */
  prospectItem(orgId: string, email: string, prospect: Prospect, upcoming: Record<string, number>): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: { ...keys.prospect(orgId, subjectKey(email)), type: 'prospect', upcoming, version: (prospect.version ?? 0) + 1 },
        ...(prospect.version === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': prospect.version } }),
      },
    };
  }

  /** Takes a call off (cancelled) or moves it within its email's upcoming calls. */
  prospectCallChangedItem(orgId: string, email: string, introCallId: string, start: number | null): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.prospect(orgId, subjectKey(email)),
        UpdateExpression: start === null ? 'REMOVE upcoming.#id ADD version :one' : 'SET upcoming.#id = :start ADD version :one',
        ConditionExpression: 'attribute_exists(upcoming)',
        ExpressionAttributeNames: { '#id': introCallId },
        ExpressionAttributeValues: start === null ? { ':one': 1 } : { ':one': 1, ':start': start },
      },
    };
  }

  async get(orgId: string, introCallId: string): Promise<IntroCall | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.introCall(orgId, introCallId), ConsistentRead: true }));
    return Item ? toIntroCall(Item) : null;
  }

  /** In ONE BatchGetItem: the org (settings, schedule, coach), and optionally a call and an email's upcoming calls. */
  async context(orgId: string, wanted: { introCallId?: string; email?: string; busy?: { from: number; to: number } }): Promise<IntroCallContext> {
    const orgKey = keys.org(orgId);
    const callKey = wanted.introCallId ? keys.introCall(orgId, wanted.introCallId) : null;
    const prospectKey = wanted.email ? keys.prospect(orgId, subjectKey(wanted.email)) : null;
    const busyKeys = wanted.busy ? busyTimeKeys(orgId, wanted.busy.from, wanted.busy.to) : [];
    const items = await batchGet(this.table, [orgKey, callKey, prospectKey, ...busyKeys].filter((k): k is Key => k !== null));
    const at = (key: Key | null) => (key ? items.get(`${key.pk}|${key.sk}`) : undefined);
    const orgItem = at(orgKey);
    const org = orgItem ? toOrgRecord(orgItem) : null;
    const call = at(callKey);
    const prospect = at(prospectKey);
    return {
      org,
      call: call ? toIntroCall(call) : null,
      prospect: prospect
        ? { upcoming: Object.fromEntries(Object.entries((prospect.upcoming as Record<string, unknown>) ?? {}).map(([k, v]) => [k, Number(v)])), version: Number(prospect.version) }
        : { upcoming: {}, version: null },
      busy: org && wanted.busy ? busyTimeFrom(org, at, wanted.busy.from, wanted.busy.to) : { events: [], checked: true },
    };
  }

  /** An org's intro calls in time order, a page at a time; `status` as stored, `ended` against now. */
  async list(orgId: string, page: { limit?: number; cursor?: string }, filter: { status?: 'confirmed' | 'cancelled'; endedBefore?: number; endedAfter?: number }): Promise<Page<IntroCall>> {
    const { gsi1pk } = keys.introCallsOfOrg(orgId);
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':pk': gsi1pk };
    if (filter.status) {
      conditions.push('#status = :status');
      values[':status'] = filter.status;
    }
    if (filter.endedBefore !== undefined) {
      conditions.push('#end <= :now');
      values[':now'] = filter.endedBefore;
    }
    if (filter.endedAfter !== undefined) {
      conditions.push('#end > :now');
      values[':now'] = filter.endedAfter;
    }
    const names = { ...(filter.status ? { '#status': 'status' } : {}), ...(conditions.some((c) => c.includes('#end')) ? { '#end': 'end' } : {}) };
    const result = await queryPage(
      this.table,
      {
        IndexName: 'byCollection',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
      page,
      { gsi1pk },
    );
    return { items: result.items.map(toIntroCall), nextCursor: result.nextCursor };
  }
}

export function toIntroCall(item: Record<string, unknown>): IntroCall {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  const call = rest as unknown as IntroCall;
  return {
    ...call,
    answers: call.answers ?? [],
    cancelledAt: call.cancelledAt ?? null,
    cancelledBy: call.cancelledBy ?? null,
    cancelReason: call.cancelReason ?? null,
    reminded24h: call.reminded24h ?? null,
    reminded1h: call.reminded1h ?? null,
    programId: call.programId ?? null,
  };
}
