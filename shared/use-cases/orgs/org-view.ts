import type { Org } from '../../domain/orgs/org';

/** The coach's private feed of their sessions; `origin` is where the API is served. */
export const bookingFeedUrl = (origin: string, orgId: string, secret: string) => `${origin}/feeds/${orgId}.${secret}.ics`;

/**
 * The coach's calendar connection: the link, their own feed, and how the last sync went. When a feed
 * breaks, `lastSyncError` says why and `lastSyncedAt` how old the busy time still in use is.
 */
export function calendarView(org: Pick<Org, 'orgId' | 'calendar' | 'bookingFeed'>, origin: string) {
  return {
    connected: org.calendar !== null,
    icsUrl: org.calendar?.icsUrl ?? null,
    feedUrl: org.bookingFeed ? bookingFeedUrl(origin, org.orgId, org.bookingFeed.secret) : null,
    lastSyncedAt: org.calendar?.lastSyncedAt ?? null,
    lastSyncError: org.calendar?.lastSyncError ?? null,
    eventsInHorizon: org.calendar?.eventsInHorizon ?? null,
  };
}

/** The org as the API shows it to its coach. Schedules have their own routes. */
export function orgView(org: Org, origin: string) {
  return {
    orgId: org.orgId,
    name: org.name,
    timeZone: org.timeZone,
    meetingUrl: org.meetingUrl,
    logoUrl: org.logoUrl,
    brandColor: org.brandColor,
    signature: org.signature,
    introCalls: org.introCalls ? { ...org.introCalls, questions: org.introCalls.questions ?? [] } : null,
    calendar: calendarView(org, origin),
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}
