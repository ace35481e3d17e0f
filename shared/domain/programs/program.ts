import type { PersonProfile } from '../people/person';

/**
 * A "1:1 Coaching" program: one coach, one client, one private space. The program's record holds
 * what access checks and bookings need; its structure (sections, modules, activities and the
 * shared worksheet templates) and its homepage are separate items of the same partition.
 */
export type ProgramStatus = 'draft' | 'published';

export interface Money {
  /** Minor units (cents for USD, yen for JPY), inside and at the API. */
  amountMinor: number;
  currency: string;
}

/** The client, with their own profile (`PATCH /me`) kept here so every email reads it with the program. */
export interface ProgramClient extends PersonProfile {
  userId: string;
  email: string;
  /** The client's own zone, for the times in their emails; null until they tell us. */
  timeZone: string | null;
}

export interface Program {
  programId: string;
  orgId: string;
  type: 'one_to_one_coaching';
  name: string;
  status: ProgramStatus;
  totalSessions: number;
  scheduleId: string;
  quickCheckIns: boolean;
  pricePerSession: Money | null;
  coachUserId: string;
  client: ProgramClient | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export type QuestionType = 'text' | 'rating';

export interface Question {
  questionId: string;
  prompt: string;
  type: QuestionType;
  min?: number;
  max?: number;
  required: boolean;
}

export type ActivityKind =
  | 'admin_guide'
  | 'intake'
  | 'session_prep'
  | 'booking'
  | 'session_reflection'
  | 'action_items'
  | 'reflection_90_day'
  | 'resource_library';

export type Visibility = 'coach_only' | 'private';

export const WORKSHEET_KINDS = ['intake', 'session_prep', 'session_reflection', 'reflection_90_day'] as const;
export type WorksheetKind = (typeof WORKSHEET_KINDS)[number];
export const isWorksheet = (kind: ActivityKind): kind is WorksheetKind => (WORKSHEET_KINDS as readonly string[]).includes(kind);

/** Session worksheets share one set of questions per kind across every session module. */
export type TemplateKind = 'session_prep' | 'session_reflection';

/** Worksheets whose questions a coach can replace: the shared session templates, the intake and the 90-day reflection. */
export const EDITABLE_WORKSHEETS = ['session_prep', 'session_reflection', 'intake', 'reflection_90_day'] as const;
export type EditableWorksheet = (typeof EDITABLE_WORKSHEETS)[number];

export interface Activity {
  activityId: string;
  kind: ActivityKind;
  title: string;
  visibility: Visibility;
  /** Own questions (intake, 90-day reflection); session worksheets read theirs from the templates. */
  questions?: Question[];
  /** Text shown with the activity (the coach's admin guide). */
  body?: string;
}

export type ModuleKind = 'welcome' | 'session' | 'looking_back' | 'resource_library';

export interface Module {
  moduleId: string;
  kind: ModuleKind;
  title: string;
  sessionNumber?: number;
  activities: Activity[];
}

export type SectionKind = 'getting_started' | 'sessions' | 'looking_back' | 'resources';

export interface Section {
  sectionId: string;
  kind: SectionKind;
  title: string;
  modules: Module[];
}

export interface ProgramStructure {
  sections: Section[];
  templates: Record<TemplateKind, Question[]>;
}

export type HomepageKey = 'welcome' | 'how_we_work' | 'about_coach' | 'what_to_expect';
export const HOMEPAGE_KEYS = ['welcome', 'how_we_work', 'about_coach', 'what_to_expect'] as const satisfies readonly HomepageKey[];

export interface HomepageSection {
  key: HomepageKey;
  title: string;
  body: string;
}

export interface Homepage {
  sections: HomepageSection[];
}

export const SESSION_LIMITS = { min: 1, max: 52, default: 12 } as const;
