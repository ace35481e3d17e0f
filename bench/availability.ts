import { availableSlots, type AvailabilityQuery } from '../shared/domain/availability/available-slots';
import { measure, type Measurement } from './harness';

/**
 * The engine on a heavy but real page: 62 days of a weekday schedule with a lunch gap, a coach with
 * 500 sessions and 200 calendar events in that span, 15-minute steps and a buffer.
 */
export async function availabilityEngine(): Promise<Measurement[]> {
  const from = Date.parse('2026-12-01T00:00:00Z') / 60_000;
  const to = from + 62 * 1440;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sessions = Array.from({ length: 500 }, () => {
    const start = from + Math.floor(random() * 62 * 96) * 15;
    return { start, end: start + 75 };
  });
  const events = Array.from({ length: 200 }, () => {
    const start = from + Math.floor(random() * 62 * 48) * 30;
    return { start, end: start + 30 + Math.floor(random() * 4) * 30 };
  });
  const query: AvailabilityQuery = {
    schedule: {
      timeZone: 'Europe/London',
      weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((day) => [
        { day, start: '08:00', end: '12:00' },
        { day, start: '13:00', end: '19:00' },
      ]),
      overrides: [{ date: '2026-12-24', intervals: [] }, { date: '2026-12-31', intervals: [{ start: '09:00', end: '12:00' }] }],
      bufferMinutes: 15,
      minimumNoticeMinutes: 120,
      slotIntervalMinutes: 15,
    },
    from,
    to,
    now: from - 60,
    durationMinutes: 60,
    sessions,
    events,
    perWeek: 3,
    usedByWeek: new Map([['2026-W50', 3]]),
    remaining: 20,
  };
  const slots = availableSlots(query).length;
  return [await measure(`engine: 62 days, 500 sessions, 200 events (${slots} slots)`, () => availableSlots(query), { runs: 500, warmup: 50 })];
}
