import type { CalendarFeeds } from '../../adapters/calendar/calendar-feeds';
import { normaliseCalendarUrl } from '../../adapters/calendar/ics-fetcher';
import { newSecret } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from '../orgs/access';
import { bookingFeedUrl } from '../orgs/org-view';

export interface CalendarDeps {
  orgs: OrgReader & Pick<OrgsRepository, 'connectCalendar' | 'disconnectCalendar'>;
  feeds: Pick<CalendarFeeds, 'check'>;
  clock: Clock;
}

/**
 * Connects the coach's calendar: the feed is fetched and parsed before anything is stored, so a
 * wrong link is refused at once (422) instead of silently never blocking time.
 */
export async function connectCalendar(deps: CalendarDeps, caller: Caller, orgId: string, icsUrl: string, origin: string) {
  await requireCoach(deps.orgs, orgId, caller);
  const url = normaliseCalendarUrl(icsUrl).toString();
  await deps.feeds.check(url);
  const now = formatInstant(deps.clock.now());
  const org = await deps.orgs.connectCalendar(orgId, { icsUrl: url, connectedAt: now }, { secret: newSecret(), createdAt: now }, now);
  if (!org.bookingFeed) throw new Error(`Org ${orgId} has no booking feed after connecting`);
  return { connected: true, icsUrl: url, feedUrl: bookingFeedUrl(origin, orgId, org.bookingFeed.secret) };
}

/** Stops reading the coach's calendar. Their own booking feed keeps working. */
export async function disconnectCalendar(deps: Omit<CalendarDeps, 'feeds'>, caller: Caller, orgId: string, origin: string) {
  await requireCoach(deps.orgs, orgId, caller);
  const org = await deps.orgs.disconnectCalendar(orgId, formatInstant(deps.clock.now()));
  return { connected: false, icsUrl: null, feedUrl: org.bookingFeed ? bookingFeedUrl(origin, orgId, org.bookingFeed.secret) : null };
}
