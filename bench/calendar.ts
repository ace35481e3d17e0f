import { readBusyTime } from '../shared/adapters/calendar/busy-time-reader';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { FEED_LIMITS, syncHorizon } from '../shared/domain/calendar/busy-time';
import { dailyEvents } from '../test/support/ics-server';
import { measure, type Measurement } from './harness';

/**
 * Reading a busy coach's feed for the horizon, as connect and every refresh do: 2,000 one-off
 * events over three years and 200 events repeating weekly or daily since 2020.
 */
export async function calendarFeed(): Promise<Measurement[]> {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bench//EN'];
  const start = Date.parse('2024-06-01T09:00:00Z');
  for (let i = 0; i < 2_000; i++) {
    const at = start + i * 13 * 3_600_000;
    lines.push('BEGIN:VEVENT', `UID:one-${i}`, 'DTSTAMP:20240101T000000Z', `DTSTART:${stamp(at)}`, `DTEND:${stamp(at + 3_600_000)}`, 'SUMMARY:Busy', 'END:VEVENT');
  }
  for (let i = 0; i < 200; i++) {
    const at = Date.parse('2020-01-06T08:00:00Z') + i * 1_800_000;
    lines.push('BEGIN:VEVENT', `UID:rep-${i}`, 'DTSTAMP:20200101T000000Z', `DTSTART:${stamp(at)}`, `DTEND:${stamp(at + 1_800_000)}`, `RRULE:FREQ=${i % 10 === 0 ? 'DAILY' : 'WEEKLY'}`, 'SUMMARY:Busy', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  const text = lines.join('\r\n');
  const request = { horizon: syncHorizon(Date.parse('2026-12-01T00:00:00Z') / 60_000), homeZone: 'Europe/London', isOwnEvent: () => false };
  const { eventsInHorizon } = await readBusyTime(text, request);
  return [await measure(`feed: 2,200 events (${Math.round(text.length / 1024)} KB) → ${eventsInHorizon} busy in the horizon`, () => readBusyTime(text, request), { runs: 20, warmup: 3 })];
}

/**
 * A hostile feed (5,000 events repeating daily, refused at a limit) read while the process has other
 * work: the reader runs in ~15 ms slices, so the event loop's longest stall stays near one slice.
 * Reported as the median and p95 over runs of each run's longest stall, not of the read's time.
 */
export async function hostileFeedStall(runs = 10): Promise<Measurement> {
  const text = dailyEvents(5_000);
  const request = { horizon: syncHorizon(Date.parse('2026-11-30T00:00:00Z') / 60_000), homeZone: 'Europe/London', isOwnEvent: () => false };
  const stalls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    await readBusyTime(text, request, FEED_LIMITS).catch(() => undefined);
    delay.disable();
    stalls.push(delay.max / 1e6);
  }
  stalls.sort((a, b) => a - b);
  const at = (q: number) => stalls[Math.min(stalls.length - 1, Math.floor(q * stalls.length))] ?? NaN;
  return { name: 'hostile feed (5,000 daily events, refused): longest event-loop stall', runs, medianMs: at(0.5), p95Ms: at(0.95) };
}
