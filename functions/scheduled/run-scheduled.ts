import { safeParse, type core, type output } from 'zod/mini';
import type { LazySchema } from '../../shared/http/schemas/lazy-schema';
import { log } from '../../shared/runtime/log';

/**
 * A scheduled Lambda: checks the payload (a malformed one is logged and dropped, since retrying
 * cannot fix it) and runs the work, which itself decides whether the delivery is current.
 */
export function scheduledHandler<S extends core.$ZodType>(name: string, schema: LazySchema<S>, work: (payload: output<S>) => Promise<string>) {
  return async (event: unknown): Promise<{ outcome: string }> => {
    const parsed = safeParse(schema(), event);
    if (!parsed.success) {
      log.error(`${name}: malformed payload dropped`, { event: JSON.stringify(event)?.slice(0, 500) });
      return { outcome: 'malformed' };
    }
    // A scheduled run has no request; the booking (or request) it acts for ties its logs to the
    // requests that made and changed it.
    const data = parsed.data as { bookingId?: string; requestId?: string };
    log.appendKeys({ correlationId: data.bookingId ?? data.requestId ?? 'unknown' });
    try {
      const outcome = await work(parsed.data);
      log.info(`${name}: ${outcome}`, { payload: parsed.data });
      return { outcome };
    } finally {
      log.removeKeys(['correlationId']);
    }
  };
}
