import type { Schedule } from '../schedules/schedule';

export interface IntroCallSettings {
  enabled: boolean;
  scheduleId: string;
  durationMinutes: 15;
}

/** The link to the coach's own calendar; its events are busy time. */
export interface CalendarConnection {
  icsUrl: string;
  connectedAt: string;
  /** sha-256 of the secret part of the coach's private booking feed URL. */
  feedSecretHash: string;
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
  createdAt: string;
  updatedAt: string;
}

export type Membership = { orgId: string; role: 'coach' } | { orgId: string; role: 'client'; programId: string };
