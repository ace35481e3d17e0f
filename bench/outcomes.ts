import { progressChartSvg } from '../shared/charts/progress-chart';
import { analyticsPlan, orgAnalytics, type MonthSums } from '../shared/domain/analytics/org-analytics';
import { measure, type Measurement } from './harness';

/**
 * The pure parts of the outcomes routes at their largest: the chart of a 52-session program, and a
 * year of analytics (plus the year before, for retention) over a busy coach's monthly sums — eight
 * sessions a day, thirty clients, two currencies.
 */
export async function outcomesWork(): Promise<Measurement[]> {
  const chartInput = {
    programName: 'Executive Leadership Coaching',
    totalSessions: 52,
    ratings: Array.from({ length: 52 }, (_, i) => ({ sessionNumber: i + 1, rating: 1 + ((i * 7) % 10) })),
    satisfaction: { intake: 3, final: 9 },
  };
  const months: MonthSums[] = [];
  for (let m = 0; m < 26; m++) {
    const month = new Date(Date.UTC(2025, m, 1)).toISOString().slice(0, 7);
    const sums: Record<string, number> = {};
    for (let d = 1; d <= 28; d++) {
      const dd = String(d).padStart(2, '0');
      Object.assign(sums, { [`${dd}#booked`]: 8, [`${dd}#booked#EUR`]: 48000, [`${dd}#booked#USD`]: 40000, [`${dd}#cancelledFree`]: 1, [`${dd}#cancelledFree#EUR`]: 6000, [`${dd}#noShow`]: 1, [`${dd}#ratingSum`]: 4, [`${dd}#ratings`]: 1 });
      for (let c = 0; c < 6; c++) sums[`${dd}#client#client-${(d * 6 + c) % 30}`] = 1;
    }
    months.push({ month, sums });
  }
  const now = Date.parse('2027-01-15T12:00:00Z') / 60_000;
  return [
    await measure('progress chart, 52 sessions (SVG string)', () => progressChartSvg(chartInput)),
    await measure('org analytics, 366 days + the 366 before, from monthly sums', () => orgAnalytics(analyticsPlan({ from: '2026-01-01', to: '2026-12-31' }, 'Europe/London', now), months, [], now), { runs: 50 }),
  ];
}
