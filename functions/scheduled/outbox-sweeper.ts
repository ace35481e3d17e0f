import { log } from '../../shared/runtime/log';
import { relayDeps } from '../../shared/runtime/mail-deps';
import { relayDue } from '../../shared/use-cases/outbox/relay';

/** Every minute: retries the outbox entries whose relay failed or never finished. */
export const handler = async (): Promise<{ relayed: number; pending: number }> => {
  const result = await relayDue(relayDeps());
  if (result.relayed + result.pending > 0) log.info('Outbox swept', result);
  return result;
};
