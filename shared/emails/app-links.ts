/**
 * Links in emails point at the frontend (`APP_URL`). These are the paths a frontend must serve;
 * the README lists them too.
 */
export const appLinks = {
  join: (appUrl: string, token: string) => `${appUrl}/join?token=${encodeURIComponent(token)}`,
  program: (appUrl: string, orgId: string, programId: string) => `${appUrl}/orgs/${orgId}/programs/${programId}`,
  messages: (appUrl: string, orgId: string, programId: string) => `${appUrl}/orgs/${orgId}/programs/${programId}/messages`,
  review: (appUrl: string, orgId: string, programId: string) => `${appUrl}/orgs/${orgId}/programs/${programId}/review`,
  report: (appUrl: string, orgId: string, programId: string) => `${appUrl}/orgs/${orgId}/programs/${programId}/report`,
  progressChart: (appUrl: string, orgId: string, programId: string) => `${appUrl}/orgs/${orgId}/programs/${programId}/report/progress`,
  /** A prospect's page for their intro call: `GET /intro-calls/by-token/<token>` and its actions. */
  introCall: (appUrl: string, token: string) => `${appUrl}/intro-call?token=${encodeURIComponent(token)}`,
  booking: (appUrl: string, orgId: string, programId: string, bookingId: string) => `${appUrl}/orgs/${orgId}/programs/${programId}/bookings/${bookingId}`,
};
