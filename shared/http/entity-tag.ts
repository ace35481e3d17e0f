import { createHash } from 'node:crypto';

/** A strong validator of a body: the same bytes, the same tag (RFC 9110 §8.8.3). */
export const entityTag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Whether `If-None-Match` names the tag, so the client's copy is current and a 304 will do. Uses the
 * weak comparison GET requires (RFC 9110 §13.1.2): `W/` prefixes are ignored; `*` matches anything.
 */
export function noneMatchHits(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag));
}
