import ipaddr from 'ipaddr.js';

/**
 * Which addresses a coach's calendar URL may lead to. Deployed: public unicast only, so a URL cannot
 * make Rapport probe its own network (loopback, link-local and the instance metadata service,
 * private ranges, carrier-grade NAT, multicast, reserved). Locally, loopback is allowed too, so a
 * test can serve a feed from 127.0.0.1.
 */
export type FetchPolicy = 'public-https' | 'allow-loopback';

export function fetchPolicyFromEnv(): FetchPolicy {
  return process.env.CALENDAR_FETCH_POLICY === 'allow-loopback' ? 'allow-loopback' : 'public-https';
}

export function isAllowedAddress(address: string, policy: FetchPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return true;
  return policy === 'allow-loopback' && range === 'loopback';
}

export const allowedProtocols = (policy: FetchPolicy): string[] => (policy === 'allow-loopback' ? ['https:', 'http:'] : ['https:']);
