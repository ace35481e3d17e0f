import { webhookPolicyFromEnv } from '../adapters/webhooks/webhook-address';
import { WebhooksRepository } from '../data/webhooks-repository';
import type { ManageWebhooksDeps } from '../use-cases/webhooks/manage-webhooks';
import { clock, orgsRepository, table } from './deps';

/** The composition root for the webhook routes. */
export const webhooksRepository = () => new WebhooksRepository(table());

export const manageWebhooksDeps = (): ManageWebhooksDeps => ({ orgs: orgsRepository(), webhooks: webhooksRepository(), clock: clock(), policy: webhookPolicyFromEnv() });
