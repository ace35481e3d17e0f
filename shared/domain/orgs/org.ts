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

/** The link to the coach's own calendar; its events are busy time. */
export interface CalendarConnection {
  icsUrl: string;
  connectedAt: string;
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
  meetingUrl: string | null;
  introCalls: IntroCallSettings | null;
  schedules: Record<string, Schedule>;
  calendar: CalendarConnection | null;
  bookingFeed: BookingFeed | null;
  createdAt: string;
  updatedAt: string;
}

export type Membership = { orgId: string; role: 'coach' } | { orgId: string; role: 'client'; programId: string };

/**
 * The org's schedule with this id, if it has one. Schedules are a map inside the org item, so a
 * lookup must only see its own keys: `toString` or `constructor` name no schedule.
 */
export const scheduleOf = (org: Pick<Org, 'schedules'>, scheduleId: string): Schedule | undefined =>
  Object.hasOwn(org.schedules, scheduleId) ? org.schedules[scheduleId] : undefined;
