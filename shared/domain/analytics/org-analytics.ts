import { DateTime } from 'luxon';
import type { StoredBookingStatus } from '../bookings/booking';
import type { Money } from '../programs/program';
import { clientAttribute, countAttribute, type CountMetric } from './stats-delta';

/** No session lasts longer than this: a day is settled once this long has passed since it ended. */
export const LONGEST_SESSION_MINUTES = 180;

export const MAX_PERIOD_DAYS = 366;

/** A month's running sums, as stored. */
export interface MonthSums {
  month: string;
  sums: Record<string, number>;
}

/** A session of a day that is not settled yet, as read from the org's sessions. */
export interface LiveSession {
  start: number;
  end: number;
  status: StoredBookingStatus;
  clientUserId: string;
  price: Money | null;
}

interface Day {
  date: string;
  /** Epoch minutes of the day's start and of the next day's start, in the org's zone. */
  start: number;
  end: number;
}

const minutes = (dt: DateTime) => Math.floor(dt.toMillis() / 60_000);

function daysBetween(from: DateTime, to: DateTime): Day[] {
  const days: Day[] = [];
  for (let d = from; d <= to; d = d.plus({ days: 1 })) days.push({ date: d.toISODate() ?? '', start: minutes(d), end: minutes(d.plus({ days: 1 })) });
  return days;
}

/**
 * The days to report on, in the org's zone: the period asked for, and the period of equal length
 * right before it (for retention). Days whose sessions may not all have ended by `now` are "open":
 * their completed sessions are counted from the sessions themselves, a bounded read (at most two
 * days), because `completed` is derived from the clock, never written.
 */
export function analyticsPlan(period: { from: string; to: string }, zone: string, now: number) {
  const from = DateTime.fromISO(period.from, { zone }).startOf('day');
  const to = DateTime.fromISO(period.to, { zone }).startOf('day');
  const length = Math.round(to.diff(from, 'days').days) + 1;
  const previousFrom = from.minus({ days: length });
  const days = daysBetween(from, to);
  const previousDays = daysBetween(previousFrom, from.minus({ days: 1 }));
  const open = [...previousDays, ...days].filter((d) => classify(d, now) === 'open');
  return {
    days,
    previousDays,
    previous: { from: previousFrom.toISODate() ?? '', to: from.minus({ days: 1 }).toISODate() ?? '' },
    months: { from: previousFrom.toFormat('yyyy-MM'), to: to.toFormat('yyyy-MM') },
    openRange: open.length > 0 ? { from: open[0]!.start, to: open[open.length - 1]!.end } : null,
  };
}

export type AnalyticsPlan = ReturnType<typeof analyticsPlan>;

const classify = (day: Day, now: number): 'settled' | 'open' | 'future' =>
  day.end + LONGEST_SESSION_MINUTES <= now ? 'settled' : day.start > now ? 'future' : 'open';

interface DayFigures {
  completed: number;
  noShow: number;
  cancelledFree: number;
  cancelledLate: number;
  ratingSum: number;
  ratings: number;
  clients: Set<string>;
  /** Minor units by currency. */
  revenue: Map<string, number>;
}

