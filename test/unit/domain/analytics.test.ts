import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { coachingLogCsv, csvField } from '../../../shared/domain/analytics/coaching-log';
import { analyticsPlan, orgAnalytics } from '../../../shared/domain/analytics/org-analytics';
import { dayOf, sessionBooked, sessionMoved } from '../../../shared/domain/analytics/stats-delta';

const minute = (iso: string) => Date.parse(iso) / 60_000;

describe('the analytics sums', () => {
  it('count a session on its day in the org’s zone, not in UTC', () => {
    expect(dayOf(Date.parse('2026-12-31T23:30:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
    const delta = sessionBooked({ statsDay: '2027-01-01', price: { amountMinor: 9900, currency: 'NZD' }, clientUserId: 'u1' });
    expect(Object.fromEntries(delta.get('2027-01') ?? [])).toEqual({ '01#booked': 1, '01#booked#NZD': 9900, '01#client#u1': 1 });
  });

  it('put an instant on the same day as luxon does, around midnight and across DST changes', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];
    // Every 20 minutes through the spring and autumn changes of both hemispheres.
    for (const [from, to] of [['2026-03-07T00:00Z', '2026-04-06T00:00Z'], ['2026-09-26T00:00Z', '2026-11-02T00:00Z']]) {
      for (let ms = Date.parse(from!); ms < Date.parse(to!); ms += 20 * 60_000) {
        for (const zone of zones) expect(dayOf(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISODate());
      }
    }
  });

  it('move a session between days and months, and not at all within one day', () => {
    const before = { statsDay: '2026-11-30', price: null, clientUserId: 'u1' };
    const moved = sessionMoved(before, { ...before, statsDay: '2026-12-01' });
    expect(Object.fromEntries(moved.get('2026-11') ?? [])).toEqual({ '30#booked': -1, '30#client#u1': -1 });
    expect(Object.fromEntries(moved.get('2026-12') ?? [])).toEqual({ '01#booked': 1, '01#client#u1': 1 });
    expect(sessionMoved(before, before).size).toBe(0);
  });
});

describe('the analytics of a period', () => {
  it('takes whole days in the org’s zone and the equal period before; today across a change of clock is 25 hours', () => {
    const plan = analyticsPlan({ from: '2026-10-24', to: '2026-10-26' }, 'Europe/London', minute('2026-10-25T12:00:00Z'));
    expect(plan.days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-10-24', 'settled'], // ended at 23:00 UTC, more than three hours ago
      ['2026-10-25', 'open'],
      ['2026-10-26', 'future'],
    ]);
    // British Summer Time ends on 25 October: the day runs from 23:00 UTC the day before to midnight UTC.
    expect(plan.openRange).toEqual({ from: minute('2026-10-24T23:00:00Z'), to: minute('2026-10-26T00:00:00Z') });
    expect(plan.previous).toEqual({ from: '2026-10-21', to: '2026-10-23' });
    expect(plan.months).toEqual({ from: '2026-10', to: '2026-10' });
    expect(analyticsPlan({ from: '2026-10-24', to: '2026-10-26' }, 'Europe/London', minute('2027-01-01T00:00:00Z')).openRange).toBeNull();
  });

  it('counts sessions of a day not yet settled from the sessions: ended ones completed, the rest not', () => {
    const now = minute('2026-12-10T14:30:00Z');
    const plan = analyticsPlan({ from: '2026-12-10', to: '2026-12-12' }, 'UTC', now);
    expect(plan.openRange).toEqual({ from: minute('2026-12-10T00:00:00Z'), to: minute('2026-12-11T00:00:00Z') }); // 9 December settled at 03:00
    const price = { amountMinor: 100, currency: 'GBP' };
    const sums = { '10#booked': 3, '10#booked#GBP': 300, '11#booked': 1, '11#cancelledLate': 1, '11#cancelledLate#GBP': 100 };
    const result = orgAnalytics(plan, [{ month: '2026-12', sums }], [
      { start: minute('2026-12-10T09:00:00Z'), end: minute('2026-12-10T10:00:00Z'), status: 'confirmed', clientUserId: 'a', price },
      { start: minute('2026-12-10T14:00:00Z'), end: minute('2026-12-10T15:00:00Z'), status: 'confirmed', clientUserId: 'b', price },
      { start: minute('2026-12-10T16:00:00Z'), end: minute('2026-12-10T17:00:00Z'), status: 'confirmed', clientUserId: 'c', price },
    ], now);
    expect(result).toMatchObject({ sessionsCompleted: 1, cancellations: 1, cancellationsLate: 1, activeClients: 1 });
    expect(result.revenue).toEqual([{ month: '2026-12', amount: 200, currency: 'GBP' }]); // the held one and the forfeited one
  });
});

describe('the coaching log CSV', () => {
  it('quotes what RFC 4180 requires and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(coachingLogCsv([['2026-11-04', 'Zoë, Ltd']])).toBe('Date,Start,Client,Program,Session,Duration (hours),Paid or free\r\n2026-11-04,"Zoë, Ltd"\r\n');
  });
});
