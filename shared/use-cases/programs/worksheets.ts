import { conflict, notFound, validationFailed } from '../../domain/errors';
import { outcomeOf, type WorksheetOutcome } from '../../domain/outcomes/outcome-questions';
import { emailEffects, type OutboxEffect } from '../../domain/outbox/outbox-entry';
import { clientOf } from '../../domain/people/person';
import { isWorksheet, type Program } from '../../domain/programs/program';
import { findActivity, questionsOf } from '../../domain/programs/structure-edits';
import { answerViolations, keptAnswers } from '../../domain/programs/worksheet';
import { formatInstant } from '../../domain/time/instant';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { OutcomesRepository } from '../../data/outcomes-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { WorksheetsRepository } from '../../data/worksheets-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import type { Caller } from '../../http/http-event';
import { keys } from '../../data/keys';
import { brandingOf } from '../../emails/layout';
import { ninetyDayReflectionEmail } from '../../emails/outcome-emails';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import { accessFullProgram, requireClientRole } from './access';
import { activityView, visibleTo } from './program-view';
import { domainEvent } from '../../domain/events/domain-event';

export interface WorksheetDeps extends StagingDeps {
  programs: Pick<ProgramsRepository, 'getFull'>;
  orgs: Pick<OrgsRepository, 'get'>;
  worksheets: Pick<WorksheetsRepository, 'get' | 'putItem'>;
  outcomes: Pick<OutcomesRepository, 'recordItem' | 'all'>;
  transaction: () => WriteTransaction;
  appUrl: string;
}

type Ref = { orgId: string; programId: string };

const responseView = (r: { answers: Record<string, string | number>; submittedAt: string; updatedAt: string } | null) =>
  r ? { answers: r.answers, submittedAt: r.submittedAt, updatedAt: r.updatedAt } : null;

/** An activity with the client's response; a coach-only activity does not exist for the client. */
export async function getActivity(deps: Pick<WorksheetDeps, 'programs' | 'worksheets'>, caller: Caller, ref: Ref, activityId: string) {
  const full = await accessFullProgram(deps.programs, ref.orgId, ref.programId, caller);
  const found = findActivity(full.structure, activityId);
  if (!found || !visibleTo(full.role)(found.activity)) throw notFound();
  const response = isWorksheet(found.activity.kind) ? await deps.worksheets.get(ref.orgId, ref.programId, activityId) : null;
  return { ...activityView(full.structure, found.activity), moduleId: found.module.moduleId, response: responseView(response) };
}

/**
 * The client answers a worksheet; answering again replaces the answers. The same transaction
 * records the worksheet's outcome (answered, and its rating in the words it was asked in) for the
 * program report.
 */
export async function answerWorksheet(deps: WorksheetDeps, caller: Caller, ref: Ref, activityId: string, answers: Record<string, string | number>) {
  // The earlier answers are read alongside the program (one round trip); they are used only once access is settled.
  const [full, earlier] = await Promise.all([accessFullProgram(deps.programs, ref.orgId, ref.programId, caller), deps.worksheets.get(ref.orgId, ref.programId, activityId)]);
  const found = findActivity(full.structure, activityId);
  if (!found || !visibleTo(full.role)(found.activity)) throw notFound();
  requireClientRole(full.role);
  const kind = found.activity.kind;
  const questions = isWorksheet(kind) ? questionsOf(full.structure, found.activity) : null;
  if (!isWorksheet(kind) || !questions) throw conflict('not_a_worksheet', 'This activity has no questions to answer.');
  const violations = answerViolations(questions, answers);
  if (violations.length > 0) throw validationFailed(violations);

  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  const kept = keptAnswers(questions, answers);
  const outcome = outcomeOf(activityId, kind, questions, kept, now);
  const tx = deps
    .transaction()
    .add(deps.worksheets.putItem(ref.orgId, ref.programId, activityId, kept, now), 'response')
    .add(deps.outcomes.recordItem(ref.orgId, ref.programId, outcome), 'outcome');
  const submitted = domainEvent(
    'worksheet.submitted',
    ref.orgId,
    { programId: ref.programId, activityId, moduleId: found.module.moduleId, kind, firstSubmission: !earlier, submittedAt: now },
    nowMs,
  );
  const emails = kind === 'reflection_90_day' && !earlier ? await reflectionEmails(deps, full.program, outcome) : [];
  stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), [...emails, submitted]);
  await tx.commit();
  return { activityId, response: responseView({ answers: kept, submittedAt: earlier?.submittedAt ?? now, updatedAt: now }) };
}

/**
 * The first time the client completes the 90-day reflection, the coach is to hear of it with the
 * satisfaction before and after, and the links to the report and the chart for the final session.
 */
async function reflectionEmails(deps: WorksheetDeps, program: Program, final: WorksheetOutcome): Promise<OutboxEffect[]> {
  const [org, outcomes] = await Promise.all([deps.orgs.get(program.orgId), deps.outcomes.all(program.orgId, program.programId)]);
  if (!org) return [];
  const intake = outcomes.find((o) => o.kind === 'intake');
  return emailEffects([
    ninetyDayReflectionEmail({
      practice: brandingOf(org),
      to: org.coachEmail,
      // The name the client gave (PATCH /me), as every other email shows them; their address otherwise.
      clientLabel: program.client ? clientOf(program.client, org.timeZone).name : 'Your client',
      orgId: program.orgId,
      programId: program.programId,
      orgName: org.name,
      programName: program.name,
      intake: intake?.rating ?? null,
      final: final.rating,
      appUrl: deps.appUrl,
    }),
  ]);
}
