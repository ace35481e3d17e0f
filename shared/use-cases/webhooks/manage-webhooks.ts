import type { FetchPolicy } from '../../adapters/calendar/address-policy';
import { webhookUrlProblem } from '../../adapters/webhooks/webhook-address';
import type { WebhooksRepository } from '../../data/webhooks-repository';
import { conflict, invalidField, notFound } from '../../domain/errors';
import type { EventFilter } from '../../domain/events/event-types';
import { newId } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import { endpointView, MAX_WEBHOOKS_PER_ORG, newWebhookSecret, ROTATION_GRACE_MS, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from '../orgs/access';

export interface ManageWebhooksDeps {
  orgs: OrgReader;
  webhooks: Pick<WebhooksRepository, 'create' | 'get' | 'list' | 'delete' | 'rotate'>;
  clock: Clock;
  /** Where deliveries may go (see `webhookPolicyFromEnv`). */
  policy: FetchPolicy;
}

export interface NewWebhook {
  url: string;
  events: EventFilter[];
  description?: string;
}

/** Registers an endpoint (coach). The answer carries the signing secret: the only time it is shown. */
export async function registerWebhook(deps: ManageWebhooksDeps, caller: Caller, orgId: string, input: NewWebhook) {
  await requireCoach(deps.orgs, orgId, caller);
  const problem = webhookUrlProblem(input.url, deps.policy);
  if (problem) throw invalidField('url', problem);
  const endpoint: WebhookEndpoint = {
    orgId,
    webhookId: newId(),
    url: input.url,
    // `*` already covers every type; keep the list as the coach wrote it otherwise, without repeats.
    events: input.events.includes('*') ? ['*'] : [...new Set(input.events)],
    description: input.description ?? null,
    createdAt: formatInstant(deps.clock.now()),
    secret: newWebhookSecret(),
    previousSecret: null,
    previousSecretExpiresAt: null,
    secretRotatedAt: null,
  };
  if (!(await deps.webhooks.create(endpoint))) {
    throw conflict('webhook_limit_reached', `An org can have at most ${MAX_WEBHOOKS_PER_ORG} webhook endpoints; delete one first.`);
  }
  return { ...endpointView(endpoint), secret: endpoint.secret };
}

export async function listWebhooks(deps: ManageWebhooksDeps, caller: Caller, orgId: string, page: { limit?: number; cursor?: string }) {
  await requireCoach(deps.orgs, orgId, caller);
  const result = await deps.webhooks.list(orgId, page);
  return { items: result.items.map(endpointView), nextCursor: result.nextCursor };
}

/** Deletes an endpoint: from then on it receives nothing, retries of earlier events included. */
export async function deleteWebhook(deps: ManageWebhooksDeps, caller: Caller, orgId: string, webhookId: string): Promise<void> {
  await requireCoach(deps.orgs, orgId, caller);
  if (!(await deps.webhooks.delete(orgId, webhookId))) throw notFound();
}

/**
 * A new secret, shown once. The old one keeps signing beside it (two `v1,` signatures per
 * delivery) for `ROTATION_GRACE_MS`, so the receiver can switch over without missing an event.
 */
export async function rotateWebhookSecret(deps: ManageWebhooksDeps, caller: Caller, orgId: string, webhookId: string) {
  await requireCoach(deps.orgs, orgId, caller);
  const endpoint = await deps.webhooks.get(orgId, webhookId);
  if (!endpoint) throw notFound();
  const nowMs = deps.clock.now();
  const secret = newWebhookSecret();
  const previousSecretExpiresAt = formatInstant(nowMs + ROTATION_GRACE_MS);
  if (!(await deps.webhooks.rotate(endpoint, secret, previousSecretExpiresAt, formatInstant(nowMs)))) {
    throw conflict('webhook_changed', 'The endpoint changed meanwhile (another rotation or a delete); read it again.');
  }
  return { webhookId, secret, previousSecretExpiresAt };
}
