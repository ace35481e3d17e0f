import { reminderScheduleEffects, scheduleNames, type ScheduleChange } from '../bookings/session-schedules';
import type { ReminderLead } from '../bookings/session-timing';
import type { IntroCall } from './intro-call';

/** What an intro call's reminder schedules carry: the start they were made for, like a session's. */
export interface IntroCallReminderPayload {
  kind: 'intro_call_reminder';
  orgId: string;
  introCallId: string;
  lead: ReminderLead;
  start: number;
}

/**
 * The schedules an intro call should have at `now` (it has no no-show check): a confirmed call its
 * reminders still ahead, like a session; a cancelled or missing one none.
 */
export function desiredIntroCallSchedules(introCallId: string, call: IntroCall | null, now: number, spreadMinutes = 0): ScheduleChange[] {
  if (!call || call.status !== 'confirmed') {
    return [
      { type: 'unschedule', name: scheduleNames(introCallId).reminder24h },
      { type: 'unschedule', name: scheduleNames(introCallId).reminder1h },
    ];
  }
  return reminderScheduleEffects(call.introCallId, call.start, now, (lead) => {
    const payload: IntroCallReminderPayload = { kind: 'intro_call_reminder', orgId: call.orgId, introCallId: call.introCallId, lead, start: call.start };
    return { ...payload };
  }, spreadMinutes);
}
