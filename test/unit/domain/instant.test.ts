import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../shared/domain/time/instant';

describe('reading instants', () => {
  it.each([
    ['2026-12-01T09:00:00Z', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T09:00Z', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T10:00:00+01:00', Date.UTC(2026, 11, 1, 9)],
    ['2028-02-29T09:00:00Z', Date.UTC(2028, 1, 29, 9)],
    ['2026-12-31T23:59:59.999Z', Date.UTC(2026, 11, 31, 23, 59, 59, 999)],
  ])('reads %s', (value, expected) => {
    expect(parseInstant(value)).toBe(expected);
  });

  it.each(['2027-02-30T10:00:00Z', '2027-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-13-01T10:00:00Z', '2026-00-10T10:00:00Z', '2026-12-00T10:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01T10:60:00Z', '2026-12-01T10:00:60Z', '2026-12-01T10:00:00+19:00', '2026-12-01T10:00:00+01:60', '2026-12-01T10:00:00', '2026-12-01', 'tomorrow'])(
    'refuses %s instead of rolling it over',
    (value) => {
      expect(parseInstant(value)).toBeNull();
    },
  );
});
