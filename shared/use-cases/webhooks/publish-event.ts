import type { DomainEvent } from '../../domain/events/domain-event';
import { endpointsReadOnce, fanOutEvent, type DeliveryDeps } from './deliver-webhooks';
import type { EventBus } from './webhook-ports';

/**
 * The outbox's `domain_event` effects of one entry: each event goes to the bus and to the org's
 * webhooks, side by side, and the org's endpoints are read once for all of the entry's events (an
 * approved request carries two). If either side fails the effect is retried whole, with a fresh
 * publisher; the fan-out then finds its deliveries already made (and sends none twice), while the
 * bus may see the event again — consumers drop repeats by its `id`, as with any at-least-once delivery.
 */
export function entryEventPublisher(deps: DeliveryDeps & { bus: EventBus }): (event: DomainEvent) => Promise<void> {
  const endpointsOf = endpointsReadOnce(deps);
  return async (event) => {
    const outcomes = await Promise.allSettled([deps.bus.publish(event), fanOutEvent(deps, event, endpointsOf)]);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
  };
}
