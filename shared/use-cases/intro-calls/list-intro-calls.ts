import { toEpochMinutes } from '../../domain/time/instant';
import type { IntroCallsRepository } from '../../data/intro-calls-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from '../orgs/access';
import { coachIntroCallView } from './intro-call-view';

/**
 * The coach's intro calls in time order, a page at a time. `confirmed` is what is still to come (or
 * under way), `completed` what took place; both are read from the stored status and the clock.
 */
export async function listIntroCalls(
  deps: { orgs: OrgReader; introCalls: Pick<IntroCallsRepository, 'list'>; clock: Clock },
  caller: Caller,
  orgId: string,
  query: { status?: 'confirmed' | 'cancelled' | 'completed'; limit?: number; cursor?: string },
) {
  await requireCoach(deps.orgs, orgId, caller);
  const now = toEpochMinutes(deps.clock.now());
  const filter =
    query.status === 'cancelled'
      ? { status: 'cancelled' as const }
      : query.status === 'completed'
        ? { status: 'confirmed' as const, endedBefore: now }
        : query.status === 'confirmed'
          ? { status: 'confirmed' as const, endedAfter: now }
          : {};
  const page = await deps.introCalls.list(orgId, query, filter);
  return { items: page.items.map((call) => coachIntroCallView(call, now)), nextCursor: page.nextCursor };
}
