import { createHmac } from 'node:crypto';

/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `<id>.<timestamp>.<body>` with the secret's decoded bytes as the key, sent as `v1,<base64>`;
 * several signatures (during a rotation) are separated by spaces, and a receiver accepts the
 * message when any of them verifies.
 */
export function signatureHeader(secrets: readonly string[], messageId: string, timestampSeconds: number, body: string): string {
  return secrets.map((secret) => `v1,${sign(secret, messageId, timestampSeconds, body)}`).join(' ');
}

function sign(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
}

/** The three headers of a signed delivery. The id is the event's, the same on every retry and replay. */
export function webhookHeaders(secrets: readonly string[], messageId: string, nowMs: number, body: string): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secrets, messageId, timestamp, body),
  };
}
