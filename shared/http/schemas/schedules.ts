import * as z from 'zod';
import { DEFAULT_SCHEDULE_SETTINGS, SCHEDULE_LIMITS } from '../../domain/schedules/schedule';
import { WEEKDAYS } from '../../domain/time/wall-clock';
import { calendarDate, id, singleLine, timeOfDay, timeZone } from './common';

const window = z.strictObject({ start: timeOfDay, end: timeOfDay });

const weeklyWindow = z.strictObject({ day: z.enum(WEEKDAYS), start: timeOfDay, end: timeOfDay });

const override = z.strictObject({
  date: calendarDate,
  intervals: z.array(window).max(SCHEDULE_LIMITS.intervalsPerOverride),
});

const { bufferMinutes: buf, minimumNoticeMinutes: notice, slotIntervalMinutes: step, bookingHorizonDays: horizon } = SCHEDULE_LIMITS;

const fields = {
  name: singleLine(100),
  timeZone,
  weekly: z.array(weeklyWindow).max(SCHEDULE_LIMITS.weeklyWindows),
  overrides: z.array(override).max(SCHEDULE_LIMITS.overrides),
  bufferMinutes: z.number().int().min(buf.min).max(buf.max).multipleOf(5),
  minimumNoticeMinutes: z.number().int().min(notice.min).max(notice.max),
  slotIntervalMinutes: z.number().int().min(step.min).max(step.max).multipleOf(5),
  bookingHorizonDays: z.number().int().min(horizon.min).max(horizon.max),
};

export const createScheduleBody = z.strictObject({
  ...fields,
  overrides: fields.overrides.default([]),
  bufferMinutes: fields.bufferMinutes.default(DEFAULT_SCHEDULE_SETTINGS.bufferMinutes),
  minimumNoticeMinutes: fields.minimumNoticeMinutes.default(DEFAULT_SCHEDULE_SETTINGS.minimumNoticeMinutes),
  slotIntervalMinutes: fields.slotIntervalMinutes.default(DEFAULT_SCHEDULE_SETTINGS.slotIntervalMinutes),
  bookingHorizonDays: fields.bookingHorizonDays.default(DEFAULT_SCHEDULE_SETTINGS.bookingHorizonDays),
});

export const patchScheduleBody = z
  .strictObject(fields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'Send at least one field to change.' });

export const schedulePath = z.object({ orgId: id, scheduleId: id });

export type CreateScheduleBody = z.output<typeof createScheduleBody>;
export type PatchScheduleBody = z.output<typeof patchScheduleBody>;
