import { isIP } from 'node:net';
import { allowedProtocols, isAllowedAddress, type FetchPolicy } from '../calendar/address-policy';

/**
 * Webhooks go where coaches point them, so they follow the calendar fetches' rules: deployed, https
 * to public addresses only. `allow-loopback` lets the local stack deliver to a receiver on
 * 127.0.0.1 (tests, `npm start`); CDK always sets `public-https`, and a test holds it there.
 */
export function webhookPolicyFromEnv(): FetchPolicy {
  return process.env.WEBHOOK_DELIVERY_POLICY === 'allow-loopback' ? 'allow-loopback' : 'public-https';
}

/**
 * Why a URL cannot be registered, or null when it can. Host names are resolved at each delivery
 * (see `guardedLookup`); here only what the URL itself says is checked, so a coach hears at once
 * about an http:// address or a private IP.
 */
export function webhookUrlProblem(raw: string, policy: FetchPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Use a full https:// address.';
  }
  if (!allowedProtocols(policy).includes(url.protocol)) return 'Use an https:// address.';
  if (url.username || url.password) return 'Leave credentials out of the address: each delivery is signed instead.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAllowedAddress(host, policy)) return 'That address is on a private or local network.';
  if (policy === 'public-https' && (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local'))) {
    return 'That address is on a private or local network.';
  }
  return null;
}
