import type { WebhookDeliveriesRepository } from '../../data/webhook-deliveries-repository';
import type { WebhooksRepository } from '../../data/webhooks-repository';
import { eventBody, type DomainEvent } from '../../domain/events/domain-event';
import { subscribesTo } from '../../domain/events/event-types';
import { formatInstant } from '../../domain/time/instant';
import { afterAttempt, DELIVERY_LEASE_MS, pendingDelivery, type WebhookDelivery } from '../../domain/webhooks/delivery';
import { webhookHeaders } from '../../domain/webhooks/signature';
import { signingSecrets, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { Clock } from '../../runtime/clock';
import { log } from '../../runtime/log';
import type { WebhookSender } from './webhook-ports';

export interface DeliveryDeps {
  webhooks: Pick<WebhooksRepository, 'allOf' | 'get'>;
  deliveries: Pick<WebhookDeliveriesRepository, 'create' | 'claim' | 'record' | 'due'>;
  sender: WebhookSender;
  clock: Clock;
  /** For the retries' jitter; tests pass a fixed one. */
  random?: () => number;
}

/** The first delivery of an event to an endpoint has an id derived from the event's: fanning out twice makes it once. */
const firstDeliveryId = (eventId: string) => `dlv_${eventId.replace(/^evt_/, '')}`;

/** Reads an org's webhook endpoints. */
export type EndpointsOf = (orgId: string) => Promise<WebhookEndpoint[]>;

/**
 * A reader that reads each org's endpoints once, however many of its events it serves: made for one
 * outbox entry, so an entry carrying two events costs one Query, and the next entry reads afresh.
 */
export function endpointsReadOnce(deps: Pick<DeliveryDeps, 'webhooks'>): EndpointsOf {
  const byOrg = new Map<string, Promise<WebhookEndpoint[]>>();
  return (orgId) => {
    let endpoints = byOrg.get(orgId);
    if (!endpoints) byOrg.set(orgId, (endpoints = deps.webhooks.allOf(orgId)));
    return endpoints;
  };
}

/**
 * Fans an event out to every endpoint of its org that subscribes to its type: one durable delivery
 * record each (created already held by this sender), then the first attempts, together. An attempt
 * that fails is retried later by the deliverer; this never throws for a receiver's failure, only
 * when the table does (and then the outbox runs the effect again, finding the records it made).
 */
export async function fanOutEvent(deps: DeliveryDeps, event: DomainEvent, endpointsOf: EndpointsOf = (orgId) => deps.webhooks.allOf(orgId)): Promise<number> {
  const endpoints = (await endpointsOf(event.orgId)).filter((endpoint) => subscribesTo(endpoint.events, event.type));
  if (endpoints.length === 0) return 0;
  const body = eventBody(event);
  const nowMs = deps.clock.now();
  const heldUntil = nowMs + DELIVERY_LEASE_MS;
  const created = await Promise.all(
    endpoints.map(async (endpoint) => {
      const delivery = pendingDelivery(
        { orgId: event.orgId, webhookId: endpoint.webhookId, deliveryId: firstDeliveryId(event.id), eventId: event.id, eventType: event.type, body, replayOf: null },
        nowMs,
      );
      return (await deps.deliveries.create(delivery, heldUntil)) ? { delivery, endpoint } : null;
    }),
  );
  const fresh = created.filter((c): c is NonNullable<typeof c> => c !== null);
  await Promise.all(fresh.map(({ delivery, endpoint }) => attemptDelivery(deps, delivery, endpoint, heldUntil)));
  return fresh.length;
}

/**
 * One attempt of a delivery this sender holds (until `heldUntil`): signed now with the endpoint's
 * current secrets (both, during a rotation), posted, and recorded. An endpoint deleted meanwhile
 * gets nothing: the delivery is cancelled without a request.
 */
export async function attemptDelivery(deps: DeliveryDeps, delivery: WebhookDelivery, endpoint: WebhookEndpoint | null, heldUntil: number): Promise<WebhookDelivery> {
  const nowMs = deps.clock.now();
  if (!endpoint) {
    const cancelled: WebhookDelivery = { ...delivery, status: 'cancelled', nextAttemptAt: null };
    await deps.deliveries.record(cancelled, heldUntil, null);
    return cancelled;
  }
  const headers = webhookHeaders(signingSecrets(endpoint, nowMs), delivery.eventId, nowMs, delivery.body);
  const result = await deps.sender.post(endpoint.url, headers, delivery.body);
  const next = afterAttempt(delivery, { ...result, at: formatInstant(nowMs) }, nowMs, (deps.random ?? Math.random)());
  if (!(await deps.deliveries.record(next.delivery, heldUntil, next.retryAtMs))) {
    log.warn('Webhook delivery taken over by another sender; this attempt is not recorded', { deliveryId: delivery.deliveryId });
    return delivery;
  }
  if (next.delivery.status === 'failed') log.warn('Webhook delivery failed for good', { deliveryId: delivery.deliveryId, webhookId: delivery.webhookId, error: result.error });
  return next.delivery;
}

export interface DeliverDueOptions {
  limit?: number;
  concurrency?: number;
  /** Starts no new attempt after this long, so the run ends well inside its timeout. */
  budgetMs?: number;
}

/**
 * The deliverer (every minute): deliveries due by now — retries, and first attempts whose sender
 * died — oldest due first, each claimed before it is attempted, a few at a time.
 */
export async function deliverDue(deps: DeliveryDeps, options: DeliverDueOptions = {}): Promise<{ attempted: number; delivered: number }> {
  const startedAt = Date.now();
  const queue = await deps.deliveries.due(deps.clock.now(), options.limit ?? 50);
  const endpoints = new Map<string, Promise<WebhookEndpoint | null>>();
  const endpointOf = (d: WebhookDelivery) => {
    const key = `${d.orgId}/${d.webhookId}`;
    if (!endpoints.has(key)) endpoints.set(key, deps.webhooks.get(d.orgId, d.webhookId));
    return endpoints.get(key) as Promise<WebhookEndpoint | null>;
  };
  const counts = { attempted: 0, delivered: 0 };
  const worker = async () => {
    for (let key = queue.shift(); key; key = queue.shift()) {
      if (Date.now() - startedAt > (options.budgetMs ?? 40_000)) return;
      const nowMs = deps.clock.now();
      const heldUntil = nowMs + DELIVERY_LEASE_MS;
      const delivery = await deps.deliveries.claim(key, nowMs, heldUntil);
      if (!delivery) continue;
      const after = await attemptDelivery(deps, delivery, await endpointOf(delivery), heldUntil);
      counts.attempted++;
      if (after.status === 'delivered') counts.delivered++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return counts;
}
