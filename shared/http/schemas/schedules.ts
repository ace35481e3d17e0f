import * as z from 'zod/mini';
import { DEFAULT_SCHEDULE_SETTINGS, SCHEDULE_LIMITS } from '../../domain/schedules/schedule';
import { WEEKDAYS } from '../../domain/time/wall-clock';
import { calendarDate, id, patchBody, singleLine, timeOfDay, timeZone, wholeNumber } from './common';
import { lazySchema, type Parsed } from './lazy-schema';

const window = lazySchema(() => z.strictObject({ start: timeOfDay(), end: timeOfDay() }));

const weeklyWindow = lazySchema(() => z.strictObject({ day: z.enum(WEEKDAYS), start: timeOfDay(), end: timeOfDay() }));

const override = lazySchema(() =>
  z.strictObject({
    date: calendarDate(),
    intervals: z.array(window()).check(z.maxLength(SCHEDULE_LIMITS.intervalsPerOverride)),
  }),
);

const { bufferMinutes: buf, minimumNoticeMinutes: notice, slotIntervalMinutes: step, bookingHorizonDays: horizon } = SCHEDULE_LIMITS;

/** A schedule's fields, for create (with defaults) and patch (all optional) to build theirs from. */
const fields = () => ({
  name: singleLine(100),
  timeZone: timeZone(),
  weekly: z.array(weeklyWindow()).check(z.maxLength(SCHEDULE_LIMITS.weeklyWindows)),
  overrides: z.array(override()).check(z.maxLength(SCHEDULE_LIMITS.overrides)),
  bufferMinutes: wholeNumber(buf.min, buf.max).check(z.multipleOf(5)),
  minimumNoticeMinutes: wholeNumber(notice.min, notice.max),
  slotIntervalMinutes: wholeNumber(step.min, step.max).check(z.multipleOf(5)),
  bookingHorizonDays: wholeNumber(horizon.min, horizon.max),
});

export const createScheduleBody = lazySchema(() => {
  const f = fields();
  return z.strictObject({
    ...f,
    overrides: z._default(f.overrides, []),
    bufferMinutes: z._default(f.bufferMinutes, DEFAULT_SCHEDULE_SETTINGS.bufferMinutes),
    minimumNoticeMinutes: z._default(f.minimumNoticeMinutes, DEFAULT_SCHEDULE_SETTINGS.minimumNoticeMinutes),
    slotIntervalMinutes: z._default(f.slotIntervalMinutes, DEFAULT_SCHEDULE_SETTINGS.slotIntervalMinutes),
    bookingHorizonDays: z._default(f.bookingHorizonDays, DEFAULT_SCHEDULE_SETTINGS.bookingHorizonDays),
  });
});

export const patchScheduleBody = lazySchema(() =>
  patchBody(z.strictObject(fields())),
);

export const schedulePath = lazySchema(() => z.object({ orgId: id(), scheduleId: id() }));

export type CreateScheduleBody = Parsed<typeof createScheduleBody>;
export type PatchScheduleBody = Parsed<typeof patchScheduleBody>;
