import { log } from '../../shared/runtime/log';
import { deliveryDeps } from '../../shared/runtime/webhook-deps';
import { deliverDue } from '../../shared/use-cases/webhooks/deliver-webhooks';

/** Every minute: the webhook deliveries due by now — retries with backoff, and first attempts whose sender died. */
export const handler = async (): Promise<{ attempted: number; delivered: number }> => {
  const result = await deliverDue(deliveryDeps());
  if (result.attempted > 0) log.info('Webhooks delivered', result);
  return result;
};
