import { notFound } from '../../domain/errors';
import { newSecret } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import type { Caller } from '../../http/http-event';
import { requireCoach } from '../orgs/access';
import { calendarView } from '../orgs/org-view';
import type { CalendarDeps } from './connect-calendar';

/**
 * A new secret for the coach's private session feed, for a link that leaked or was shared by
 * mistake: the old link is a 404 from now on, and calendar apps must subscribe to the new one.
 * A coach who never connected a calendar gets their first feed link this way.
 */
export async function rotateBookingFeed(deps: Pick<CalendarDeps, 'orgs' | 'sync' | 'clock'>, caller: Caller, orgId: string, origin: string) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  const now = formatInstant(deps.clock.now());
  const updated = await deps.sync.replaceBookingFeed(orgId, org.coachUserId, { secret: newSecret(), createdAt: now }, now);
  if (!updated) throw notFound();
  return calendarView(updated, origin);
}
