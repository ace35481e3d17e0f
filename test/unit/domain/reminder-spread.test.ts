import { describe, expect, it } from 'vitest';
import { desiredSessionSchedules } from '../../../shared/domain/bookings/session-schedules';
import { reminderSpreadFor, REMINDER_BURST_EMAILS } from '../../../shared/domain/bookings/reminder-spread';
import type { Booking } from '../../../shared/domain/bookings/booking';

const START = Date.parse('2026-12-07T10:00:00Z') / 60_000;
const NOW = START - 3 * 24 * 60;

const aBooking = (i: number, start = START) =>
  ({ bookingId: `01JBOOKING${String(i).padStart(6, '0')}`, orgId: 'o', programId: 'p', status: 'confirmed', start, clientJoinedAt: null }) as unknown as Booking;

const remindersOf = (booking: Booking, now: number, spread: number) =>
  desiredSessionSchedules(booking.bookingId, booking, now, spread).flatMap((c) => (c.type === 'schedule' && c.schedule.target === 'reminder' ? [c.schedule] : []));

describe('reminders of a top-of-hour burst', () => {
  it(`spread ${REMINDER_BURST_EMAILS} emails under SES's 14 a second, none late, each no more than the window early`, () => {
    const spread = reminderSpreadFor(14);
    expect(spread).toBe(9);
    const perMinute = new Map<number, number>();
    for (let i = 0; i < REMINDER_BURST_EMAILS / 2; i++) {
      const [day, hour] = remindersOf(aBooking(i), NOW, spread);
      for (const [schedule, due] of [[day!, START - 24 * 60], [hour!, START - 60]] as const) {
        expect(schedule.at).toBeLessThanOrEqual(due);
        expect(schedule.at).toBeGreaterThan(due - spread);
      }
      // The hour-before burst is the one that meets other sessions' day-before burst at :00: count one lead.
      perMinute.set(hour!.at, (perMinute.get(hour!.at) ?? 0) + 2);
    }
    expect(perMinute.size).toBe(spread);
    expect(Math.max(...perMinute.values()) / 60).toBeLessThan(14);
  });

  it('gives a booking the same times on every reconcile, and exact times when not spread', () => {
    const booking = aBooking(42);
    expect(remindersOf(booking, NOW, 9)).toEqual(remindersOf(booking, NOW + 5, 9));
    expect(remindersOf(booking, NOW, 0).map((s) => s.at)).toEqual([START - 24 * 60, START - 60]);
  });

  it('never schedules in the past: a session booked just before its reminder gets it a minute later, still before it is due', () => {
    const due = START - 60;
    const [hour] = remindersOf(aBooking(7), due - 1, 30);
    expect(hour!.at).toBe(due);
  });
});
