import { conflict, notFound, validationFailed } from '../../domain/errors';
import { isWorksheet } from '../../domain/programs/program';
import { findActivity, questionsOf } from '../../domain/programs/structure-edits';
import { answerViolations, keptAnswers } from '../../domain/programs/worksheet';
import { formatInstant } from '../../domain/time/instant';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { WorksheetsRepository } from '../../data/worksheets-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { accessFullProgram, requireClientRole } from './access';
import { activityView, visibleTo } from './program-view';

export interface WorksheetDeps {
  programs: Pick<ProgramsRepository, 'getFull'>;
  worksheets: Pick<WorksheetsRepository, 'get' | 'put'>;
  clock: Clock;
}

type Ref = { orgId: string; programId: string };

const responseView = (r: { answers: Record<string, string | number>; submittedAt: string; updatedAt: string } | null) =>
  r ? { answers: r.answers, submittedAt: r.submittedAt, updatedAt: r.updatedAt } : null;

/** An activity with the client's response; a coach-only activity does not exist for the client. */
export async function getActivity(deps: WorksheetDeps, caller: Caller, ref: Ref, activityId: string) {
  const full = await accessFullProgram(deps.programs, ref.orgId, ref.programId, caller);
  const found = findActivity(full.structure, activityId);
  if (!found || !visibleTo(full.role)(found.activity)) throw notFound();
  const response = isWorksheet(found.activity.kind) ? await deps.worksheets.get(ref.orgId, ref.programId, activityId) : null;
  return { ...activityView(full.structure, found.activity), moduleId: found.module.moduleId, response: responseView(response) };
}

/** The client answers a worksheet; answering again replaces the answers. */
export async function answerWorksheet(deps: WorksheetDeps, caller: Caller, ref: Ref, activityId: string, answers: Record<string, string | number>) {
  const full = await accessFullProgram(deps.programs, ref.orgId, ref.programId, caller);
  const found = findActivity(full.structure, activityId);
  if (!found || !visibleTo(full.role)(found.activity)) throw notFound();
  requireClientRole(full.role);
  const questions = isWorksheet(found.activity.kind) ? questionsOf(full.structure, found.activity) : null;
  if (!questions) throw conflict('not_a_worksheet', 'This activity has no questions to answer.');
  const violations = answerViolations(questions, answers);
  if (violations.length > 0) throw validationFailed(violations);
  const stored = await deps.worksheets.put(ref.orgId, ref.programId, activityId, keptAnswers(questions, answers), formatInstant(deps.clock.now()));
  return { activityId, response: responseView(stored) };
}
