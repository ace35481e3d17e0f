import { digestOf, isRapportEvent, syncHorizon, toBuckets } from '../../domain/calendar/busy-time';
import { AppError } from '../../domain/errors';
import type { CalendarConnection, Org } from '../../domain/orgs/org';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import type { BusyTimeCopy, CalendarSyncRepository } from '../../data/calendar-sync-repository';
import type { CoachCalendarRepository } from '../../data/coach-calendar-repository';
import type { Clock } from '../../runtime/clock';
import { log } from '../../runtime/log';
import type { CalendarSource } from './calendar-source';

export interface CalendarSyncDeps {
  sync: Pick<CalendarSyncRepository, 'connect' | 'storeRefreshed' | 'recordStatus' | 'disconnect' | 'replaceBookingFeed' | 'due' | 'claim'>;
  /** The coach's sessions, to tell Rapport's own invites from the rest of their calendar. */
  sessions: Pick<CoachCalendarRepository, 'between'>;
  source: CalendarSource;
  clock: Clock;
}

/** Each connected calendar is read again this often. */
export const REFRESH_MINUTES = 10;
/** A failing feed is tried less often, up to once an hour. */
const MAX_BACKOFF_MINUTES = 60;
/** Sessions this far ahead are looked at for Rapport's own invites (past any booking horizon). */
const SESSIONS_AHEAD_DAYS = 400;

/** When a connection is next due a refresh, after `failures` failed refreshes in a row. */
export const nextDueAt = (nowMs: number, failures: number) =>
  formatInstant(nowMs + Math.min(REFRESH_MINUTES * 2 ** failures, MAX_BACKOFF_MINUTES) * 60_000);

/**
 * A copy of the coach's busy time for the horizon at `nowMs`, read from a fetched feed. Events that
 * are Rapport's own invites (their UID names one of the coach's sessions) are left out.
 */
export async function busyTimeCopy(
  deps: Pick<CalendarSyncDeps, 'sessions' | 'source'>,
  org: Pick<Org, 'coachUserId' | 'timeZone'>,
  connection: Pick<CalendarConnection, 'icsUrl' | 'connectedAt'>,
  feed: { text: string; etag: string | null; lastModified: string | null },
  nowMs: number,
): Promise<BusyTimeCopy> {
  const now = toEpochMinutes(nowMs);
  const horizon = syncHorizon(now);
  const sessions = await deps.sessions.between(org.coachUserId, now - 1440, now + SESSIONS_AHEAD_DAYS * 1440);
  const bookingIds = new Set(sessions.map((s) => s.id));
  const read = await deps.source.read(feed.text, { horizon, homeZone: org.timeZone, isOwnEvent: (uid) => isRapportEvent(uid, bookingIds) });
  const buckets = toBuckets(read.intervals, horizon);
  return {
    buckets,
    calendar: {
      icsUrl: connection.icsUrl,
      connectedAt: connection.connectedAt,
      etag: feed.etag,
      lastModified: feed.lastModified,
      digest: digestOf(buckets),
      horizonEnd: horizon.end,
      eventsInHorizon: read.eventsInHorizon,
      lastSyncedAt: formatInstant(nowMs),
      lastSyncError: null,
      failures: 0,
    },
  };
}

export type RefreshOutcome = 'updated' | 'unchanged' | 'failed' | 'superseded';

/**
 * Reads one connected calendar again. A conditional GET while the stored copy still reaches the
 * horizon; a new copy is written only when the busy time changed. A feed that fails (unreachable,
 * broken, over the budget) keeps its last good copy in use and records why, with back-off.
 * `superseded`: the connection changed meanwhile (disconnected, reconnected); nothing was written.
 */
export async function refreshCalendar(deps: CalendarSyncDeps, org: Org): Promise<RefreshOutcome> {
  const calendar = org.calendar;
  if (!calendar) return 'superseded';
  const nowMs = deps.clock.now();
  const horizonEnd = syncHorizon(toEpochMinutes(nowMs)).end;
  const stored = (done: boolean, outcome: RefreshOutcome): RefreshOutcome => (done ? outcome : 'superseded');
  try {
    const conditional = calendar.horizonEnd === horizonEnd && (calendar.etag || calendar.lastModified);
    const feed = await deps.source.fetch(calendar.icsUrl, conditional ? { etag: calendar.etag, lastModified: calendar.lastModified } : undefined);
    if (feed.kind === 'not-modified') {
      const status: CalendarConnection = { ...calendar, lastSyncedAt: formatInstant(nowMs), lastSyncError: null, failures: 0 };
      return stored(await deps.sync.recordStatus(org, status, nextDueAt(nowMs, 0)), 'unchanged');
    }
    const copy = await busyTimeCopy(deps, org, calendar, feed, nowMs);
    if (copy.calendar.digest === calendar.digest) {
      return stored(await deps.sync.recordStatus(org, copy.calendar, nextDueAt(nowMs, 0)), 'unchanged');
    }
    return stored(await deps.sync.storeRefreshed(org, copy, nextDueAt(nowMs, 0)), 'updated');
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'Rapport could not read the calendar this time; it will try again.';
    log.warn('Calendar refresh failed; the last stored busy time stays in use', { orgId: org.orgId, error: error as Error });
    const failures = calendar.failures + 1;
    const status: CalendarConnection = { ...calendar, lastSyncError: reason, failures };
    return stored(await deps.sync.recordStatus(org, status, nextDueAt(nowMs, failures)), 'failed');
  }
}

export interface RefreshRunLimits {
  /** Connections taken per run. */
  batch: number;
  /** Feeds fetched at once. */
  concurrency: number;
  /** No new connection is started after this much real time (the function's timeout is well above). */
  budgetMs: number;
}

const RUN_LIMITS: RefreshRunLimits = { batch: 20, concurrency: 4, budgetMs: 35_000 };
/** A connection taken by a run that then died is due again after this. */
const LEASE_MINUTES = 3;

/**
 * One run of the background refresh (every minute): the connections due, longest overdue first, a
 * bounded batch of them, each taken with a conditional write so a second delivery or an overlapping
 * run skips it. Every refresh moves the connection to the back of the queue, so each coach gets
 * their turn whatever the others' feeds do.
 */
export async function refreshDueCalendars(deps: CalendarSyncDeps, limits: RefreshRunLimits = RUN_LIMITS) {
  const started = performance.now();
  const due = await deps.sync.due(formatInstant(deps.clock.now()), limits.batch);
  const outcomes: Record<RefreshOutcome | 'skipped', number> = { updated: 0, unchanged: 0, failed: 0, superseded: 0, skipped: 0 };
  let next = 0;
  const worker = async () => {
    for (let entry = due[next++]; entry; entry = due[next++]) {
      if (performance.now() - started > limits.budgetMs) {
        outcomes.skipped++;
        continue;
      }
      const org = await deps.sync.claim(entry.orgId, entry.dueKey, formatInstant(deps.clock.now() + LEASE_MINUTES * 60_000));
      if (!org) {
        outcomes.skipped++;
        continue;
      }
      outcomes[await refreshCalendar(deps, org)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, due.length) }, worker));
  return outcomes;
}
