import { bucketsBetween, fromBucket } from '../domain/calendar/busy-time';
import type { Org } from '../domain/orgs/org';
import type { Interval } from '../domain/time/interval';
import { keys, type Key } from './keys';

/** Busy time of the coach's connected calendar over a range, as the request path sees it. */
export interface CalendarBusy {
  events: Interval[];
  /**
   * True when the whole range was checked against a stored copy of the calendar (or none is
   * connected); false where no copy reaches (past the synced horizon, or before the first sync).
   */
  checked: boolean;
}

/** The keys of the busy-time buckets a range touches, to read in the same BatchGetItem as the org. */
export const busyTimeKeys = (orgId: string, from: number, to: number): Key[] => bucketsBetween(from, to).map((bucket) => keys.busyBucket(orgId, bucket));

/**
 * Busy time in [from, to) from the items a BatchGetItem found (`found` looks one up by key). Only
 * buckets of the org's current busy-time version count: others are leftovers of an earlier
 * connection, and a missing bucket means that span was never synced.
 */
export function busyTimeFrom(org: Org, found: (key: Key) => Record<string, unknown> | undefined, from: number, to: number): CalendarBusy {
  if (!org.calendar) return { events: [], checked: true };
  const events: Interval[] = [];
  let checked = true;
  for (const bucket of bucketsBetween(from, to)) {
    const item = found(keys.busyBucket(org.orgId, bucket));
    if (!item || Number(item.version) !== org.busyTimeVersion || !Array.isArray(item.spans)) {
      checked = false;
      continue;
    }
    events.push(...fromBucket(bucket, item.spans as number[], from, to));
  }
  return { events, checked };
}
