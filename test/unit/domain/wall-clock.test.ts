import { describe, expect, it } from 'vitest';
import { formatTimeOfDay, isValidDate, isValidZone, parseTimeOfDay } from '../../../shared/domain/time/wall-clock';
import { formatInstant, parseInstant } from '../../../shared/domain/time/instant';

describe('wall-clock values', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as %i minutes after midnight', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
    if (minutes < 1440) expect(formatTimeOfDay(minutes)).toBe(text);
  });

  it.each(['24:01', '9:30', '09:60', '25:00', '0930', '', 'ab:cd', '09:30:00'])('refuses %j as a time of day', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });

  it.each(['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC', 'Asia/Kathmandu'])('knows the zone %s', (zone) => {
    expect(isValidZone(zone)).toBe(true);
  });

  it.each(['Europe/Lodon', 'EST', 'GMT+1', '', 'Mars/Olympus', 'europe/london/x'])('refuses the zone %j', (zone) => {
    expect(isValidZone(zone)).toBe(false);
  });

  it('accepts real dates only', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-4-01')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
  });

  it('formats instants as UTC with Z and no fraction, and parses only instants with an offset', () => {
    expect(formatInstant(Date.UTC(2026, 11, 1, 9, 0, 0, 123))).toBe('2026-12-01T09:00:00Z');
    expect(parseInstant('2026-12-01T09:00:00Z')).toBe(Date.UTC(2026, 11, 1, 9));
    expect(parseInstant('2026-12-01T10:00:00+01:00')).toBe(Date.UTC(2026, 11, 1, 9));
    expect(parseInstant('2026-12-01T09:00:00')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
  });
});

describe('sortable ids', () => {
  it('sort in creation order, also within one millisecond', async () => {
    const { sortableId } = await import('../../../shared/domain/ids');
    const ids = Array.from({ length: 50 }, (_, i) => sortableId(Date.UTC(2026, 11, 1) + Math.floor(i / 10)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
  });
});
