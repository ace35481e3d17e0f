import type { StoredBookingStatus } from '../bookings/booking';
import type { Money } from '../programs/program';
import { zoneDayBounds } from '../time/zone-clock';
import { zoneDayOf } from '../time/zone-day';
import type { CountMetric } from './stats-delta';

/** No session lasts longer than this: a day is settled once this long has passed since it ended. */
export const LONGEST_SESSION_MINUTES = 180;

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

type DayKind = 'settled' | 'open' | 'future';

interface Day {
  date: string;
  kind: DayKind;
  /** Epoch minutes of the day's start and of the next day's start in the org's zone; only for open days. */
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Calendar dates from `from` to `to`, plain date arithmetic (a date has no zone). */
function calendarDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += DAY_MS) days.push(isoDay(ms));
  return days;
}

/**
 * Which days may still have sessions under way. A day two or more days before today (in the org's
 * zone) ended a full day ago: settled. Only yesterday and today need their real bounds (in the
 * zone, so a 23- or 25-hour day is what it is), which keeps a year's analytics cheap.
 */
function dayClassifier(zone: string, now: number) {
  const today = zoneDayOf(now * 60_000, zone);
  const yesterday = isoDay(Date.parse(today) - DAY_MS);
  return (date: string): Day => {
    if (date < yesterday) return { date, kind: 'settled', start: NaN, end: NaN };
    if (date > today) return { date, kind: 'future', start: NaN, end: NaN };
    const { start, end } = zoneDayBounds(date, zone);
    const kind: DayKind = end + LONGEST_SESSION_MINUTES <= now ? 'settled' : start > now ? 'future' : 'open';
    return { date, kind, start, end };
  };
}

/**
 * The days to report on, in the org's zone: the period asked for, and the period of equal length
 * right before it (for retention). Days whose sessions may not all have ended by `now` are "open":
 * their completed sessions are counted from the sessions themselves, a bounded read (at most two
 * days), because `completed` is derived from the clock, never written.
 */
export function analyticsPlan(period: { from: string; to: string }, zone: string, now: number) {
  const length = Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
  const previousFrom = isoDay(Date.parse(period.from) - length * DAY_MS);
  const previousTo = isoDay(Date.parse(period.from) - DAY_MS);
  const classify = dayClassifier(zone, now);
  const days = calendarDays(period.from, period.to).map(classify);
  const previousDays = calendarDays(previousFrom, previousTo).map(classify);
  const open = [...previousDays, ...days].filter((d) => d.kind === 'open');
  return {
    days,
    previousDays,
    previous: { from: previousFrom, to: previousTo },
    months: { from: previousFrom.slice(0, 7), to: period.to.slice(0, 7) },
    openRange: open.length > 0 ? { from: open[0]!.start, to: open[open.length - 1]!.end } : null,
  };
}

export type AnalyticsPlan = ReturnType<typeof analyticsPlan>;

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

/** One day's sums, parsed once from its month's attribute names (`<dd>#<metric>[#<currency>]`, `<dd>#client#<id>`). */
interface DaySums {
  counts: Partial<Record<CountMetric, number>>;
  values: Partial<Record<CountMetric, [string, number][]>>;
  clients: [string, number][];
}

function indexMonth(sums: Record<string, number>): Map<string, DaySums> {
  const days = new Map<string, DaySums>();
  for (const [name, amount] of Object.entries(sums)) {
    const [dd = '', kind = '', rest] = name.split('#', 3);
    const day = days.get(dd) ?? { counts: {}, values: {}, clients: [] };
    days.set(dd, day);
    if (kind === 'client') day.clients.push([name.slice(dd.length + 8), amount]);
    else if (rest === undefined) day.counts[kind as CountMetric] = amount;
    else (day.values[kind as CountMetric] ??= []).push([rest, amount]);
  }
  return days;
}

const NO_SUMS: DaySums = { counts: {}, values: {}, clients: [] };

function figuresOf(day: Day, sums: DaySums, live: LiveSession[], now: number): DayFigures {
  const count = (metric: CountMetric) => sums.counts[metric] ?? 0;
  const valuesOf = (metric: CountMetric) => sums.values[metric] ?? [];
  const revenue = new Map<string, number>();
  const addRevenue = (currency: string, amount: number) => revenue.set(currency, (revenue.get(currency) ?? 0) + amount);
  const kind = day.kind;
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
    for (const [client, sessions] of sums.clients) if (sessions > 0) figures.clients.add(client);
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
  const byMonth = new Map(months.map((m) => [m.month, indexMonth(m.sums)]));
  const figures = (day: Day) => figuresOf(day, byMonth.get(day.date.slice(0, 7))?.get(day.date.slice(8, 10)) ?? NO_SUMS, live, now);
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
