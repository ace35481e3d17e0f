import type { PersonProfile } from '../people/person';
import type { Schedule } from '../schedules/schedule';

/** A question the coach asks everyone who books an intro call (answered in free text). */
export interface IntroCallQuestion {
  questionId: string;
  prompt: string;
  required: boolean;
}

/** Free intro calls: off until the coach turns them on with a schedule to book from. */
export interface IntroCallSettings {
  enabled: boolean;
  scheduleId: string;
  durationMinutes: 15;
  questions: IntroCallQuestion[];
}

/**
 * The link to the coach's own calendar, and how its last sync went. Its events are busy time: they
 * are fetched and expanded in the background and stored as busy-time buckets beside the org; the
 * request path only reads those.
 */
export interface CalendarConnection {
  icsUrl: string;
  connectedAt: string;
  /** The feed's validators, for the conditional GET of the next refresh. */
  etag: string | null;
  lastModified: string | null;
  /** A digest of the stored busy time, so a refresh that finds the same busy time writes nothing but the status. */
  digest: string;
  /** Epoch minutes: the end of the span the stored copy covers. */
  horizonEnd: number;
  /** Busy occurrences inside the horizon, as last read. */
  eventsInHorizon: number;
  /** When the feed was last read successfully (or answered 304 Not Modified). */
  lastSyncedAt: string;
  /** Why the last refresh failed; null once one succeeds. The stored busy time stays in use meanwhile. */
  lastSyncError: string | null;
  /** Refreshes failed in a row, for backing off. */
  failures: number;
}

/**
 * The coach's private, subscribable feed of their sessions. It is made when a calendar is first
 * connected and outlives disconnecting, so a calendar app subscribed to it keeps working. The
 * secret is kept (not only a hash) because the coach must be able to see the link again.
 */
export interface BookingFeed {
  secret: string;
  createdAt: string;
}

/**
 * An org is one coach's practice. Its schedules live inside it: a coach has a handful, and
 * availability must read them together with the org in a single request.
 */
export interface Org {
  orgId: string;
  name: string;
  timeZone: string;
  coachUserId: string;
  coachEmail: string;
  /** The coach's own profile (`PATCH /me`), kept here so every email of the org reads it with the org. */
  coachProfile: PersonProfile | null;
  meetingUrl: string | null;
  /** Branding of the practice's emails: an https logo, a #rrggbb colour that carries white text, a signature. */
  logoUrl: string | null;
  brandColor: string | null;
  signature: string | null;
  introCalls: IntroCallSettings | null;
  schedules: Record<string, Schedule>;
  calendar: CalendarConnection | null;
  /**
   * The version of the stored busy time (see CalendarConnection). Kept outside `calendar` so that it
   * never goes back: after disconnecting and reconnecting, buckets of the old connection still differ.
   */
  busyTimeVersion: number;
  bookingFeed: BookingFeed | null;
  createdAt: string;
  updatedAt: string;
}

export type Membership = { orgId: string; role: 'coach' } | { orgId: string; role: 'client'; programId: string };