function figuresOf(day: Day, sums: Record<string, number>, live: LiveSession[], now: number): DayFigures {
  const dd = day.date.slice(8, 10);
  const count = (metric: CountMetric) => sums[countAttribute(day.date, metric)] ?? 0;
  const valuesOf = (metric: CountMetric) => {
    const prefix = `${dd}#${metric}#`;
    return Object.entries(sums).flatMap(([name, amount]) => (name.startsWith(prefix) ? [[name.slice(prefix.length), amount] as const] : []));
  };
  const revenue = new Map<string, number>();
  const addRevenue = (currency: string, amount: number) => revenue.set(currency, (revenue.get(currency) ?? 0) + amount);
  const kind = classify(day, now);
  const figures: DayFigures = {
    completed: 0,
    noShow: count('noShow'),
    cancelledFree: count('cancelledFree'),
    cancelledLate: count('cancelledLate'),
    ratingSum: count('ratingSum'),
    ratings: count('ratings'),
    clients: new Set(),
    revenue,
  };
  // Forfeited sessions (late cancellations, no-shows) are revenue, on the day they were booked for.
  for (const [currency, amount] of [...valuesOf('cancelledLate'), ...valuesOf('noShow')]) addRevenue(currency, amount);

  if (kind === 'settled') {
    // Every session of the day has ended: what was booked and not cancelled or missed was held.
    figures.completed = count('booked') - figures.cancelledFree - figures.cancelledLate - figures.noShow;
    for (const [currency, amount] of valuesOf('booked')) addRevenue(currency, amount);
    for (const [currency, amount] of [...valuesOf('cancelledFree'), ...valuesOf('cancelledLate'), ...valuesOf('noShow')]) addRevenue(currency, -amount);
    const clientPrefix = clientAttribute(day.date, '');
    for (const [name, live] of Object.entries(sums)) if (name.startsWith(clientPrefix) && live > 0) figures.clients.add(name.slice(clientPrefix.length));
  } else if (kind === 'open') {
    for (const s of live) {
      if (s.start < day.start || s.start >= day.end || s.status !== 'confirmed' || s.end > now) continue;
      figures.completed++;
      figures.clients.add(s.clientUserId);
      if (s.price && s.price.amountMinor !== 0) addRevenue(s.price.currency, s.price.amountMinor);
    }
  }
  for (const [currency, amount] of revenue) if (amount === 0) revenue.delete(currency);
  return figures;
}

/**
 * The org's analytics for a period, from its monthly sums (and the sessions of open days):
 * - sessionsCompleted, noShows, cancellations (split into late, which forfeit the session, and free),
 *   counted on the day each session was booked for;
 * - clientRetentionRate: of the clients who completed at least one session in the previous period
 *   of equal length, the share who also completed one in this period (null when there were none);
 * - averageRating: the mean of the reviews first written in the period (null when none);
 * - revenue: per month and currency, in minor units: completed sessions, late cancellations and
 *   no-shows at the price of their program when booked. Currencies are never added together.
 */
export function orgAnalytics(plan: AnalyticsPlan, months: MonthSums[], live: LiveSession[], now: number) {
  const byMonth = new Map(months.map((m) => [m.month, m.sums]));
  const figures = (day: Day) => figuresOf(day, byMonth.get(day.date.slice(0, 7)) ?? {}, live, now);
  const current = plan.days.map((day) => ({ day, ...figures(day) }));
  const previousClients = new Set(plan.previousDays.flatMap((day) => [...figures(day).clients]));
  const currentClients = new Set(current.flatMap((d) => [...d.clients]));
  const retained = [...previousClients].filter((c) => currentClients.has(c)).length;
  const sum = (pick: (d: DayFigures) => number) => current.reduce((total, d) => total + pick(d), 0);
  const ratings = sum((d) => d.ratings);

  const revenue = new Map<string, number>();
  for (const d of current) {
    for (const [currency, amount] of d.revenue) {
      const key = `${d.day.date.slice(0, 7)}|${currency}`;
      revenue.set(key, (revenue.get(key) ?? 0) + amount);
    }
  }
  return {
    sessionsCompleted: sum((d) => d.completed),
    noShows: sum((d) => d.noShow),
    cancellations: sum((d) => d.cancelledFree + d.cancelledLate),
    cancellationsLate: sum((d) => d.cancelledLate),
    cancellationsFree: sum((d) => d.cancelledFree),
    activeClients: currentClients.size,
    clientRetentionRate: previousClients.size > 0 ? Math.round((retained / previousClients.size) * 10_000) / 10_000 : null,
    retention: { previousFrom: plan.previous.from, previousTo: plan.previous.to, previousClients: previousClients.size, retainedClients: retained },
    averageRating: ratings > 0 ? Math.round((sum((d) => d.ratingSum) / ratings) * 100) / 100 : null,
    reviews: ratings,
    revenue: [...revenue.entries()]
      .filter(([, amount]) => amount !== 0)
      .map(([key, amount]) => {
        const [month, currency] = key.split('|') as [string, string];
        return { month, amount, currency };
      })
      .sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
  };
}
