import { log } from './log';

/**
 * The correlation id of the work this process is doing now (an API request, a scheduled run, an
 * outbox entry), as the logger carries it: staged outbox entries keep it, so the relay, the email
 * and the schedules it makes log under the id of the request that caused them.
 */
export const currentCorrelationId = (): string | undefined => {
  const id = log.currentKeys().correlationId;
  return typeof id === 'string' ? id : undefined;
};
