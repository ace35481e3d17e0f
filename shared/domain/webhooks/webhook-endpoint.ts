import { randomBytes } from 'node:crypto';
import type { EventFilter } from '../events/event-types';

/** Endpoints one org may register: enough for a CRM, a chat tool and a data warehouse, with room to spare. */
export const MAX_WEBHOOKS_PER_ORG = 10;

/**
 * After a rotation the old secret still signs (beside the new one) for this long, so a receiver
 * can switch without dropping a single event.
 */
export const ROTATION_GRACE_MS = 24 * 60 * 60_000;

/** A registered endpoint as stored. The secrets sign; only the coach who made them ever saw them. */
export interface WebhookEndpoint {
  orgId: string;
  webhookId: string;
  url: string;
  events: EventFilter[];
  description: string | null;
  createdAt: string;
  secret: string;
  /** The secret before the last rotation, still signing until `previousSecretExpiresAt`. */
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  secretRotatedAt: string | null;
}

/** What the API shows of an endpoint: never a secret. */
export const endpointView = (endpoint: WebhookEndpoint) => ({
  webhookId: endpoint.webhookId,
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  createdAt: endpoint.createdAt,
  secretRotatedAt: endpoint.secretRotatedAt,
});

/**
 * A signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. The
 * receiver's library decodes the part after the prefix and uses those bytes as the HMAC key.
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** The secrets that sign right now: the current one, and the previous one during its grace period. */
export function signingSecrets(endpoint: Pick<WebhookEndpoint, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, nowMs: number): string[] {
  const previousLives = endpoint.previousSecret !== null && endpoint.previousSecretExpiresAt !== null && Date.parse(endpoint.previousSecretExpiresAt) > nowMs;
  return previousLives ? [endpoint.secret, endpoint.previousSecret as string] : [endpoint.secret];
}
