import { conflict, forbidden, notFound } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import { findModule } from '../../domain/programs/structure-edits';
import { formatInstant } from '../../domain/time/instant';
import type { ActionItem, ActionItemsRepository } from '../../data/action-items-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { accessFullProgram, accessProgram, requireCoachRole } from './access';

export interface ActionItemDeps {
  programs: Pick<ProgramsRepository, 'get' | 'getFull'>;
  actionItems: Pick<ActionItemsRepository, 'add' | 'list' | 'update' | 'delete'>;
  clock: Clock;
}

type Ref = { orgId: string; programId: string };

/** The coach adds a commitment to a session, right after it. */
export async function addActionItem(deps: ActionItemDeps, caller: Caller, ref: Ref, moduleId: string, input: { text: string; dueDate?: string }): Promise<ActionItem> {
  const full = await accessFullProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(full.role);
  const module = findModule(full.structure, moduleId);
  if (!module) throw notFound();
  if (module.kind !== 'session') throw conflict('not_a_session_module', 'Action items belong to session modules.');
  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  const item: ActionItem = { actionItemId: sortableId(nowMs), moduleId, text: input.text, dueDate: input.dueDate ?? null, done: false, doneAt: null, createdAt: now, updatedAt: now };
  await deps.actionItems.add(ref.orgId, ref.programId, item);
  return item;
}

export async function listActionItems(deps: ActionItemDeps, caller: Caller, ref: Ref, query: { moduleId?: string; limit?: number; cursor?: string }) {
  await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  return deps.actionItems.list(ref.orgId, ref.programId, query);
}

/** Either side ticks an item off; only the coach rewords it or moves its due date. */
export async function updateActionItem(
  deps: ActionItemDeps,
  caller: Caller,
  ref: Ref,
  actionItemId: string,
  changes: { done?: boolean; text?: string; dueDate?: string | null },
): Promise<ActionItem> {
  const { role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  if (role === 'client' && (changes.text !== undefined || changes.dueDate !== undefined)) throw forbidden('Only the coach can reword an action item.');
  const now = formatInstant(deps.clock.now());
  const updated = await deps.actionItems.update(ref.orgId, ref.programId, actionItemId, {
    ...changes,
    ...(changes.done === undefined ? {} : { doneAt: changes.done ? now : null }),
  }, now);
  if (!updated) throw notFound();
  return updated;
}

export async function deleteActionItem(deps: ActionItemDeps, caller: Caller, ref: Ref, actionItemId: string): Promise<void> {
  const { role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(role);
  if (!(await deps.actionItems.delete(ref.orgId, ref.programId, actionItemId))) throw notFound();
}
