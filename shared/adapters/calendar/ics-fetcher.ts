import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { unprocessable } from '../../domain/errors';
import { allowedProtocols, isAllowedAddress, type FetchPolicy } from './address-policy';

const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

export const calendarUnreachable = (why: string) =>
  unprocessable('calendar_unreachable', `We could not fetch that calendar: ${why}. Check the link is the calendar's public or secret iCal address.`);

/**
 * Fetches an iCalendar feed under the fetch policy. Every hop is checked: the URL's scheme, the
 * addresses its host resolves to (checked at connect time, so DNS cannot change its answer between
 * check and use), and each redirect target. Bodies are capped at 5 MB and requests at 10 s.
 */
export async function fetchIcs(rawUrl: string, policy: FetchPolicy): Promise<string> {
  let url = normaliseCalendarUrl(rawUrl);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const result = await get(url, policy);
    if (result.kind === 'body') return result.text;
    url = new URL(result.location, url);
  }
  throw calendarUnreachable('it redirects too many times');
}

/** Calendar apps hand out `webcal://` links; they mean https. */
export function normaliseCalendarUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw calendarUnreachable('that is not a web address');
  }
  return url;
}

function guardedLookup(policy: FetchPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
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

type Hop = { kind: 'body'; text: string } | { kind: 'redirect'; location: string };

function get(url: URL, policy: FetchPolicy): Promise<Hop> {
  if (!allowedProtocols(policy).includes(url.protocol)) {
    return Promise.reject(calendarUnreachable('only https:// addresses can be connected'));
  }
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !isAllowedAddress(literal, policy)) {
    return Promise.reject(calendarUnreachable('that address is on a private or local network'));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Hop>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'GET',
        lookup: guardedLookup(policy),
        timeout: TIMEOUT_MS,
        headers: { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'Rapport-Calendar/1.0' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ kind: 'redirect', location: res.headers.location });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return reject(calendarUnreachable(`the server answered ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) {
            req.destroy();
            reject(calendarUnreachable('it is larger than 5 MB'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ kind: 'body', text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => reject(calendarUnreachable('the connection broke')));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EBLOCKED'
          ? 'that address is on a private or local network'
          : error.code === 'ENOTFOUND'
            ? 'the host name does not exist'
            : error.code === 'ETIMEDOUT'
              ? 'the server did not answer in time'
              : 'the server could not be reached';
      reject(calendarUnreachable(why));
    });
    req.end();
  });
}
