import { log } from '../../shared/runtime/log';
import { outboxDeps } from '../../shared/runtime/mail-deps';
import { relayDue } from '../../shared/use-cases/outbox/relay';

/** Every minute: relays the outbox entries whose first attempt failed or never finished. */
export const handler = async (): Promise<{ relayed: number; pending: number }> => {
  const result = await relayDue(outboxDeps());
  if (result.relayed + result.pending > 0) log.info('Outbox swept', result);
  return result;
};
