import { createHash } from 'node:crypto';
import { mergeIntervals, type Interval } from '../time/interval';

/**
 * The coach's connected calendar, kept as data: busy intervals for a horizon ahead, stored in
 * week-long buckets so a request reads only the buckets its range touches (as keys, in the same
 * BatchGetItem as the org), and no item comes near DynamoDB's 400 KB.
 *
 * Buckets are fixed 7-day spans of epoch minutes: they have nothing to do with anyone's week, only
 * with storage.
 */
export const BUCKET_MINUTES = 7 * 1440;

/** How far ahead busy time is kept: a feed is expanded for [start of this bucket, end of the bucket holding now + 120 days). */
export const HORIZON_DAYS = 120;

/** The budget of one feed: a feed over any of these is refused at connect (422) and keeps its last good copy at refresh. */
export const FEED_LIMITS = {
  /** The whole download. */
  bytes: 5 * 1024 * 1024,
  /** VEVENT components in the file, past ones included. */
  events: 20_000,
  /** Busy occurrences inside the horizon, after expanding repeating events. */
  occurrencesInHorizon: 10_000,
  /** CPU time spent parsing and expanding (the waiting on the network not counted). */
  cpuMs: 2_000,
  /** From the first connection attempt to the last byte, redirects included. */
  deadlineMs: 5_000,
} as const;

export const bucketOf = (minute: number): number => Math.floor(minute / BUCKET_MINUTES) * BUCKET_MINUTES;

/** The bucket starts that overlap [from, to). */
export function bucketsBetween(from: number, to: number): number[] {
  const starts: number[] = [];
  for (let start = bucketOf(from); start < to; start += BUCKET_MINUTES) starts.push(start);
  return starts;
}

/** The span a sync at `now` expands and stores: whole buckets, from the current one to past now + the horizon. */
export function syncHorizon(now: number): Interval {
  return { start: bucketOf(now), end: bucketOf(now + HORIZON_DAYS * 1440) + BUCKET_MINUTES };
}

/**
 * Busy intervals split into their buckets, each as a flat list of offsets from the bucket's start
 * ([s0, e0, s1, e1, …]): small numbers store compactly. Every bucket of the horizon is present,
 * empty ones too, because a present bucket is how a reader knows that span was checked.
 */
export function toBuckets(intervals: readonly Interval[], horizon: Interval): Map<number, number[]> {
  const buckets = new Map<number, number[]>();
  for (const start of bucketsBetween(horizon.start, horizon.end)) buckets.set(start, []);
  for (const interval of mergeIntervals(intervals)) {
    const from = Math.max(interval.start, horizon.start);
    const to = Math.min(interval.end, horizon.end);
    for (let start = bucketOf(from); start < to; start += BUCKET_MINUTES) {
      const spans = buckets.get(start);
      if (!spans) continue;
      spans.push(Math.max(from, start) - start, Math.min(to, start + BUCKET_MINUTES) - start);
    }
  }
  return buckets;
}

/** The intervals of one stored bucket that overlap [from, to). */
export function fromBucket(bucketStart: number, spans: readonly number[], from: number, to: number): Interval[] {
  const intervals: Interval[] = [];
  for (let i = 0; i + 1 < spans.length; i += 2) {
    const start = bucketStart + Number(spans[i]);
    const end = bucketStart + Number(spans[i + 1]);
    if (end > from && start < to) intervals.push({ start, end });
  }
  return intervals;
}

/**
 * Whether an event of the coach's calendar is one of Rapport's own invites: its UID names one of
 * the coach's bookings as a word of its own (`<bookingId>@<domain>`, whatever the domain), so the
 * session is not counted twice — once as a session, once as busy time in the way of moving it.
 */
export function isRapportEvent(uid: string, bookingIds: ReadonlySet<string>): boolean {
  if (bookingIds.size === 0) return false;
  return uid.split(/[^0-9A-Za-z]+/).some((word) => word !== '' && bookingIds.has(word));
}

/** A fingerprint of stored busy time: a refresh that reads the same busy time writes only its status. */
export function digestOf(buckets: ReadonlyMap<number, readonly number[]>): string {
  return createHash('sha256').update(JSON.stringify([...buckets])).digest('base64url');
}
