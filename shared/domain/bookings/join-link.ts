import { createHmac } from 'node:crypto';
import { hashSecret, ID_PATTERN, sameSecret } from '../ids';

/**
 * Per-person join links: `GET /j/<orgId>.<programId>.<bookingId>.<side>.<secret>`. The secret is an
 * HMAC of the booking and side under a key held outside the table, so every email and invite —
 * also one composed weeks later, or after a move — carries the same link, while the booking
 * stores only the secret's hash: a copy of the table gives no working link.
 */
export type JoinSide = 'coach' | 'client';

const SIDE_CODE: Record<JoinSide, string> = { coach: 'k', client: 'c' };
const SIDE_OF: Record<string, JoinSide> = { k: 'coach', c: 'client' };

export interface JoinRef {
  orgId: string;
  programId: string;
  bookingId: string;
}

const secretOf = (key: Buffer, ref: JoinRef, side: JoinSide) =>
  createHmac('sha256', key).update(`rapport-join\n${ref.orgId}\n${ref.programId}\n${ref.bookingId}\n${side}`).digest('base64url').slice(0, 43);

export const joinToken = (key: Buffer, ref: JoinRef, side: JoinSide) => `${ref.orgId}.${ref.programId}.${ref.bookingId}.${SIDE_CODE[side]}.${secretOf(key, ref, side)}`;

/** What a booking stores: the hash of each side's secret. */
export const joinHashes = (key: Buffer, ref: JoinRef): Record<JoinSide, string> => ({
  coach: hashSecret(secretOf(key, ref, 'coach')),
  client: hashSecret(secretOf(key, ref, 'client')),
});

/** The booking and side a token names, or null when it cannot be one of ours. */
export function parseJoinToken(token: string): { ref: JoinRef; side: JoinSide; secret: string } | null {
  const [orgId, programId, bookingId, code, secret, ...rest] = token.split('.');
  const side = code ? SIDE_OF[code] : undefined;
  if (!orgId || !programId || !bookingId || !side || !secret || rest.length > 0) return null;
  if (![orgId, programId, bookingId].every((id) => ID_PATTERN.test(id)) || !/^[A-Za-z0-9_-]{20,64}$/.test(secret)) return null;
  return { ref: { orgId, programId, bookingId }, side, secret };
}

/** Whether the secret is the one whose hash the booking keeps for that side (constant time). */
export const joinSecretMatches = (secret: string, hashes: Partial<Record<JoinSide, string>> | null, side: JoinSide) => {
  const stored = hashes?.[side];
  return stored !== undefined && sameSecret(hashSecret(secret), stored);
};
