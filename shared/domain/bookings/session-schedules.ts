import type { OneTimeSchedule } from '../../adapters/scheduler/session-scheduler';
import type { OutboxEffect } from '../outbox/outbox-entry';
import type { Booking } from './booking';
import { spreadOffset } from './reminder-spread';
import { AUTOMATIC_NO_SHOW_AFTER_MINUTES, REMINDERS, type ReminderLead } from './session-timing';

/**
 * Each booking has three one-time schedules with names derived from it, so moving or cancelling
 * the booking moves or removes exactly those. Their payload carries the start they were made for:
 * a delivery for a start the booking no longer has is stale and does nothing.
 */
export const scheduleNames = (bookingId: string) => ({
  reminder24h: `${bookingId}-reminder-24h`,
  reminder1h: `${bookingId}-reminder-1h`,
  noShow: `${bookingId}-no-show`,
});

const reminderName = (bookingId: string, lead: ReminderLead) => (lead === '24h' ? scheduleNames(bookingId).reminder24h : scheduleNames(bookingId).reminder1h);

export interface ReminderPayload {
  kind: 'reminder';
  orgId: string;
  programId: string;
  bookingId: string;
  lead: ReminderLead;
  start: number;
}

export interface NoShowPayload {
  kind: 'no_show';
  orgId: string;
  programId: string;
  bookingId: string;
  start: number;
}

/**
 * The reminder schedules of anything that starts at `start` (a session, an intro call), named
 * after its id: a reminder whose time has passed is not made (and one left from an earlier time is
 * removed), so something booked 3 hours ahead gets the 1-hour reminder only. Every reminder goes to
 * the one reminder Lambda, which tells the kinds apart by the payload. With `spreadMinutes`, each
 * fires up to that many minutes early, by a stable offset (reminder-spread.ts), never late.
 */
export function reminderScheduleEffects(id: string, start: number, now: number, payloadFor: (lead: ReminderLead) => Record<string, unknown>, spreadMinutes = 0): ScheduleChange[] {
  return REMINDERS.map(({ lead, minutesBefore }): ScheduleChange => {
    const name = reminderName(id, lead);
    const due = start - minutesBefore;
    if (due <= now) return { type: 'unschedule', name };
    const at = Math.max(due - spreadOffset(name, spreadMinutes), now + 1);
    return { type: 'schedule', schedule: { name, at, target: 'reminder', payload: payloadFor(lead) } satisfies OneTimeSchedule };
  });
}

/** A change to one named schedule: what reconciling a record's schedules comes down to. */
export type ScheduleChange = Extract<OutboxEffect, { type: 'schedule' | 'unschedule' }>;

/**
 * The schedules a booking should have at `now`, as changes covering every one of its schedule names:
 * a confirmed booking its reminders still ahead and its no-show check (a minute from now if that
 * time passed while the relay could not run; not once the client has joined); any other booking,
 * or one that is gone, none.
 */
export function desiredSessionSchedules(bookingId: string, booking: Booking | null, now: number, spreadMinutes = 0): ScheduleChange[] {
  if (!booking || booking.status !== 'confirmed') return unscheduleSession(bookingId);
  const reminders = reminderScheduleEffects(booking.bookingId, booking.start, now, (lead) => {
    const payload: ReminderPayload = { kind: 'reminder', orgId: booking.orgId, programId: booking.programId, bookingId: booking.bookingId, lead, start: booking.start };
    return { ...payload };
  }, spreadMinutes);
  const name = scheduleNames(booking.bookingId).noShow;
  if (booking.clientJoinedAt) return [...reminders, { type: 'unschedule', name }];
  const noShow: NoShowPayload = { kind: 'no_show', orgId: booking.orgId, programId: booking.programId, bookingId: booking.bookingId, start: booking.start };
  return [...reminders, { type: 'schedule', schedule: { name, at: Math.max(booking.start + AUTOMATIC_NO_SHOW_AFTER_MINUTES, now + 1), target: 'noShow', payload: { ...noShow } } }];
}

/** Removes every schedule of a booking (cancelled, or its no-show settled). */
export const unscheduleSession = (bookingId: string): ScheduleChange[] =>
  (['reminder24h', 'reminder1h', 'noShow'] as const).map((key) => ({ type: 'unschedule', name: scheduleNames(bookingId)[key] }));

export interface ExpiryPayload {
  kind: 'reschedule_expiry';
  orgId: string;
  programId: string;
  requestId: string;
  expiresAt: number;
}

export const expiryScheduleName = (requestId: string) => `${requestId}-expiry`;
