import { coachingLogCsv, coachingLogRow } from '../../domain/analytics/coaching-log';
import { analyticsPlan, orgAnalytics } from '../../domain/analytics/org-analytics';
import { statusAt } from '../../domain/bookings/booking';
import { toEpochMinutes } from '../../domain/time/instant';
import { zoneDayBounds } from '../../domain/time/zone-clock';
import type { BookingsRepository } from '../../data/bookings-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { StatsRepository } from '../../data/stats-repository';
import type { Caller } from '../../http/http-event';
import type { PeriodQuery } from '../../http/schemas/outcomes';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from '../orgs/access';

export interface AnalyticsDeps {
  orgs: OrgReader;
  stats: Pick<StatsRepository, 'months'>;
  bookings: Pick<BookingsRepository, 'ofOrgBetween'>;
  programs: Pick<ProgramsRepository, 'getMany'>;
  clock: Clock;
}

/**
 * The org's analytics for a period of days in its zone. At most three DynamoDB requests whatever
 * the org's size: the org, one Query of its monthly sums (this period and the one before), and —
 * only when the period reaches today — one Query of the sessions of the days not yet settled.
 */
export async function getOrgAnalytics(deps: Omit<AnalyticsDeps, 'programs'>, caller: Caller, orgId: string, period: PeriodQuery) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  const now = toEpochMinutes(deps.clock.now());
  const plan = analyticsPlan(period, org.timeZone, now);
  const [months, live] = await Promise.all([
    deps.stats.months(orgId, plan.months.from, plan.months.to),
    plan.openRange ? deps.bookings.ofOrgBetween(orgId, plan.openRange.from, plan.openRange.to) : Promise.resolve([]),
  ]);
  return { from: period.from, to: period.to, timeZone: org.timeZone, ...orgAnalytics(plan, months, live, now) };
}

/** The coaching log of a period as RFC 4180 CSV: every completed session of the org, oldest first. */
export async function getCoachingLog(deps: Omit<AnalyticsDeps, 'stats'>, caller: Caller, orgId: string, period: PeriodQuery) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  const zone = org.timeZone;
  const from = zoneDayBounds(period.from, zone).start;
  const to = zoneDayBounds(period.to, zone).end;
  const now = toEpochMinutes(deps.clock.now());
  const completed = (await deps.bookings.ofOrgBetween(orgId, from, to)).filter((b) => statusAt(b, now) === 'completed');
  const programIds = [...new Set(completed.map((b) => b.programId))];
  const programs = new Map((await deps.programs.getMany(orgId, programIds)).map((p) => [p.programId, p]));
  return {
    csv: coachingLogCsv(completed.map((session) => coachingLogRow(session, programs.get(session.programId), zone))),
    filename: `coaching-log-${period.from}-to-${period.to}.csv`,
  };
}
