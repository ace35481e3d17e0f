import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '../../../shared/adapters/webhooks/webhook-address';
import { domainEvent, eventBody } from '../../../shared/domain/events/domain-event';
import { newWebhookSecret, ROTATION_GRACE_MS, signingSecrets } from '../../../shared/domain/webhooks/webhook-endpoint';
import { webhookHeaders } from '../../../shared/domain/webhooks/signature';

const NOW = Date.parse('2026-12-01T09:00:00Z');

/** Signatures are checked by the official Standard Webhooks library, as a receiver would. */
const verify = (secret: string, body: string, headers: Record<string, string>, at = NOW) => {
  const webhook = new Webhook(secret);
  // The library checks the timestamp against its own clock; give it the delivery's.
  const realNow = Date.now;
  Date.now = () => at;
  try {
    return webhook.verify(body, headers);
  } finally {
    Date.now = realNow;
  }
};

describe('Standard Webhooks signing', () => {
  const event = domainEvent('booking.created', 'org1', { programId: 'p1', bookingId: 'b1', start: '2026-12-09T10:00:00Z' }, NOW).event;
  const body = eventBody(event);

  it('signs so that the official library verifies the body, id and timestamp', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders([secret], event.id, NOW, body);
    expect(headers['webhook-id']).toBe(event.id);
    expect(headers['webhook-timestamp']).toBe(String(NOW / 1000));
    expect(verify(secret, body, headers)).toEqual(JSON.parse(body));
  });

  it('fails verification under another secret, a changed body or a replayed old timestamp', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders([secret], event.id, NOW, body);
    expect(() => verify(newWebhookSecret(), body, headers)).toThrow();
    expect(() => verify(secret, body.replace('b1', 'b2'), headers)).toThrow();
    expect(() => verify(secret, body, { ...headers, 'webhook-id': 'evt_other' })).toThrow();
    expect(() => verify(secret, body, headers, NOW + 10 * 60_000)).toThrow();
  });

  it('signs with both secrets during a rotation, so a receiver on either verifies', () => {
    const old = newWebhookSecret();
    const next = newWebhookSecret();
    const endpoint = { secret: next, previousSecret: old, previousSecretExpiresAt: new Date(NOW + ROTATION_GRACE_MS).toISOString() };
    const headers = webhookHeaders(signingSecrets(endpoint, NOW), event.id, NOW, body);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verify(old, body, headers)).toBeTruthy();
    expect(verify(next, body, headers)).toBeTruthy();
    // After the grace period only the new secret signs.
    expect(signingSecrets(endpoint, NOW + ROTATION_GRACE_MS)).toEqual([next]);
  });

  it('keeps the payload to ids, times and states', () => {
    expect(JSON.parse(body)).toEqual({ id: event.id, type: 'booking.created', timestamp: '2026-12-01T09:00:00Z', orgId: 'org1', data: { programId: 'p1', bookingId: 'b1', start: '2026-12-09T10:00:00Z' } });
    expect(event.id).toMatch(/^evt_[0-9A-Z]{26}$/);
  });
});

describe('webhook addresses', () => {
  it.each([
    ['http://hooks.example.org/in', 'Use an https:// address.'],
    ['https://127.0.0.1/in', 'That address is on a private or local network.'],
    ['https://10.1.2.3/in', 'That address is on a private or local network.'],
    ['https://169.254.169.254/latest', 'That address is on a private or local network.'],
    ['https://[::1]/in', 'That address is on a private or local network.'],
    ['https://[::ffff:192.168.0.1]/in', 'That address is on a private or local network.'],
    ['https://localhost/in', 'That address is on a private or local network.'],
    ['https://user:pw@hooks.example.org/in', 'Leave credentials out of the address: each delivery is signed instead.'],
    ['not a url', 'Use a full https:// address.'],
    ['ftp://hooks.example.org/in', 'Use an https:// address.'],
  ])('refuses %s deployed', (url, problem) => {
    expect(webhookUrlProblem(url, 'public-https')).toBe(problem);
  });

  it('takes public https addresses, and loopback over http only under the local allowance', () => {
    expect(webhookUrlProblem('https://hooks.example.org/rapport?x=1', 'public-https')).toBeNull();
    expect(webhookUrlProblem('https://93.184.216.34/in', 'public-https')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4000/in', 'allow-loopback')).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.1/in', 'allow-loopback')).toBe('That address is on a private or local network.');
  });
});
