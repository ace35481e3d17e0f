import type { CreateScheduleBody } from '../../shared/http/schemas/schedules';
import type { Caller } from '../../shared/http/http-event';
import { newBooking, type Booking, type BookingFacts } from '../../shared/domain/bookings/booking';
import { sortableId } from '../../shared/domain/ids';
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

/**
 * A session as booking makes one (the domain's `newBooking`): an hour of coaching booked by the
 * client, no buffer, unless `facts` say otherwise. `since` is what happened to it after it was
 * booked (moved, cancelled, reissued…), as the use cases that change it would leave it.
 */
export function aBooking(facts: Partial<BookingFacts> & { bookedAt?: string } = {}, since: Partial<Booking> = {}): Booking {
  const { bookedAt = '2026-12-01T08:00:00Z', ...given } = facts;
  const start = given.start ?? Date.parse('2026-12-09T14:00:00Z') / 60_000;
  const end = given.end ?? start + 60;
  const defaults: BookingFacts = {
    bookingId: sortableId(Date.parse(bookedAt)),
    orgId: 'org',
    programId: 'prog',
    packageId: 'coaching',
    coachUserId: 'coach',
    clientUserId: 'client',
    start,
    end,
    blockedUntil: end,
    weekKey: null,
    sessionNumber: 1,
    bookedBy: 'client',
    joinHashes: null,
    statsDay: null,
    price: null,
  };
  return { ...newBooking({ ...defaults, ...given }, bookedAt), ...since };
}
