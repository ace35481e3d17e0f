import { joinSecretMatches, parseJoinToken } from '../../domain/bookings/join-link';
import { isJoinOpen, JOIN_OPENS_MINUTES_BEFORE } from '../../domain/bookings/session-timing';
import { clientOf, coachOf, type Person } from '../../domain/people/person';
import { toEpochMinutes } from '../../domain/time/instant';
import { sessionLabel } from '../../emails/session-content';
import { meetingUrlOf, recordJoin } from './attendance';
import { scopeOf, type SessionDeps } from './booking-deps';

/** What a join link does now; the handler turns it into a redirect or a small page. */
export type JoinLinkOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'not_yet'; opensAt: number; start: number; end: number; title: string; reader: Person }
  | { kind: 'over'; reason: 'ended' | 'cancelled' | 'missed'; title: string }
  | { kind: 'unknown' };

/**
 * A person's join link, opened from a calendar or an email. Inside the join window it records the
 * join exactly as `POST …/join` does (so the no-show check sees it) and leads to the meeting;
 * before the window it says when it opens; after the end, or for a cancelled or missed session,
 * it says the session is over. A link that names nothing, or whose secret is wrong, is unknown.
 * One BatchGetItem, plus one conditional write on the first join.
 */
export async function openJoinLink(deps: SessionDeps, token: string): Promise<JoinLinkOutcome> {
  const parsed = parseJoinToken(token);
  if (!parsed) return { kind: 'unknown' };
  const ctx = await deps.context(parsed.ref);
  const scope = scopeOf(ctx);
  const booking = ctx.booking;
  if (!scope || !booking || !scope.program.client || !joinSecretMatches(parsed.secret, booking.joinHashes, parsed.side)) return { kind: 'unknown' };

  const title = `${sessionLabel(booking)} · ${scope.program.name}`;
  if (booking.status === 'cancelled') return { kind: 'over', reason: 'cancelled', title };
  if (booking.status === 'no_show') return { kind: 'over', reason: 'missed', title };
  const nowMs = deps.clock.now();
  const now = toEpochMinutes(nowMs);
  if (now >= booking.end) return { kind: 'over', reason: 'ended', title };
  if (!isJoinOpen(booking, now)) {
    const reader = parsed.side === 'coach' ? coachOf(scope.org) : clientOf(scope.program.client, scope.program.client.timeZone ?? scope.schedule.timeZone);
    return { kind: 'not_yet', opensAt: booking.start - JOIN_OPENS_MINUTES_BEFORE, start: booking.start, end: booking.end, title, reader };
  }
  await recordJoin(deps, booking, parsed.side, nowMs);
  return { kind: 'redirect', url: meetingUrlOf(deps, scope.org, booking) };
}
