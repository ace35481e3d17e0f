import type { Activity, Homepage, Module, ProgramStructure, Question } from './program';
import {
  ACTIVITY_TITLES,
  ADMIN_GUIDE,
  HOMEPAGE_SECTIONS,
  INTAKE_QUESTIONS,
  MODULE_TITLES,
  REFLECTION_90_DAY_QUESTIONS,
  SECTION_TITLES,
  SESSION_PREP_QUESTIONS,
  SESSION_REFLECTION_QUESTIONS,
  sessionTitle,
} from './template-content';

/** Makes a fresh id for each generated part (sections, modules, activities). */
export type IdSource = () => string;

const copy = (questions: Question[]): Question[] => questions.map((q) => ({ ...q }));

/** The four steps of every session: prepare, book, reflect, act. */
export function sessionModule(sessionNumber: number, newId: IdSource, title = sessionTitle(sessionNumber)): Module {
  const activity = (kind: Activity['kind']): Activity => ({ activityId: newId(), kind, title: ACTIVITY_TITLES[kind as keyof typeof ACTIVITY_TITLES], visibility: 'private' });
  return {
    moduleId: newId(),
    kind: 'session',
    title,
    sessionNumber,
    activities: [activity('session_prep'), activity('booking'), activity('session_reflection'), activity('action_items')],
  };
}

/** The whole private space of a new program, in one structure. */
export function generateStructure(totalSessions: number, newId: IdSource): ProgramStructure {
  return {
    templates: { session_prep: copy(SESSION_PREP_QUESTIONS), session_reflection: copy(SESSION_REFLECTION_QUESTIONS) },
    sections: [
      {
        sectionId: newId(),
        kind: 'getting_started',
        title: SECTION_TITLES.getting_started,
        modules: [
          {
            moduleId: newId(),
            kind: 'welcome',
            title: MODULE_TITLES.welcome,
            activities: [
              { activityId: newId(), kind: 'admin_guide', title: ACTIVITY_TITLES.admin_guide, visibility: 'coach_only', body: ADMIN_GUIDE },
              { activityId: newId(), kind: 'intake', title: ACTIVITY_TITLES.intake, visibility: 'private', questions: copy(INTAKE_QUESTIONS) },
            ],
          },
        ],
      },
      {
        sectionId: newId(),
        kind: 'sessions',
        title: SECTION_TITLES.sessions,
        modules: Array.from({ length: totalSessions }, (_, i) => sessionModule(i + 1, newId)),
      },
      {
        sectionId: newId(),
        kind: 'looking_back',
        title: SECTION_TITLES.looking_back,
        modules: [
          {
            moduleId: newId(),
            kind: 'looking_back',
            title: MODULE_TITLES.looking_back,
            activities: [
              { activityId: newId(), kind: 'reflection_90_day', title: ACTIVITY_TITLES.reflection_90_day, visibility: 'private', questions: copy(REFLECTION_90_DAY_QUESTIONS) },
            ],
          },
        ],
      },
      {
        sectionId: newId(),
        kind: 'resources',
        title: SECTION_TITLES.resources,
        modules: [
          {
            moduleId: newId(),
            kind: 'resource_library',
            title: MODULE_TITLES.resource_library,
            activities: [{ activityId: newId(), kind: 'resource_library', title: ACTIVITY_TITLES.resource_library, visibility: 'private' }],
          },
        ],
      },
    ],
  };
}

export const generateHomepage = (): Homepage => ({ sections: HOMEPAGE_SECTIONS.map((s) => ({ ...s })) });
