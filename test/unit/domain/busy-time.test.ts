import { describe, expect, it } from 'vitest';
import { BUCKET_MINUTES, bucketOf, bucketsBetween, digestOf, fromBucket, isRapportEvent, syncHorizon, toBuckets } from '../../../shared/domain/calendar/busy-time';

const m = (iso: string) => Date.parse(iso) / 60_000;

describe('busy time in week buckets', () => {
  it('covers the horizon with whole buckets, from the one holding now to past 120 days ahead', () => {
    const now = m('2026-12-01T08:00:00Z');
    const horizon = syncHorizon(now);
    expect(horizon.start).toBe(bucketOf(now));
    expect(horizon.start).toBeLessThanOrEqual(now);
    expect(horizon.end).toBeGreaterThan(now + 120 * 1440);
    expect((horizon.end - horizon.start) % BUCKET_MINUTES).toBe(0);
    expect(bucketsBetween(horizon.start, horizon.end)).toHaveLength((horizon.end - horizon.start) / BUCKET_MINUTES);
  });

  it('splits intervals at bucket edges, merges overlaps, and reads back exactly what overlaps a range', () => {
    const edge = bucketOf(m('2026-12-01T00:00:00Z')) + BUCKET_MINUTES;
    const horizon = { start: edge - BUCKET_MINUTES, end: edge + 2 * BUCKET_MINUTES };
    const intervals = [
      { start: edge - 60, end: edge + 30 }, // across the edge
      { start: edge + 100, end: edge + 200 },
      { start: edge + 150, end: edge + 260 }, // overlaps the one before
      { start: horizon.start - 500, end: horizon.start + 10 }, // starts before the horizon
    ];
    const buckets = toBuckets(intervals, horizon);
    expect([...buckets.keys()]).toEqual([edge - BUCKET_MINUTES, edge, edge + BUCKET_MINUTES]);
    expect(buckets.get(edge - BUCKET_MINUTES)).toEqual([0, 10, BUCKET_MINUTES - 60, BUCKET_MINUTES]);
    expect(buckets.get(edge)).toEqual([0, 30, 100, 260]);
    expect(buckets.get(edge + BUCKET_MINUTES)).toEqual([]);
    expect(fromBucket(edge, buckets.get(edge) ?? [], edge + 50, edge + 120)).toEqual([{ start: edge + 100, end: edge + 260 }]);
  });

  it('fingerprints busy time so that the same busy time gives the same digest', () => {
    const horizon = syncHorizon(m('2026-12-01T08:00:00Z'));
    const a = toBuckets([{ start: horizon.start + 10, end: horizon.start + 70 }], horizon);
    const b = toBuckets([{ start: horizon.start + 10, end: horizon.start + 40 }, { start: horizon.start + 40, end: horizon.start + 70 }], horizon);
    const c = toBuckets([{ start: horizon.start + 10, end: horizon.start + 75 }], horizon);
    expect(digestOf(a)).toBe(digestOf(b));
    expect(digestOf(a)).not.toBe(digestOf(c));
  });
});

describe("recognising Rapport's own invites", () => {
  const bookings = new Set(['01KA0000000000000000000001']);
  it.each([
    ['01KA0000000000000000000001@rapport', true],
    ['01KA0000000000000000000001@app.example.com', true],
    ['booking-01KA0000000000000000000001@sessions.example.org', true],
    ['01KA0000000000000000000002@rapport', false],
    ['x01KA0000000000000000000001@rapport', false],
    ['dentist@google.com', false],
  ])('%s → %s', (uid, own) => {
    expect(isRapportEvent(uid, bookings)).toBe(own);
  });
});
