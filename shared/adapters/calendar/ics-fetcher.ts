import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { FEED_LIMITS } from '../../domain/calendar/busy-time';
import type { FeedValidators, FetchedFeed } from '../../use-cases/calendar/calendar-source';
import { calendarTooLarge, calendarUnreachable } from './feed-errors';
import { allowedProtocols, isAllowedAddress, type FetchPolicy } from './address-policy';
import { guardedLookup, unreachableReason } from './guarded-lookup';

const MAX_REDIRECTS = 3;

export interface FetchOptions {
  /** Sends If-None-Match / If-Modified-Since; the server may answer 304. */
  validators?: FeedValidators;
  /** One deadline for the whole fetch: every hop, every redirect and the last byte of the body. */
  deadlineMs?: number;
  maxBytes?: number;
}

/**
 * Fetches an iCalendar feed under the fetch policy. Every hop is checked: the URL's scheme, the
 * addresses its host resolves to (checked at connect time, so DNS cannot change its answer between
 * check and use), and each redirect target. The body is capped in bytes, and the whole fetch —
 * redirects and a body that trickles in a line at a time included — in time, by one AbortSignal.
 */
export async function fetchIcs(rawUrl: string, policy: FetchPolicy, options: FetchOptions = {}): Promise<FetchedFeed> {
  const deadlineMs = options.deadlineMs ?? FEED_LIMITS.deadlineMs;
  const signal = AbortSignal.timeout(deadlineMs);
  const limits = { signal, deadlineMs, maxBytes: options.maxBytes ?? FEED_LIMITS.bytes, validators: options.validators };
  let url = normaliseCalendarUrl(rawUrl);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const result = await get(url, policy, limits);
    if (result.kind !== 'redirect') return result;
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

type Hop = FetchedFeed | { kind: 'redirect'; location: string };

interface HopLimits {
  signal: AbortSignal;
  deadlineMs: number;
  maxBytes: number;
  validators: FeedValidators | undefined;
}

function get(url: URL, policy: FetchPolicy, limits: HopLimits): Promise<Hop> {
  if (!allowedProtocols(policy).includes(url.protocol)) {
    return Promise.reject(calendarUnreachable('only https:// addresses can be connected'));
  }
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !isAllowedAddress(literal, policy)) {
    return Promise.reject(calendarUnreachable('that address is on a private or local network'));
  }
  if (limits.signal.aborted) return Promise.reject(outOfTime(limits.deadlineMs));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'Rapport-Calendar/1.0' };
  if (limits.validators?.etag) headers['if-none-match'] = limits.validators.etag;
  if (limits.validators?.lastModified) headers['if-modified-since'] = limits.validators.lastModified;

  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      limits.signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: Error) => finish(() => reject(error));
    const onAbort = () => {
      fail(outOfTime(limits.deadlineMs));
      req.destroy();
    };
    const req = send(url, { method: 'GET', lookup: guardedLookup(policy), headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        const location = res.headers.location;
        return finish(() => resolve({ kind: 'redirect', location }));
      }
      if (status === 304 && limits.validators) {
        res.resume();
        return finish(() => resolve({ kind: 'not-modified' }));
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return fail(calendarUnreachable(`the server answered ${status}`));
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > limits.maxBytes) {
        req.destroy();
        return fail(calendarTooLarge(`it is larger than ${megabytes(limits.maxBytes)}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          req.destroy();
          fail(calendarTooLarge(`it is larger than ${megabytes(limits.maxBytes)}`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish(() =>
          resolve({
            kind: 'fresh',
            text: Buffer.concat(chunks).toString('utf8'),
            etag: headerValue(res.headers.etag),
            lastModified: headerValue(res.headers['last-modified']),
          }),
        ),
      );
      res.on('error', () => fail(calendarUnreachable('the connection broke')));
      res.on('aborted', () => fail(calendarUnreachable('the connection broke')));
    });
    limits.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: NodeJS.ErrnoException) => fail(calendarUnreachable(unreachableReason(error, 'server'))));
    req.end();
  });
}

const outOfTime = (deadlineMs: number) => calendarUnreachable(`the server did not send it all within ${deadlineMs / 1000} seconds`);

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const headerValue = (value: string | string[] | undefined): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length <= 500 ? first : null;
};
