/**
 * The UID of a booking's calendar event: the booking id at the app's own host (RFC 5545 §3.8.4.7
 * wants a domain the producer controls). The same UID in every invite, update, cancellation and the
 * coach's feed, so calendars update one event. Also how an event read back from a calendar is
 * recognised as one of Rapport's own sessions.
 */
export const uidDomainOf = (appUrl: string) => new URL(appUrl).hostname;

export const bookingUid = (bookingId: string, appUrl: string) => `${bookingId}@${uidDomainOf(appUrl)}`;

/** The booking id of a UID Rapport wrote for this app, else null. */
export function bookingIdOfUid(uid: string, appUrl: string): string | null {
  const suffix = `@${uidDomainOf(appUrl)}`;
  return uid.endsWith(suffix) && uid.length > suffix.length ? uid.slice(0, -suffix.length) : null;
}
