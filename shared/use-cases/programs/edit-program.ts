import { conflict } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import type { IdSource } from '../../domain/programs/generate-program';
import { requireOutcomeQuestion } from '../../domain/outcomes/outcome-questions';
import type { EditableWorksheet, Homepage, Module, ProgramStructure, Question } from '../../domain/programs/program';
import {
  appendSession,
  findModule,
  removeActivity,
  removeSession,
  renameModule,
  replaceTemplate,
  sessionModules,
} from '../../domain/programs/structure-edits';
import { formatInstant } from '../../domain/time/instant';
import type { BookingsRepository } from '../../data/bookings-repository';
import type { FullProgram, ProgramsRepository } from '../../data/programs-repository';
import type { TransactItem, WriteTransaction } from '../../data/write-transaction';
import { keys } from '../../data/keys';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import type { Caller } from '../../http/http-event';
import type { PatchProgramBody, TemplateBody } from '../../http/schemas/programs';
import type { Clock } from '../../runtime/clock';
import { accessFullProgram, accessProgram, requireCoachRole } from './access';
import { activityView, programSummary } from './program-view';

export interface EditDeps extends StagingDeps {
  programs: Pick<ProgramsRepository, 'get' | 'getFull' | 'saveStructure' | 'updateItem' | 'publish' | 'putHomepage'>;
  transaction: () => WriteTransaction;
  bookings: Pick<BookingsRepository, 'packageUsage' | 'usageUnchangedItem'>;
  clock: Clock;
  newId?: IdSource;
}

type Ref = { orgId: string; programId: string };

/**
 * Applies a structure edit as the coach, conditional on the structure not having changed since it
 * was read; when another edit lands first, the edit is applied again on top of it. The session
 * total on the program's record follows in the same transaction.
 */
async function editStructure<T>(
  deps: EditDeps,
  caller: Caller,
  ref: Ref,
  edit: (full: FullProgram) => Promise<{ structure: ProgramStructure; result: T; conditions?: TransactItem[] }> | { structure: ProgramStructure; result: T; conditions?: TransactItem[] },
): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const full = await accessFullProgram(deps.programs, ref.orgId, ref.programId, caller);
    requireCoachRole(full.role);
    const { structure, result, conditions } = await edit(full);
    const total = sessionModules(structure).length;
    const changedTotal = total !== full.program.totalSessions ? total : undefined;
    if (await deps.programs.saveStructure(full.program, structure, full.structureVersion, formatInstant(deps.clock.now()), changedTotal, conditions)) return result;
  }
  throw conflict('concurrent_update', 'This program is being changed elsewhere; try again.');
}

const moduleView = (structure: ProgramStructure, module: Module) => ({
  moduleId: module.moduleId,
  kind: module.kind,
  title: module.title,
  ...(module.sessionNumber !== undefined ? { sessionNumber: module.sessionNumber } : {}),
  activities: module.activities.map((a) => activityView(structure, a)),
});

export async function addSessionModule(deps: EditDeps, caller: Caller, ref: Ref, title?: string) {
  const newId = deps.newId ?? (() => sortableId(deps.clock.now()));
  return editStructure(deps, caller, ref, (full) => {
    const { structure, module } = appendSession(full.structure, newId, title);
    return { structure, result: { ...moduleView(structure, module), totalSessions: sessionModules(structure).length } };
  });
}

export async function renameProgramModule(deps: EditDeps, caller: Caller, ref: Ref, moduleId: string, title: string) {
  return editStructure(deps, caller, ref, (full) => {
    const { structure, module } = renameModule(full.structure, moduleId, title);
    return { structure, result: moduleView(structure, module) };
  });
}

/**
 * Removes a session module. Later modules move up a number, so a module can only go while neither
 * it nor any later one is booked: a booking attached to Session 5 must not silently become a
 * booking of what used to be Session 6. The write is conditional on no booking landing meanwhile.
 */
