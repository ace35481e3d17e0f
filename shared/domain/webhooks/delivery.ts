import type { EventType } from '../events/event-types';
import { formatInstant } from '../time/instant';

/** Attempts per delivery: the first and seven retries, over about 27 hours. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_DELAY_MS = 8 * 60 * 60_000;

/**
 * How long a sender holds a delivery it is attempting: far beyond one attempt's timeout, so another
 * sender only takes it over when the first has died.
 */
export const DELIVERY_LEASE_MS = 2 * 60_000;

/** How long delivery records (the log) are kept. */
export const DELIVERY_LOG_DAYS = 30;

/** Attempts the log keeps per delivery, newest last. */
const LOG_LENGTH = 10;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface DeliveryAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One event on its way to one endpoint: the exact body, and every attempt to deliver it. */
export interface WebhookDelivery {
  orgId: string;
  webhookId: string;
  deliveryId: string;
  /** The event's id, sent as `webhook-id`: the same on every retry and every replay. */
  eventId: string;
  eventType: EventType;
  /** The JSON body, byte for byte what every attempt sends (and what the signature covers). */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  log: DeliveryAttempt[];
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** The delivery this one replays. */
  replayOf: string | null;
}

/** A delivery not yet attempted, due now: the first of an event, or a replay of an earlier one. */
export const pendingDelivery = (
  of: Pick<WebhookDelivery, 'orgId' | 'webhookId' | 'deliveryId' | 'eventId' | 'eventType' | 'body' | 'replayOf'>,
  nowMs: number,
): WebhookDelivery => ({
  ...of,
  status: 'pending',
  attempts: 0,
  log: [],
  createdAt: formatInstant(nowMs),
  lastAttemptAt: null,
  nextAttemptAt: formatInstant(nowMs),
  deliveredAt: null,
});

/**
 * Wait before retry number `attempts` (after that many failures): exponential, 1, 5, 25 minutes and
 * about 2 hours, then every 8 hours; up to a tenth more at random, so endpoints that failed together
 * are not all retried in the same instant.
 */
export function retryDelayMs(attempts: number, random: number): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_MS * 5 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + Math.min(Math.max(random, 0), 1) * 0.1));
}

/** The delivery after one more attempt: delivered, waiting for its next retry, or given up. */
export function afterAttempt(delivery: WebhookDelivery, attempt: DeliveryAttempt & { ok: boolean }, nowMs: number, random: number): { delivery: WebhookDelivery; retryAtMs: number | null } {
  const attempts = delivery.attempts + 1;
  const log = [...delivery.log, { at: attempt.at, statusCode: attempt.statusCode, error: attempt.error, durationMs: attempt.durationMs }].slice(-LOG_LENGTH);
  const base = { ...delivery, attempts, log, lastAttemptAt: attempt.at };
  if (attempt.ok) return { delivery: { ...base, status: 'delivered', nextAttemptAt: null, deliveredAt: attempt.at }, retryAtMs: null };
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { delivery: { ...base, status: 'failed', nextAttemptAt: null }, retryAtMs: null };
  const retryAtMs = nowMs + retryDelayMs(attempts, random);
  return { delivery: { ...base, status: 'pending', nextAttemptAt: formatInstant(retryAtMs) }, retryAtMs };
}

/** A delivery as the log shows it: the payload parsed, attempts newest last. */
export const deliveryView = (delivery: WebhookDelivery) => ({
  deliveryId: delivery.deliveryId,
  webhookId: delivery.webhookId,
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  createdAt: delivery.createdAt,
  lastAttemptAt: delivery.lastAttemptAt,
  nextAttemptAt: delivery.nextAttemptAt,
  deliveredAt: delivery.deliveredAt,
  replayOf: delivery.replayOf,
  responses: delivery.log,
  payload: JSON.parse(delivery.body) as unknown,
});
