import * as z from 'zod/mini';
import { DEFAULT_SCHEDULE_SETTINGS, SCHEDULE_LIMITS } from '../../domain/schedules/schedule';
import { WEEKDAYS } from '../../domain/time/wall-clock';
import { calendarDate, id, patchBody, singleLine, timeOfDay, timeZone, wholeNumber } from './common';

const window = z.strictObject({ start: timeOfDay, end: timeOfDay });

const weeklyWindow = z.strictObject({ day: z.enum(WEEKDAYS), start: timeOfDay, end: timeOfDay });

const override = z.strictObject({
  date: calendarDate,
  intervals: z.array(window).check(z.maxLength(SCHEDULE_LIMITS.intervalsPerOverride)),
});

const { bufferMinutes: buf, minimumNoticeMinutes: notice, slotIntervalMinutes: step, bookingHorizonDays: horizon } = SCHEDULE_LIMITS;

const fields = {
  name: singleLine(100),
  timeZone,
  weekly: z.array(weeklyWindow).check(z.maxLength(SCHEDULE_LIMITS.weeklyWindows)),
  overrides: z.array(override).check(z.maxLength(SCHEDULE_LIMITS.overrides)),
  bufferMinutes: wholeNumber(buf.min, buf.max).check(z.multipleOf(5)),
  minimumNoticeMinutes: wholeNumber(notice.min, notice.max),
  slotIntervalMinutes: wholeNumber(step.min, step.max).check(z.multipleOf(5)),
  bookingHorizonDays: wholeNumber(horizon.min, horizon.max),
};

export const createScheduleBody = z.strictObject({
  ...fields,
  overrides: z._default(fields.overrides, []),
  bufferMinutes: z._default(fields.bufferMinutes, DEFAULT_SCHEDULE_SETTINGS.bufferMinutes),
  minimumNoticeMinutes: z._default(fields.minimumNoticeMinutes, DEFAULT_SCHEDULE_SETTINGS.minimumNoticeMinutes),
  slotIntervalMinutes: z._default(fields.slotIntervalMinutes, DEFAULT_SCHEDULE_SETTINGS.slotIntervalMinutes),
  bookingHorizonDays: z._default(fields.bookingHorizonDays, DEFAULT_SCHEDULE_SETTINGS.bookingHorizonDays),
});

export const patchScheduleBody = patchBody(z.strictObject(fields));

export const schedulePath = z.object({ orgId: id, scheduleId: id });

export type CreateScheduleBody = z.output<typeof createScheduleBody>;
export type PatchScheduleBody = z.output<typeof patchScheduleBody>;
