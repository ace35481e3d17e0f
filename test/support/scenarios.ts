import type { CreateScheduleBody } from '../../shared/http/schemas/schedules';
import type { Caller } from '../../shared/http/http-event';
import { randomUUID } from 'node:crypto';

/** Scenario builders: the smallest valid thing, with only what a test cares about spelled out. */
export const aCaller = (label = 'coach'): Caller => ({ userId: randomUUID(), email: `${label}-${randomUUID().slice(0, 6)}@example.com` });

export const aWeekdaySchedule = (overrides: Partial<CreateScheduleBody> = {}): CreateScheduleBody => ({
  name: 'Coaching hours',
  timeZone: 'Europe/London',
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '10:00', end: '17:00' })),
  overrides: [],
  bufferMinutes: 0,
  minimumNoticeMinutes: 0,
  slotIntervalMinutes: 30,
  bookingHorizonDays: 90,
  ...overrides,
});
