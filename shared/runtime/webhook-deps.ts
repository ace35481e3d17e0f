import { webhookPolicyFromEnv } from '../adapters/webhooks/webhook-address';
import { DELIVERY_TIMEOUT_MS, HttpsWebhookSender } from '../adapters/webhooks/https-webhook-sender';
import { WebhookDeliveriesRepository } from '../data/webhook-deliveries-repository';
import { WebhooksRepository } from '../data/webhooks-repository';
import type { DeliveryDeps } from '../use-cases/webhooks/deliver-webhooks';
import type { DeliveryLogDeps } from '../use-cases/webhooks/delivery-log';
import type { ManageWebhooksDeps } from '../use-cases/webhooks/manage-webhooks';
import { clock, orgsRepository, table } from './deps';

/** The composition root for webhooks: the routes, the relay's fan-out and the deliverer. */
export const webhooksRepository = () => new WebhooksRepository(table());

export const manageWebhooksDeps = (): ManageWebhooksDeps => ({ orgs: orgsRepository(), webhooks: webhooksRepository(), clock: clock(), policy: webhookPolicyFromEnv() });

/**
 * `timeoutMs`: the relay's first attempts wait less (5 s) than the deliverer's retries, so a slow
 * receiver holds up the emails of the entries behind it as little as possible.
 */
export const deliveryDeps = (timeoutMs = DELIVERY_TIMEOUT_MS): DeliveryDeps => ({
  webhooks: webhooksRepository(),
  deliveries: new WebhookDeliveriesRepository(table()),
  sender: new HttpsWebhookSender(webhookPolicyFromEnv(), timeoutMs),
  clock: clock(),
});

export const deliveryLogDeps = (): DeliveryLogDeps => ({ ...deliveryDeps(), deliveries: new WebhookDeliveriesRepository(table()), orgs: orgsRepository() });
