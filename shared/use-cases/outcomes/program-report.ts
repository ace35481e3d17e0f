import { progressChartSvg } from '../../charts/progress-chart';
import { notFound } from '../../domain/errors';
import { programReport } from '../../domain/outcomes/program-report';
import { toEpochMinutes } from '../../domain/time/instant';
import type { OutcomesRepository, ReportRecords } from '../../data/outcomes-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { requireCoachRole, roleIn, type ProgramRole } from '../programs/access';

export interface ReportDeps {
  outcomes: Pick<OutcomesRepository, 'readReport'>;
  clock: Clock;
}

type Ref = { orgId: string; programId: string };

/** The report's records and the caller's role in the program (404 for anyone without one). */
async function readAsMember(deps: ReportDeps, caller: Caller, ref: Ref): Promise<ReportRecords & { role: ProgramRole }> {
  const records = await deps.outcomes.readReport(ref.orgId, ref.programId);
  const role = records ? roleIn(records.program, caller) : null;
  if (!records || !role) throw notFound();
  return { ...records, role };
}

/** The program report, for the coach: two Queries of the program's partition, whatever its size. */
export async function getProgramReport(deps: ReportDeps, caller: Caller, ref: Ref) {
  const records = await readAsMember(deps, caller, ref);
  requireCoachRole(records.role);
  return programReport({ ...records, now: toEpochMinutes(deps.clock.now()) });
}

/** The progress chart (SVG): the coach's, and the client's own once the program is published — it is their story too. */
export async function getProgressChart(deps: ReportDeps, caller: Caller, ref: Ref): Promise<string> {
  const records = await readAsMember(deps, caller, ref);
  const report = programReport({ ...records, now: toEpochMinutes(deps.clock.now()) });
  return progressChartSvg({
    programName: records.program.name,
    totalSessions: report.sessionDetails.length,
    ratings: report.progressRatings,
    satisfaction: report.satisfaction,
  });
}
