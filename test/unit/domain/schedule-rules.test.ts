import { describe, expect, it } from 'vitest';
import { buildSchedule } from '../../../shared/domain/schedules/build-schedule';
import { scheduleRuleViolations, type ScheduleRules } from '../../../shared/domain/schedules/schedule';
import { AppError } from '../../../shared/domain/errors';

const rules = (overrides: Partial<ScheduleRules> = {}): ScheduleRules => ({
  name: 'Coaching hours',
  timeZone: 'Europe/London',
  weekly: [{ day: 'mon', start: '10:00', end: '17:00' }],
  overrides: [],
  bufferMinutes: 0,
  minimumNoticeMinutes: 0,
  slotIntervalMinutes: 30,
  bookingHorizonDays: 90,
  ...overrides,
});

describe('schedule rules', () => {
  it('accepts windows that touch end to start', () => {
    expect(
      scheduleRuleViolations(rules({ weekly: [{ day: 'mon', start: '09:00', end: '12:00' }, { day: 'mon', start: '12:00', end: '24:00' }] })),
    ).toEqual([]);
  });

  it('names the window whose end is not after its start', () => {
    expect(scheduleRuleViolations(rules({ weekly: [{ day: 'tue', start: '12:00', end: '12:00' }] }))).toEqual([
      { field: 'weekly.0.end', message: 'The end must be after the start.' },
    ]);
  });

  it('names overlapping windows of the same day, but not of different days', () => {
    const violations = scheduleRuleViolations(
      rules({
        weekly: [
          { day: 'wed', start: '09:00', end: '12:00' },
          { day: 'thu', start: '10:00', end: '11:00' },
          { day: 'wed', start: '11:30', end: '13:00' },
        ],
      }),
    );
    expect(violations).toEqual([{ field: 'weekly.2', message: 'Overlaps another wed window.' }]);
  });

  it('keeps times on the 5-minute grid that time locks rely on', () => {
    expect(scheduleRuleViolations(rules({ weekly: [{ day: 'mon', start: '09:03', end: '10:00' }] }))[0]?.field).toBe('weekly.0');
  });

  it('refuses two overrides for one date and overlapping intervals within one', () => {
    const violations = scheduleRuleViolations(
      rules({
        overrides: [
          { date: '2026-12-24', intervals: [] },
          { date: '2026-12-24', intervals: [{ start: '09:00', end: '10:00' }, { start: '09:30', end: '11:00' }] },
        ],
      }),
    );
    expect(violations.map((v) => v.field)).toEqual(['overrides.1.date', 'overrides.1.intervals.1']);
  });

  it('builds the stored schedule: past overrides dropped, the rest sorted by date', () => {
    const now = Date.parse('2026-12-10T12:00:00Z');
    const schedule = buildSchedule(
      { scheduleId: 's1', createdAt: '2026-12-01T00:00:00Z', version: 1 },
      rules({
        overrides: [
          { date: '2026-12-31', intervals: [] },
          { date: '2026-12-09', intervals: [] },
          { date: '2026-12-10', intervals: [{ start: '08:00', end: '09:00' }] },
        ],
      }),
      now,
      '2026-12-10T12:00:00Z',
    );
    expect(schedule.overrides.map((o) => o.date)).toEqual(['2026-12-10', '2026-12-31']);
  });

  it('throws a 400 with every violation when the whole schedule is not valid', () => {
    const attempt = () =>
      buildSchedule({ scheduleId: 's', createdAt: 'x', version: 1 }, rules({ weekly: [{ day: 'mon', start: '18:00', end: '09:00' }] }), 0, 'x');
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).details).toEqual([{ field: 'weekly.0.end', message: 'The end must be after the start.' }]);
    }
  });
});

describe('schedule limits', () => {
  it('keep the fullest possible org item far below DynamoDB’s 400 KB', async () => {
    const { SCHEDULE_LIMITS } = await import('../../../shared/domain/schedules/schedule');
    const fullest = buildSchedule(
      { scheduleId: 'x'.repeat(22), createdAt: '2026-12-01T00:00:00Z', version: 999 },
      rules({
        name: 'n'.repeat(100),
        timeZone: 'America/Argentina/ComodRivadavia',
        weekly: Array.from({ length: SCHEDULE_LIMITS.weeklyWindows }, (_, i) => ({
          day: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[i % 7] ?? 'mon',
          start: `${String(2 * Math.floor(i / 7) + 10).padStart(2, '0')}:00`,
          end: `${String(2 * Math.floor(i / 7) + 11).padStart(2, '0')}:30`,
        })),
        overrides: Array.from({ length: SCHEDULE_LIMITS.overrides }, (_, i) => ({
          date: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
          intervals: Array.from({ length: SCHEDULE_LIMITS.intervalsPerOverride }, (_, j) => ({ start: `${String(8 + 2 * j).padStart(2, '0')}:00`, end: `${String(9 + 2 * j).padStart(2, '0')}:45` })),
        })),
      }),
      Date.parse('2026-12-01T00:00:00Z'),
      '2026-12-01T00:00:00Z',
    );
    expect(fullest.weekly).toHaveLength(SCHEDULE_LIMITS.weeklyWindows);
    expect(fullest.overrides).toHaveLength(SCHEDULE_LIMITS.overrides);
    const orgBytes = SCHEDULE_LIMITS.schedulesPerOrg * Buffer.byteLength(JSON.stringify(fullest)) + 5_000;
    expect(orgBytes).toBeLessThan(300 * 1024);
  });
});
