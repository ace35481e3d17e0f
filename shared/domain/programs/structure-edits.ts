import { conflict, notFound } from '../errors';
import { sessionModule, type IdSource } from './generate-program';
import { SESSION_LIMITS, type Activity, type EditableWorksheet, type Module, type ProgramStructure, type Question } from './program';
import { sessionTitle } from './template-content';

/**
 * Edits of a program's structure, as pure functions: each returns a new structure and leaves the
 * one it was given alone. Session modules are always numbered 1..n in order.
 */

export const allModules = (structure: ProgramStructure): Module[] => structure.sections.flatMap((s) => s.modules);

export const sessionModules = (structure: ProgramStructure): Module[] => allModules(structure).filter((m) => m.kind === 'session');

export function findModule(structure: ProgramStructure, moduleId: string): Module | null {
  return allModules(structure).find((m) => m.moduleId === moduleId) ?? null;
}

export function findActivity(structure: ProgramStructure, activityId: string): { module: Module; activity: Activity } | null {
  for (const module of allModules(structure)) {
    const activity = module.activities.find((a) => a.activityId === activityId);
    if (activity) return { module, activity };
  }
  return null;
}

/** The questions a worksheet asks: its own, or its kind's shared template. */
export function questionsOf(structure: ProgramStructure, activity: Activity): Question[] | null {
  if (activity.kind === 'session_prep' || activity.kind === 'session_reflection') return structure.templates[activity.kind];
  return activity.questions ?? null;
}

function sessionsSection(structure: ProgramStructure) {
  const section = structure.sections.find((s) => s.kind === 'sessions');
  if (!section) throw new Error('A program without a sessions section');
  return section;
}

export function appendSession(structure: ProgramStructure, newId: IdSource, title?: string): { structure: ProgramStructure; module: Module } {
  const next = structuredClone(structure);
  const section = sessionsSection(next);
  const count = section.modules.filter((m) => m.kind === 'session').length;
  if (count >= SESSION_LIMITS.max) {
    throw conflict('session_limit_reached', `A program holds at most ${SESSION_LIMITS.max} sessions.`);
  }
  const module = sessionModule(count + 1, newId, title);
  section.modules.push(module);
  return { structure: next, module };
}

/**
 * Removes a session module and renumbers the rest. A title that was still the default
 * ("Session 4") follows its new number; a title the coach chose stays as it is.
 */
export function removeSession(structure: ProgramStructure, moduleId: string): ProgramStructure {
  const next = structuredClone(structure);
  const module = findModule(next, moduleId);
  if (!module) throw notFound();
  if (module.kind !== 'session') {
    throw conflict('module_not_removable', 'Only session modules can be removed; remove single activities instead.');
  }
  const section = sessionsSection(next);
  const sessions = section.modules.filter((m) => m.kind === 'session');
  if (sessions.length <= SESSION_LIMITS.min) {
    throw conflict('last_session_module', 'A program needs at least one session; this is the last one.');
  }
  section.modules = section.modules.filter((m) => m.moduleId !== moduleId);
  let number = 0;
  for (const m of section.modules) {
    if (m.kind !== 'session') continue;
    number++;
    if (m.title === sessionTitle(m.sessionNumber ?? 0)) m.title = sessionTitle(number);
    m.sessionNumber = number;
  }
  return next;
}

export function renameModule(structure: ProgramStructure, moduleId: string, title: string): { structure: ProgramStructure; module: Module } {
  const next = structuredClone(structure);
  const module = findModule(next, moduleId);
  if (!module) throw notFound();
  module.title = title;
  return { structure: next, module };
}

export function removeActivity(structure: ProgramStructure, activityId: string): ProgramStructure {
  const next = structuredClone(structure);
  const found = findActivity(next, activityId);
  if (!found) throw notFound();
  found.module.activities = found.module.activities.filter((a) => a.activityId !== activityId);
  return next;
}

/**
 * Replaces a worksheet's questions: the shared template of every session's prep or reflection, or
 * the program's own intake or 90-day reflection (404 when the coach removed that worksheet).
 * Answers already given stay as they were.
 */
export function replaceTemplate(structure: ProgramStructure, kind: EditableWorksheet, questions: Question[]): ProgramStructure {
  const next = structuredClone(structure);
  if (kind === 'session_prep' || kind === 'session_reflection') {
    next.templates[kind] = questions.map((q) => ({ ...q }));
    return next;
  }
  const worksheets = allModules(next).flatMap((m) => m.activities).filter((a) => a.kind === kind);
  if (worksheets.length === 0) throw notFound('This program no longer has that worksheet.');
  for (const activity of worksheets) activity.questions = questions.map((q) => ({ ...q }));
  return next;
}
