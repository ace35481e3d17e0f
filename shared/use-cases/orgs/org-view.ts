import type { Org } from '../../domain/orgs/org';

/** The org as the API shows it to its coach. Schedules have their own routes. */
export function orgView(org: Org) {
  return {
    orgId: org.orgId,
    name: org.name,
    timeZone: org.timeZone,
    meetingUrl: org.meetingUrl,
    introCalls: org.introCalls,
    calendar: { connected: org.calendar !== null },
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}
