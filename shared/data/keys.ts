/**
 * Every key of the single table is built here, and nowhere else.
 *
 * Layout (pk / sk):
 *   USER#<userId>                    / MEMBER#<orgId>                  the user coaches that org
 *   USER#<userId>                    / MEMBER#<orgId>#<programId>      the user is that program's client
 *   USER#<userId>                    / PROFILE                         the user's name, zone, locale, hour cycle, bio
 *   ORG#<orgId>                      / ORG                             the org, its schedules and calendar link
 *                                    / BUSY#<bucketMinute>             a week of busy time from the coach's connected calendar
 *                                    / WEBHOOK#<webhookId>             an endpoint the coach registered for events
 *                                    / WEBHOOK_COUNT                   how many endpoints the org has (a cap held in transactions)
 *   ORG#<orgId>#WEBHOOK#<webhookId>  / DELIVERY#<deliveryId>           one event's delivery to that endpoint: attempts, outcome (TTL 30 days)
 *   ORG#<orgId>#PROG#<programId>     / PROGRAM                         the program's record (access, totals, client)
 *                                    / PROGRAM#STRUCTURE               sections, modules, activities, templates
 *                                    / PROGRAM#HOMEPAGE                the homepage
 *                                    / PROGRAM#OUTCOMES                what each answered worksheet says for the report
 *                                    / MSG#<ulid>                      messages, oldest first
 *                                    / RESOURCE#<ulid>                 resource library entries
 *                                    / RESPONSE#<activityId>           the client's answers to a worksheet
 *                                    / ACTION#<ulid>                   action items
 *                                    / INVITE#<inviteId>               invites to become the client
 *                                    / BOOKING#<bookingId>             booked sessions
 *                                    / RESCHEDULE#<requestId>          a client's request to move a session
 *                                    / NOTE#<bookingId>                the coach's private notes on a session
 *                                    / COUNTER#<packageId>             sessions used of a package (+ taken session numbers)
 *                                    / COUNTER#<packageId>#WEEK#<week> sessions used in one local week
 *                                    / REVIEW#<clientUserId>           the client's review of the program
 *                                    / REVIEW_REQUEST                  the coach's latest request for a review
 *                                    / OUTBOX#<entryId>                work that follows a write
 *   ORG#<orgId>#STATS                / MONTH#<YYYY-MM>#<programId>     a program's sessions and reviews, by day of that month (analytics)
 *   SUPPRESSED#<email>               / SUPPRESSED                      an address SES bounced for good or got a complaint from
 *   SUPPRESSION                      / COUNT#<reason>                  how many addresses were suppressed, by reason
 *   COACH#<coachUserId>              / SESSION#<startMinute>#<id>      the coach's calendar: sessions, held slots, intro calls
 *                                    / LOCK#<blockMinute>              one 5-minute block of the coach's time, taken
 *   ORG#<orgId>#INTRO                / CALL#<introCallId>              a prospect's free intro call (gsi1: the org's calls by start)
 *                                    / PROSPECT#<emailHash>            one email's upcoming intro calls with the org
 *                                    / OUTBOX#<entryId>                work that follows an intro-call write
 *   RATE#<limit>#<subjectHash>       / WINDOW#<epochSecond>            uses of a rate limit in one window (TTL)
 *
 * Indexes: byCollection (gsi1pk/gsi1sk, whole items) lists collections read from the index;
 * byOutbox (gsi2pk/gsi2sk, keys only) lists outbox entries due and failed.
 *
 * Isolation: everything that belongs to a program lives in a partition that starts with its org
 * and program (`ORG#<orgId>#PROG#<programId>`). A coach's calendar (bookings, time locks) lives in
 * the coach's own partition, because conflicts cross programs.
 */
export interface Key {
  pk: string;
  sk: string;
}

const MEMBER = 'MEMBER#';

/** Epoch minutes, zero-padded so that string order is time order. */
const pad = (minute: number) => String(Math.max(0, Math.floor(minute))).padStart(10, '0');

