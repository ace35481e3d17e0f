import { normaliseCalendarUrl } from '../../adapters/calendar/ics-fetcher';
import { conflict } from '../../domain/errors';
import { newSecret } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import type { Caller } from '../../http/http-event';
import { requireCoach, type OrgReader } from '../orgs/access';
import { calendarView } from '../orgs/org-view';
import { busyTimeCopy, nextDueAt, type CalendarSyncDeps } from './sync-busy-time';

export type CalendarDeps = CalendarSyncDeps & { orgs: OrgReader };

/**
 * Connects the coach's calendar: the feed is fetched and read once, within its budget, and its busy
 * time for the horizon is stored with the connection in one transaction — so the very next
 * availability or booking, in whichever Lambda, sees it. A wrong, slow or oversized feed is refused
 * at once (422) and nothing is stored.
 */
export async function connectCalendar(deps: CalendarDeps, caller: Caller, orgId: string, icsUrl: string, origin: string) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  const url = normaliseCalendarUrl(icsUrl).toString();
  const feed = await deps.source.fetch(url);
  if (feed.kind !== 'fresh') throw new Error('An unconditional fetch answered "not modified"');
  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  const copy = await busyTimeCopy(deps, org, { icsUrl: url, connectedAt: now }, feed, nowMs);
  const bookingFeed = org.bookingFeed ?? { secret: newSecret(), createdAt: now };
  if (!(await deps.sync.connect(org, copy, bookingFeed, nextDueAt(nowMs, 0), now))) {
    throw conflict('concurrent_update', 'The calendar connection changed at the same time; look at it again and retry.');
  }
  return calendarView({ ...org, calendar: copy.calendar, bookingFeed }, origin);
}

/** Stops reading the coach's calendar. Their own booking feed keeps working. */
export async function disconnectCalendar(deps: Pick<CalendarDeps, 'orgs' | 'sync' | 'clock'>, caller: Caller, orgId: string, origin: string) {
  await requireCoach(deps.orgs, orgId, caller);
  const org = await deps.sync.disconnect(orgId, formatInstant(deps.clock.now()));
  return calendarView(org, origin);
}
