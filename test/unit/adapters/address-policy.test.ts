import { describe, expect, it } from 'vitest';
import { isAllowedAddress } from '../../../shared/adapters/calendar/address-policy';
import { guardedLookup } from '../../../shared/adapters/calendar/guarded-lookup';

describe('which addresses a calendar URL may reach', () => {
  it.each(['8.8.8.8', '142.250.74.46', '2607:f8b0:4004:800::200e'])('allows the public address %s', (ip) => {
    expect(isAllowedAddress(ip, 'public-https')).toBe(true);
  });

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback v6', '::1'],
    ['private 10/8', '10.1.2.3'],
    ['private 172.16/12', '172.20.0.5'],
    ['private 192.168/16', '192.168.1.10'],
    ['link-local (instance metadata)', '169.254.169.254'],
    ['link-local v6', 'fe80::1'],
    ['unique local v6', 'fd00::1'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['unspecified', '0.0.0.0'],
    ['multicast', '224.0.0.1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['not an address', 'localhost'],
  ])('refuses %s (%s) when deployed', (_label, ip) => {
    expect(isAllowedAddress(ip, 'public-https')).toBe(false);
  });

  it('allows loopback, and only loopback, under the local policy', () => {
    expect(isAllowedAddress('127.0.0.1', 'allow-loopback')).toBe(true);
    expect(isAllowedAddress('::1', 'allow-loopback')).toBe(true);
    expect(isAllowedAddress('10.0.0.1', 'allow-loopback')).toBe(false);
    expect(isAllowedAddress('169.254.169.254', 'allow-loopback')).toBe(false);
  });
});

describe('the guarded DNS lookup of outgoing requests', () => {
  const lookUp = (host: string, policy: 'public-https' | 'allow-loopback') =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string }>((resolve) =>
      guardedLookup(policy)(host, {}, (error, address) => resolve({ error, address: String(address) })),
    );

  it('refuses a name that resolves to loopback when deployed, and allows it locally', async () => {
    expect((await lookUp('localhost', 'public-https')).error?.code).toBe('EBLOCKED');
    const local = await lookUp('localhost', 'allow-loopback');
    expect(local.error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(local.address);
  });
});
