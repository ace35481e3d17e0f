import type { WebhookDeliveriesRepository } from '../../data/webhook-deliveries-repository';
import { notFound } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import { DELIVERY_LEASE_MS, deliveryView, pendingDelivery, type DeliveryStatus } from '../../domain/webhooks/delivery';
import type { Caller } from '../../http/http-event';
import { requireCoach, type OrgReader } from '../orgs/access';
import { attemptDelivery, type DeliveryDeps } from './deliver-webhooks';

export interface DeliveryLogDeps extends DeliveryDeps {
  orgs: OrgReader;
  deliveries: DeliveryDeps['deliveries'] & Pick<WebhookDeliveriesRepository, 'list' | 'get'>;
}

type EndpointRef = { orgId: string; webhookId: string };

/** The endpoint, if the caller coaches its org; 404 for anything else. */
async function ownEndpoint(deps: DeliveryLogDeps, caller: Caller, ref: EndpointRef) {
  await requireCoach(deps.orgs, ref.orgId, caller);
  const endpoint = await deps.webhooks.get(ref.orgId, ref.webhookId);
  if (!endpoint) throw notFound();
  return endpoint;
}

/** An endpoint's deliveries, newest first, each with its attempts and the payload it carries. */
export async function listDeliveries(deps: DeliveryLogDeps, caller: Caller, ref: EndpointRef, query: { limit?: number; cursor?: string; status?: DeliveryStatus }) {
  await ownEndpoint(deps, caller, ref);
  const page = await deps.deliveries.list(ref.orgId, ref.webhookId, { limit: query.limit, cursor: query.cursor }, query.status);
  return { items: page.items.map(deliveryView), nextCursor: page.nextCursor };
}

/**
 * Sends a delivery's event again, whatever became of it: a new delivery in the log (`replayOf`)
 * with the same event id and body, attempted at once and retried like any other if that fails.
 */
export async function replayDelivery(deps: DeliveryLogDeps, caller: Caller, ref: EndpointRef & { deliveryId: string }) {
  const endpoint = await ownEndpoint(deps, caller, ref);
  const original = await deps.deliveries.get(ref.orgId, ref.webhookId, ref.deliveryId);
  if (!original) throw notFound();
  const nowMs = deps.clock.now();
  const heldUntil = nowMs + DELIVERY_LEASE_MS;
  const replay = pendingDelivery({ ...original, deliveryId: `dlv_${sortableId(nowMs)}`, replayOf: original.deliveryId }, nowMs);
  await deps.deliveries.create(replay, heldUntil);
  return deliveryView(await attemptDelivery(deps, replay, endpoint, heldUntil));
}
