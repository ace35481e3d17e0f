import { orgPath, pageQuery } from '../../schemas/common';
import { createWebhookBody, deliveriesQuery, deliveryPath, webhookPath } from '../../schemas/webhooks';
import type { OperationDoc } from '../operation';
import { listOf } from '../response-schemas';
import { createdWebhookEndpoint, rotatedSecret, webhookDelivery, webhookEndpoint } from '../webhook-responses';

const signing =
  'Deliveries follow Standard Webhooks (standardwebhooks.com): `webhook-id` (the event id, the same on every retry and replay), `webhook-timestamp` and ' +
  '`webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the secret after `whsec_`; verify with any Standard Webhooks library.';

export const webhookOperations = {
  'POST /orgs/{orgId}/webhooks': {
    access: 'coach',
    tags: ['Webhooks'],
    description:
      'Registers an endpoint for some event types (or `*`). The URL must be https to a public address (no credentials in it); every delivery resolves it again and refuses ' +
      'private, loopback and link-local addresses, and follows no redirects. The answer holds the signing secret: the only time it is shown. At most 10 endpoints per org. ' +
      signing,
    request: { path: orgPath, body: createWebhookBody, example: { url: 'https://hooks.example.org/rapport', events: ['booking.created', 'booking.cancelled'], description: 'CRM' } },
    responses: { 201: { description: 'Registered; the secret is in this answer only.', schema: createdWebhookEndpoint } },
    errors: { 409: ['webhook_limit_reached'] },
  },
  'GET /orgs/{orgId}/webhooks': {
    access: 'coach',
    tags: ['Webhooks'],
    description: 'The org’s endpoints, without their secrets.',
    request: { path: orgPath, query: pageQuery },
    responses: { 200: { description: 'A page of endpoints.', schema: listOf(webhookEndpoint, 'WebhookEndpoint') } },
  },
  'DELETE /orgs/{orgId}/webhooks/{webhookId}': {
    access: 'coach',
    tags: ['Webhooks'],
    description: 'Deletes an endpoint: from now on it receives nothing, retries of earlier events included.',
    request: { path: webhookPath },
    responses: { 204: { description: 'Deleted.' } },
  },
  'POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret': {
    access: 'coach',
    tags: ['Webhooks'],
    description: 'A new signing secret, shown only in this answer. For 24 hours the old secret still signs beside it (two signatures per delivery), so the receiver can switch without missing an event.',
    request: { path: webhookPath },
    responses: { 200: { description: 'The new secret.', schema: rotatedSecret } },
    errors: { 409: ['webhook_changed'] },
  },
  'GET /orgs/{orgId}/webhooks/{webhookId}/deliveries': {
    access: 'coach',
    tags: ['Webhooks'],
    description:
      'The endpoint’s deliveries, newest first, kept 30 days: each with its attempts, what the receiver answered, and the payload. A failed attempt is retried after 1, 5 and 25 minutes, ' +
      'about 2 hours, then every 8 hours (each up to a tenth later), eight attempts in all; then the delivery is `failed`.',
    request: { path: webhookPath, query: deliveriesQuery },
    responses: { 200: { description: 'A page of deliveries.', schema: listOf(webhookDelivery, 'WebhookDelivery') } },
  },
  'POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay': {
    access: 'coach',
    tags: ['Webhooks'],
    description: 'Sends the delivery’s event again at once, as a new delivery (`replayOf`) with the same `webhook-id` and body, retried like any other if this attempt fails.',
    request: { path: deliveryPath },
    responses: { 201: { description: 'The new delivery, after its first attempt.', schema: webhookDelivery } },
  },
} satisfies Record<string, OperationDoc>;
