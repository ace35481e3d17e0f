import type { Org } from '../../domain/orgs/org';

/** The coach's private feed of their sessions; `origin` is where the API is served. */
export const bookingFeedUrl = (origin: string, orgId: string, secret: string) => `${origin}/feeds/${orgId}.${secret}.ics`;

/** The org as the API shows it to its coach. Schedules have their own routes. */
export function orgView(org: Org, origin: string) {
  return {
    orgId: org.orgId,
    name: org.name,
    timeZone: org.timeZone,
    meetingUrl: org.meetingUrl,
    introCalls: org.introCalls ? { ...org.introCalls, questions: org.introCalls.questions ?? [] } : null,
    calendar: {
      connected: org.calendar !== null,
      icsUrl: org.calendar?.icsUrl ?? null,
      feedUrl: org.bookingFeed ? bookingFeedUrl(origin, org.orgId, org.bookingFeed.secret) : null,
    },
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}
