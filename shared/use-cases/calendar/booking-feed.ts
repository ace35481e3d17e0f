import { buildFeed } from '../../adapters/calendar/ics-writer';
import { bookingUid } from '../../domain/bookings/calendar-uid';
import { joinUrl, type SessionLinks } from '../bookings/session-parties';
import { notFound, tooManyRequests } from '../../domain/errors';
import { FEED_POLLS_PER_TOKEN } from '../../domain/rate-limits/feed-limits';
import { ID_PATTERN, sameSecret } from '../../domain/ids';
import { toEpochMinutes } from '../../domain/time/instant';
import type { CoachCalendarRepository } from '../../data/coach-calendar-repository';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { RateLimitsRepository } from '../../data/rate-limits-repository';
import type { Clock } from '../../runtime/clock';

/** How far back and ahead the feed reaches: enough for any calendar app's view. */
const PAST_DAYS = 60;
const FUTURE_DAYS = 400;

export interface BookingFeedDeps {
  orgs: Pick<OrgsRepository, 'get'>;
  calendar: Pick<CoachCalendarRepository, 'between'>;
  rateLimits: Pick<RateLimitsRepository, 'take'>;
  clock: Clock;
  links: Pick<SessionLinks, 'appUrl' | 'apiUrl' | 'joinKey'>;
}

/**
 * The coach's private feed of their sessions and intro calls, served without a token: the unguessable secret in
 * its URL is the credential, and anything wrong with the URL is a 404. Each feed's polls are counted
 * (only a real feed's: a made-up token costs no write), at the same time as its sessions are read.
 */
export async function bookingFeed(deps: BookingFeedDeps, feedToken: string): Promise<string> {
  const [orgId, secret, ...rest] = feedToken.replace(/\.ics$/, '').split('.');
  if (!orgId || !secret || rest.length > 0 || !ID_PATTERN.test(orgId)) throw notFound();
  const org = await deps.orgs.get(orgId);
  if (!org?.bookingFeed || !sameSecret(secret, org.bookingFeed.secret)) throw notFound();
  const nowMs = deps.clock.now();
  const now = toEpochMinutes(nowMs);
  const [decision, sessions, key] = await Promise.all([
    deps.rateLimits.take(FEED_POLLS_PER_TOKEN, `${orgId}.${secret}`, nowMs),
    deps.calendar.between(org.coachUserId, now - PAST_DAYS * 1440, now + FUTURE_DAYS * 1440),
    deps.links.joinKey(),
  ]);
  if (!decision.allowed) {
    throw tooManyRequests(decision.retryAfterSeconds, `This feed was fetched more than ${FEED_POLLS_PER_TOKEN.limit} times in an hour; calendar apps should poll it at most every few minutes.`);
  }
  return buildFeed(
    `${org.name} — coaching sessions`,
    sessions
      .filter((s) => s.kind === 'session' || s.kind === 'intro_call')
      .map((s) => {
        const entry = { uid: bookingUid(s.id, deps.links.appUrl), sequence: s.sequence, start: s.start, end: s.end, summary: s.summary, description: s.summary, stampedAt: s.changedAt };
        // Intro calls have no join link of their own: the prospect's link in their email is theirs.
        if (s.kind === 'intro_call' || !s.programId) return entry;
        // The coach's own join link, as in their invitations: joining from the feed counts too.
        const join = joinUrl(deps.links, key, { orgId: s.orgId, programId: s.programId, bookingId: s.id }, 'coach');
        return { ...entry, description: `${s.summary}\nJoin (opens 15 minutes before the start): ${join}`, location: join, url: join };
      }),
  );
}
