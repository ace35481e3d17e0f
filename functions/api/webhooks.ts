import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { orgPath, pageQuery } from '../../shared/http/schemas/common';
import { createWebhookBody, deliveriesQuery, deliveryPath, webhookPath } from '../../shared/http/schemas/webhooks';
import { deliveryLogDeps, manageWebhooksDeps } from '../../shared/runtime/webhook-deps';
import { listDeliveries, replayDelivery } from '../../shared/use-cases/webhooks/delivery-log';
import { deleteWebhook, listWebhooks, registerWebhook, rotateWebhookSecret } from '../../shared/use-cases/webhooks/manage-webhooks';

export const handler = apiFunction('webhooks', {
  'POST /orgs/{orgId}/webhooks': apiRoute({ path: orgPath, body: createWebhookBody, status: 201 }, ({ caller, path, body }) =>
    registerWebhook(manageWebhooksDeps(), caller, path.orgId, body),
  ),
  'GET /orgs/{orgId}/webhooks': apiRoute({ path: orgPath, query: pageQuery }, ({ caller, path, query }) => listWebhooks(manageWebhooksDeps(), caller, path.orgId, query)),
  'DELETE /orgs/{orgId}/webhooks/{webhookId}': apiRoute({ path: webhookPath, status: 204 }, async ({ caller, path }) => {
    await deleteWebhook(manageWebhooksDeps(), caller, path.orgId, path.webhookId);
  }),
  'POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret': apiRoute({ path: webhookPath }, ({ caller, path }) =>
    rotateWebhookSecret(manageWebhooksDeps(), caller, path.orgId, path.webhookId),
  ),
  'GET /orgs/{orgId}/webhooks/{webhookId}/deliveries': apiRoute({ path: webhookPath, query: deliveriesQuery }, ({ caller, path, query }) =>
    listDeliveries(deliveryLogDeps(), caller, path, query),
  ),
  'POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay': apiRoute({ path: deliveryPath, status: 201 }, ({ caller, path }) =>
    replayDelivery(deliveryLogDeps(), caller, path),
  ),
});