export const keys = {
  coachMembership: (userId: string, orgId: string): Key => ({ pk: `USER#${userId}`, sk: `${MEMBER}${orgId}` }),
  clientMembership: (userId: string, orgId: string, programId: string): Key => ({
    pk: `USER#${userId}`,
    sk: `${MEMBER}${orgId}#${programId}`,
  }),
  /** Query: all memberships of a user. */
  membershipsOf: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: MEMBER }),

  profile: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),

  org: (orgId: string): Key => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  /**
   * Busy time of the org's connected calendar, one item per 7-day bucket. It lives beside the org
   * (the coach's practice), not under COACH#: a booking's one BatchGetItem must name it before it
   * knows who the coach is.
   */
  busyBucket: (orgId: string, bucketMinute: number): Key => ({ pk: `ORG#${orgId}`, sk: `BUSY#${pad(bucketMinute)}` }),
  /** byCollection on the org item: connected calendars by when they are next due a refresh. */
  calendarSyncQueue: (dueAt = '', orgId = '') => ({ gsi1pk: 'CALENDAR_SYNC', gsi1sk: dueAt ? `${dueAt}#${orgId}` : '' }),

  programPartition: (orgId: string, programId: string): string => `ORG#${orgId}#PROG#${programId}`,
  program: (orgId: string, programId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: 'PROGRAM' }),
  programStructure: (orgId: string, programId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: 'PROGRAM#STRUCTURE' }),
  programHomepage: (orgId: string, programId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: 'PROGRAM#HOMEPAGE' }),
  programOutcomes: (orgId: string, programId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: 'PROGRAM#OUTCOMES' }),
  /** Query prefix: the record, structure and homepage of a program together. */
  PROGRAM_PREFIX: 'PROGRAM',
  /** byCollection: the programs of an org, oldest first. */
  programsOfOrg: (orgId: string, createdAt = '', programId = '') => ({ gsi1pk: `ORG#${orgId}#PROGRAMS`, gsi1sk: `${createdAt}#${programId}` }),

  message: (orgId: string, programId: string, messageId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `MSG#${messageId}` }),
  MESSAGE_PREFIX: 'MSG#',
  resource: (orgId: string, programId: string, resourceId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `RESOURCE#${resourceId}` }),
  RESOURCE_PREFIX: 'RESOURCE#',
  response: (orgId: string, programId: string, activityId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `RESPONSE#${activityId}` }),
  RESPONSE_PREFIX: 'RESPONSE#',
  actionItem: (orgId: string, programId: string, actionItemId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `ACTION#${actionItemId}` }),
  ACTION_PREFIX: 'ACTION#',
  invite: (orgId: string, programId: string, inviteId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `INVITE#${inviteId}` }),

  coachCalendar: (coachUserId: string): string => `COACH#${coachUserId}`,
  /** Sorted by start (zero-padded epoch minutes), so a range of time is one Query. */
  calendarSession: (coachUserId: string, startMinute: number, id: string): Key => ({
    pk: keys.coachCalendar(coachUserId),
    sk: `SESSION#${pad(startMinute)}#${id}`,
  }),
  calendarSessionBound: (startMinute: number): string => `SESSION#${pad(startMinute)}`,
  timeLock: (coachUserId: string, blockMinute: number): Key => ({ pk: keys.coachCalendar(coachUserId), sk: `LOCK#${pad(blockMinute)}` }),

  booking: (orgId: string, programId: string, bookingId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `BOOKING#${bookingId}` }),
  BOOKING_PREFIX: 'BOOKING#',
  /** byCollection: an org's sessions by start, across its programs (the coaching log, analytics of the current days). */
  sessionsOfOrg: (orgId: string, startMinute: number, bookingId: string) => ({ gsi1pk: `ORG#${orgId}#SESSIONS`, gsi1sk: `${pad(startMinute)}#${bookingId}` }),
  sessionsOfOrgBound: (startMinute: number): string => pad(startMinute),
  /**
   * Sort-key range of one program-partition Query holding action items, bookings and counters
   * (ACTION# < BOOKING# < COUNTER#): what the program report reads besides the program's own items.
   */
  REPORT_RANGE: { from: 'ACTION#', to: 'COUNTER#~' },
  review: (orgId: string, programId: string, clientUserId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `REVIEW#${clientUserId}` }),
  REVIEW_PREFIX: 'REVIEW#',
  reviewRequest: (orgId: string, programId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: 'REVIEW_REQUEST' }),
  orgStatsPartition: (orgId: string): string => `ORG#${orgId}#STATS`,
  /** One item per month and program: a booking race in one program never contends with another program's. */
  orgMonthStats: (orgId: string, month: string, programId: string): Key => ({ pk: keys.orgStatsPartition(orgId), sk: `MONTH#${month}#${programId}` }),
  orgMonthStatsBound: (month: string): string => `MONTH#${month}`,
  rescheduleRequest: (orgId: string, programId: string, requestId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `RESCHEDULE#${requestId}` }),
  RESCHEDULE_PREFIX: 'RESCHEDULE#',
  sessionNote: (orgId: string, programId: string, bookingId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `NOTE#${bookingId}` }),
  packageCounter: (orgId: string, programId: string, packageId: string): Key => ({ pk: keys.programPartition(orgId, programId), sk: `COUNTER#${packageId}` }),
  weekCounter: (orgId: string, programId: string, packageId: string, week: string): Key => ({
    pk: keys.programPartition(orgId, programId),
    sk: `COUNTER#${packageId}#WEEK#${week}`,
  }),

  introPartition: (orgId: string): string => `ORG#${orgId}#INTRO`,
  introCall: (orgId: string, introCallId: string): Key => ({ pk: keys.introPartition(orgId), sk: `CALL#${introCallId}` }),
  /** byCollection: an org's intro calls in time order (the key follows the call when it moves). */
  introCallsOfOrg: (orgId: string, startMinute?: number, introCallId = '') => ({
    gsi1pk: `ORG#${orgId}#INTROCALLS`,
    gsi1sk: startMinute === undefined ? '' : `${pad(startMinute)}#${introCallId}`,
  }),
  prospect: (orgId: string, emailHash: string): Key => ({ pk: keys.introPartition(orgId), sk: `PROSPECT#${emailHash}` }),

  webhook: (orgId: string, webhookId: string): Key => ({ pk: `ORG#${orgId}`, sk: `WEBHOOK#${webhookId}` }),
  WEBHOOK_PREFIX: 'WEBHOOK#',
  webhookCount: (orgId: string): Key => ({ pk: `ORG#${orgId}`, sk: 'WEBHOOK_COUNT' }),
  webhookDeliveries: (orgId: string, webhookId: string): string => `ORG#${orgId}#WEBHOOK#${webhookId}`,
  webhookDelivery: (orgId: string, webhookId: string, deliveryId: string): Key => ({ pk: keys.webhookDeliveries(orgId, webhookId), sk: `DELIVERY#${deliveryId}` }),
  DELIVERY_PREFIX: 'DELIVERY#',
  /**
   * byCollection: deliveries still to be attempted, by when (epoch ms), sharded like the outbox so
   * no index partition takes every tenant's retries. Removed once a delivery succeeds or gives up.
   */
  webhookDue: (deliveryId: string, dueMs: number) => ({
    gsi1pk: `WEBHOOK_DUE#${outboxShard(deliveryId)}`,
    gsi1sk: `${String(Math.max(0, Math.floor(dueMs))).padStart(15, '0')}#${deliveryId}`,
  }),
  webhookDueShardKey: (shard: number) => `WEBHOOK_DUE#${shard}`,

  rateWindow: (limitName: string, subjectHash: string, windowStartSecond: number): Key => ({ pk: `RATE#${limitName}#${subjectHash}`, sk: `WINDOW#${windowStartSecond}` }),

  /** An outbox entry lives in the partition of the write that caused it. */
  outboxEntry: (pk: string, entryId: string): Key => ({ pk, sk: `OUTBOX#${entryId}` }),
  suppressedAddress: (email: string): Key => ({ pk: `SUPPRESSED#${email.trim().toLowerCase()}`, sk: 'SUPPRESSED' }),
  suppressionCount: (reason: string): Key => ({ pk: 'SUPPRESSION', sk: `COUNT#${reason}` }),
  /**
   * byOutbox (keys only): unfinished outbox entries by when they are next due (epoch ms), in one of
   * OUTBOX_SHARDS partitions picked from the entry id, so no single index partition takes every
   * tenant's writes. The sweeper reads each shard up to now: an entry backing off is not read at all.
   */
  outboxDue: (entryId: string, dueMs: number) => ({ gsi2pk: `OUTBOX#${outboxShard(entryId)}`, gsi2sk: `${String(Math.max(0, Math.floor(dueMs))).padStart(15, '0')}#${entryId}` }),
  outboxShardKey: (shard: number) => `OUTBOX#${shard}`,
  /** byOutbox: entries that used up their attempts, for an operator to list and retry. */
  outboxFailed: (failedAt: string, entryId: string) => ({ gsi2pk: 'OUTBOX#FAILED', gsi2sk: `${failedAt}#${entryId}` }),
  OUTBOX_FAILED: 'OUTBOX#FAILED',
} as const;

export const OUTBOX_SHARDS = 8;

/** A stable shard for an entry id (FNV-1a): spreads entries evenly, needs no stored state. */
export function outboxShard(entryId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < entryId.length; i++) hash = Math.imul(hash ^ entryId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % OUTBOX_SHARDS;
}
