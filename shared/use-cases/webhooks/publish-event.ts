import type { DomainEvent } from '../../domain/events/domain-event';
import { fanOutEvent, type DeliveryDeps } from './deliver-webhooks';
import type { EventBus } from './webhook-ports';

/**
 * The outbox's `domain_event` effect: the event goes to the bus and to the org's webhooks, side by
 * side. If either fails the effect is retried whole; the fan-out then finds its deliveries already
 * made (and sends none twice), while the bus may see the event again — consumers drop repeats by
 * its `id`, as with any at-least-once delivery.
 */
export async function publishEvent(deps: DeliveryDeps & { bus: EventBus }, event: DomainEvent): Promise<void> {
  const outcomes = await Promise.allSettled([deps.bus.publish(event), fanOutEvent(deps, event)]);
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}