export async function deleteSessionModule(deps: EditDeps, caller: Caller, ref: Ref, moduleId: string) {
  return editStructure(deps, caller, ref, async (full) => {
    const structure = removeSession(full.structure, moduleId);
    const removed = findModule(full.structure, moduleId);
    const usage = await deps.bookings.packageUsage(ref.orgId, ref.programId, 'coaching');
    if (removed?.sessionNumber !== undefined && usage.taken.some((n) => n >= (removed.sessionNumber ?? 0))) {
      throw conflict('session_module_booked', `${removed.title} or a later session is booked; cancel or move those bookings before removing it.`);
    }
    return {
      structure,
      result: { totalSessions: sessionModules(structure).length },
      conditions: [deps.bookings.usageUnchangedItem({ ...ref, packageId: 'coaching' }, usage.used)],
    };
  });
}

export async function deleteActivity(deps: EditDeps, caller: Caller, ref: Ref, activityId: string) {
  return editStructure(deps, caller, ref, (full) => ({ structure: removeActivity(full.structure, activityId), result: undefined }));
}

/**
 * Replaces the prep or reflection questions of every session module at once, or the intake's or
 * the 90-day reflection's. The ratings the report compares (satisfaction, progress) must stay.
 */
export async function replaceSessionTemplate(deps: EditDeps, caller: Caller, ref: Ref, kind: EditableWorksheet, body: TemplateBody) {
  const used = new Set(body.questions.map((q) => q.questionId).filter(Boolean));
  let n = 0;
  const nextId = () => {
    do n++;
    while (used.has(`q${n}`));
    return `q${n}`;
  };
  const questions: Question[] = body.questions.map((q) => ({
    questionId: q.questionId ?? nextId(),
    prompt: q.prompt,
    type: q.type,
    ...(q.type === 'rating' ? { min: q.min ?? 1, max: q.max ?? 10 } : {}),
    required: q.required,
  }));
  requireOutcomeQuestion(kind, questions);
  return editStructure(deps, caller, ref, (full) => ({ structure: replaceTemplate(full.structure, kind, questions), result: { kind, questions } }));
}

/**
 * Renames the program and/or sets its price per session (null: free), in one transaction. Sessions
 * already booked keep the price they were booked at. The program's name is in its sessions'
 * invitations: on a rename, upcoming ones get updated invitations through the outbox.
 */
export async function updateProgram(deps: EditDeps, caller: Caller, ref: Ref, changes: PatchProgramBody) {
  const { program, role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(role);
  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  const name = changes.name !== undefined && changes.name !== program.name ? changes.name : undefined;
  const pricePerSession =
    changes.pricePerSession === undefined ? undefined : changes.pricePerSession && { amountMinor: changes.pricePerSession.amount, currency: changes.pricePerSession.currency };
  if (name === undefined && pricePerSession === undefined) return programSummary(program);
  const tx = deps.transaction().add(deps.programs.updateItem(ref.orgId, ref.programId, { name, pricePerSession }, now), 'program');
  if (name !== undefined) {
    stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), [
      { type: 'reissue_invites', orgId: ref.orgId, coachUserId: program.coachUserId, programId: ref.programId, what: `the program is now called "${name}"`, changeId: sortableId(nowMs) },
    ]);
  }
  await tx.commit();
  return programSummary({ ...program, ...(name !== undefined ? { name } : {}), ...(pricePerSession !== undefined ? { pricePerSession } : {}), updatedAt: now });
}

export async function replaceHomepage(deps: EditDeps, caller: Caller, ref: Ref, homepage: Homepage) {
  const { role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(role);
  await deps.programs.putHomepage(ref.orgId, ref.programId, homepage);
  return homepage;
}

/** Publishing makes the space visible to its client; doing it again changes nothing. */
export async function publishProgram(deps: EditDeps, caller: Caller, ref: Ref) {
  const { program, role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(role);
  const published =
    program.status === 'published' ? program : ((await deps.programs.publish(ref.orgId, ref.programId, formatInstant(deps.clock.now()))) ?? (await deps.programs.get(ref.orgId, ref.programId)) ?? program);
  return { status: published.status, publishedAt: published.publishedAt };
}
