import { reminderScheduleEffects, scheduleNames } from '../bookings/session-schedules';
import type { ReminderLead } from '../bookings/session-timing';
import type { OutboxEffect } from '../outbox/outbox-entry';
import type { IntroCall } from './intro-call';

/** What an intro call's reminder schedules carry: the start they were made for, like a session's. */
export interface IntroCallReminderPayload {
  kind: 'intro_call_reminder';
  orgId: string;
  introCallId: string;
  lead: ReminderLead;
  start: number;
}

/** An intro call is reminded 24 hours and 1 hour before, like a session; it has no no-show check. */
export const introCallScheduleEffects = (call: IntroCall, now: number): OutboxEffect[] =>
  reminderScheduleEffects(call.introCallId, call.start, now, (lead) => {
    const payload: IntroCallReminderPayload = { kind: 'intro_call_reminder', orgId: call.orgId, introCallId: call.introCallId, lead, start: call.start };
    return { ...payload };
  });

export const unscheduleIntroCall = (introCallId: string): OutboxEffect[] => [
  { type: 'unschedule', name: scheduleNames(introCallId).reminder24h },
  { type: 'unschedule', name: scheduleNames(introCallId).reminder1h },
];
