import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAllowedAddress, type FetchPolicy } from './address-policy';

/**
 * A DNS lookup for outgoing requests (calendar feeds, webhooks) that refuses a host unless every
 * address it resolves to is allowed by the policy. It runs at connect time, inside the request, so
 * DNS cannot answer one address to a check and another to the connection (rebinding).
 */
export function guardedLookup(policy: FetchPolicy): LookupFunction {
  return (hostname, options, callback) => {
    // node:dns is loaded here, at the first lookup, rather than with the function: loading it is
    // ~0.5 ms of CPU, and most invocations of the functions that carry this fetch nothing.
    process.getBuiltinModule('node:dns').lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = (addresses as unknown as LookupAddress[]) ?? [];
      const allowed = list.filter((a) => isAllowedAddress(a.address, policy));
      if (allowed.length === 0 || allowed.length !== list.length) {
        return callback(Object.assign(new Error('blocked address'), { code: 'EBLOCKED' }), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      const first = allowed[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}


/** Why a guarded request could not connect, in words for the coach; `peer` names the other side. */
export function unreachableReason(error: NodeJS.ErrnoException, peer: 'server' | 'receiver'): string {
  if (error.code === 'EBLOCKED') return 'that address is on a private or local network';
  if (error.code === 'ENOTFOUND') return 'the host name does not exist';
  return `the ${peer} could not be reached`;
}
