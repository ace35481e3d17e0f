import { packagesOf } from '../../domain/programs/packages';
import type { Activity, Homepage, Program, ProgramStructure } from '../../domain/programs/program';
import { questionsOf } from '../../domain/programs/structure-edits';
import type { ProgramRole } from './access';

/** Money at the edge is in minor units, as sent: no currency's decimals are assumed. */
export const moneyView = (money: Program['pricePerSession']) => (money ? { amount: money.amountMinor, currency: money.currency } : null);

/** An activity as the API shows it: worksheets with their questions, the guide with its text. */
export function activityView(structure: ProgramStructure, activity: Activity) {
  const questions = questionsOf(structure, activity);
  return {
    activityId: activity.activityId,
    kind: activity.kind,
    title: activity.title,
    visibility: activity.visibility,
    ...(questions ? { questions } : {}),
    ...(activity.body !== undefined ? { body: activity.body } : {}),
  };
}

export const visibleTo = (role: ProgramRole) => (activity: Activity) => role === 'coach' || activity.visibility !== 'coach_only';

/** The whole program as `GET` returns it. A client never receives coach-only activities. */
export function programView(program: Program, structure: ProgramStructure, homepage: Homepage, role: ProgramRole) {
  return {
    ...programSummary(program),
    settings: { feed: 'off', memberDirectory: 'hidden' },
    packages: packagesOf(program),
    sections: structure.sections.map((section) => ({
      sectionId: section.sectionId,
      kind: section.kind,
      title: section.title,
      modules: section.modules.map((module) => ({
        moduleId: module.moduleId,
        kind: module.kind,
        title: module.title,
        ...(module.sessionNumber !== undefined ? { sessionNumber: module.sessionNumber } : {}),
        activities: module.activities.filter(visibleTo(role)).map((a) => activityView(structure, a)),
      })),
    })),
    homepage,
  };
}

/** What a list of programs shows. */
export function programSummary(program: Program) {
  return {
    programId: program.programId,
    orgId: program.orgId,
    type: program.type,
    name: program.name,
    status: program.status,
    totalSessions: program.totalSessions,
    scheduleId: program.scheduleId,
    quickCheckIns: program.quickCheckIns,
    pricePerSession: moneyView(program.pricePerSession),
    client: program.client ? { userId: program.client.userId, email: program.client.email } : null,
    createdAt: program.createdAt,
    updatedAt: program.updatedAt,
    publishedAt: program.publishedAt,
  };
}
