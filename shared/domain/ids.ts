import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits, URL-safe. For orgs and schedules, whose order means nothing. */
export const newId = (): string => randomBytes(16).toString('base64url');

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID: 48 bits of milliseconds then 80 random bits, in Crockford base32. Sorting the strings
 * sorts by creation time, so a sort key `MSG#<id>` lists messages oldest first and still finds
 * one message by its id alone. Monotonic within a process: ids made in the same millisecond (or
 * under a clock that stands still) still sort in the order they were made.
 */
let lastTime = -1;
let lastRandom = 0n;
const RANDOM_BITS = 80n;

export function sortableId(nowMs: number): string {
  let time = Math.max(0, Math.floor(nowMs));
  let random: bigint;
  if (time <= lastTime) {
    time = lastTime;
    random = (lastRandom + 1n) & ((1n << RANDOM_BITS) - 1n);
  } else {
    random = 0n;
    for (const byte of randomBytes(10)) random = (random << 8n) | BigInt(byte);
    // Leave headroom so increments within one millisecond never wrap around.
    random >>= 1n;
  }
  lastTime = time;
  lastRandom = random;

  let head = '';
  for (let i = 0, t = time; i < 10; i++, t = Math.floor(t / 32)) head = (CROCKFORD[t % 32] ?? '0') + head;
  let tail = '';
  for (let i = 0, r = random; i < 16; i++, r >>= 5n) tail = (CROCKFORD[Number(r & 31n)] ?? '0') + tail;
  return head + tail;
}

/** Ids the API hands out; anything else in a path can name nothing that exists. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A secret for a capability link (invites, calendar feeds): 256 random bits. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Only hashes of secrets are stored, so a leaked table does not leak working links. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** Compares two secrets in constant time (for secrets that are stored as they are). */
export function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const secretMatches = (secret: string, storedHash: string): boolean => sameSecret(hashSecret(secret), storedHash);
