import { ownEntry } from '../../domain/own-entry';
import { conflict, invalidField } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import { generateHomepage, generateStructure, type IdSource } from '../../domain/programs/generate-program';
import { SESSION_LIMITS, type Program } from '../../domain/programs/program';
import { FIRST_MESSAGE } from '../../domain/programs/template-content';
import { buildSchedule } from '../../domain/schedules/build-schedule';
import { DEFAULT_SCHEDULE_SETTINGS, SCHEDULE_LIMITS, type Schedule } from '../../domain/schedules/schedule';
import { formatInstant } from '../../domain/time/instant';
import type { Org } from '../../domain/orgs/org';
import type { MessagesRepository } from '../../data/messages-repository';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import { retryOnConflict } from '../../data/retry-on-conflict';
import { TransactionRefused, type WriteTransaction } from '../../data/write-transaction';
import type { Caller } from '../../http/http-event';
import type { CreateProgramBody } from '../../http/schemas/programs';
import type { Clock } from '../../runtime/clock';
import type { IntroCallsRepository } from '../../data/intro-calls-repository';
import type { InvitesRepository } from '../../data/invites-repository';
import { keys } from '../../data/keys';
import type { IntroCall } from '../../domain/intro-calls/intro-call';
import { requireCoach, type OrgReader } from '../orgs/access';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import { inviteView, prepareInvite } from './invites';
import { programView } from './program-view';
import { countAgainstQuota, throwIfQuotaReached, type QuotaDeps } from '../user-quotas';

export interface CreateProgramDeps extends QuotaDeps {
  orgs: OrgReader & Pick<OrgsRepository, 'addScheduleItem' | 'checkScheduleItem'>;
  programs: Pick<ProgramsRepository, 'newProgramItems'>;
  messages: Pick<MessagesRepository, 'newMessageItem'>;
  /** For programs started from an intro call: the call, the invite, and its email. */
  introCalls: Pick<IntroCallsRepository, 'get' | 'convertedItem'>;
  invites: Pick<InvitesRepository, 'newInviteItem'>;
  outbox: StagingDeps['outbox'];
  appUrl: string;
  transaction: () => WriteTransaction;
  clock: Clock;
  /** Ids for the program and its parts; sortable ids from the clock unless a test says otherwise. */
  newId?: IdSource;
}

const calendarNotConnected = () =>
  conflict('calendar_not_connected', 'Connect your calendar first (PUT /orgs/{orgId}/calendar), so sessions never land on top of your other commitments.');

const scheduleLimitReached = () =>
  conflict('schedule_limit_reached', `This org already has ${SCHEDULE_LIMITS.schedulesPerOrg} schedules; pick one of them with scheduleId.`);

/** The schedule a program gets when the coach names none: weekdays, ten to five, in the org's zone. */
function defaultCoachingSchedule(org: Org, scheduleId: string, nowMs: number): Schedule {
  const now = formatInstant(nowMs);
  return buildSchedule(
    { scheduleId, createdAt: now, version: 1 },
    {
      name: 'Coaching Session (60 min)',
      timeZone: org.timeZone,
      weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '10:00', end: '17:00' })),
      overrides: [],
      ...DEFAULT_SCHEDULE_SETTINGS,
    },
    nowMs,
    now,
  );
}

/**
 * Creates a complete private coaching space in ONE transaction: the program's record, its
 * structure (every section, module, activity and question), its homepage, the coach's first
 * message, and the schedule it books from (new, or checked to exist) — on condition that the
 * coach's calendar is still connected. However many sessions, that is five items, so the
 * transaction stays far below DynamoDB's 100-item limit; nothing half-made can ever remain.
 *
 * From an intro call (`fromIntroCallId`), the same transaction also invites the person of the call
 * (their email, name and zone), with the invitation email in the outbox, and links the call to the
 * program so a second program cannot be started from it.
 */
export async function createProgram(deps: CreateProgramDeps, caller: Caller, orgId: string, input: CreateProgramBody) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  if (!org.calendar) throw calendarNotConnected();
  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  const newId = deps.newId ?? (() => sortableId(nowMs));

  const introCall = input.fromIntroCallId ? await requireUnconvertedCall(deps, orgId, input.fromIntroCallId) : null;

  let schedule: Schedule | null = null;
  if (input.scheduleId) {
    if (!ownEntry(org.schedules, input.scheduleId)) throw invalidField('scheduleId', 'This org has no schedule with that id.');
  } else {
    if (Object.keys(org.schedules).length >= SCHEDULE_LIMITS.schedulesPerOrg) throw scheduleLimitReached();
    schedule = defaultCoachingSchedule(org, newId(), nowMs);
  }

  const totalSessions = input.totalSessions ?? SESSION_LIMITS.default;
  const program: Program = {
    programId: newId(),
    orgId,
    type: 'one_to_one_coaching',
    name: input.name ?? '1:1 Coaching',
    status: 'draft',
    totalSessions,
    scheduleId: input.scheduleId ?? schedule?.scheduleId ?? '',
    quickCheckIns: input.quickCheckIns ?? false,
    pricePerSession: input.pricePerSession ? { amountMinor: input.pricePerSession.amount, currency: input.pricePerSession.currency } : null,
    coachUserId: caller.userId,
    client: null,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
  const structure = generateStructure(totalSessions, newId);
  const homepage = generateHomepage();

  const tx = countAgainstQuota(deps, deps.transaction(), 'programs', caller.userId, nowMs);
  for (const item of deps.programs.newProgramItems(program, structure, homepage)) tx.add(item, 'program');
  tx.add(deps.messages.newMessageItem(orgId, program.programId, { messageId: newId(), authorId: caller.userId, body: FIRST_MESSAGE, sentAt: now }), 'program');
  tx.add(
    schedule
      ? deps.orgs.addScheduleItem(orgId, caller.userId, schedule, SCHEDULE_LIMITS.schedulesPerOrg)
      : deps.orgs.checkScheduleItem(orgId, caller.userId, program.scheduleId),
    'org',
  );
  const invited = introCall ? prepareInvite(deps, org, program, { email: introCall.email, name: introCall.name, timeZone: introCall.timeZone }, nowMs) : null;
  if (introCall && invited) {
    tx.add(deps.introCalls.convertedItem(orgId, introCall.introCallId, program.programId), 'intro_call').add(invited.item, 'invite');
    countAgainstQuota(deps, tx, 'invites', caller.userId, nowMs);
    stageEffects(deps, tx, keys.programPartition(orgId, program.programId), invited.effects);
  }
  try {
    await retryOnConflict(() => tx.commit());
  } catch (error) {
    throwIfQuotaReached(error, nowMs);
    if (error instanceof TransactionRefused && error.failed.includes('org')) throw await whyOrgRefused(deps.orgs, orgId, caller, input);
    if (error instanceof TransactionRefused && error.failed.includes('intro_call')) throw alreadyConverted();
    throw error;
  }
  const view = programView(program, structure, homepage, 'coach');
  return invited && introCall ? { ...view, fromIntroCallId: introCall.introCallId, invite: inviteView(invited.invite) } : view;
}

const alreadyConverted = () => conflict('intro_call_converted', 'A program was already started from this intro call.');

async function requireUnconvertedCall(deps: Pick<CreateProgramDeps, 'introCalls'>, orgId: string, introCallId: string): Promise<IntroCall> {
  const call = await deps.introCalls.get(orgId, introCallId);
  if (!call) throw invalidField('fromIntroCallId', 'This org has no intro call with that id.');
  if (call.programId) throw alreadyConverted();
  return call;
}

/** The org changed between our read and the write: say which of its conditions no longer holds. */
async function whyOrgRefused(orgs: OrgReader, orgId: string, caller: Caller, input: CreateProgramBody) {
  const org = await requireCoach(orgs, orgId, caller);
  if (!org.calendar) return calendarNotConnected();
  if (input.scheduleId && !ownEntry(org.schedules, input.scheduleId)) return invalidField('scheduleId', 'This org has no schedule with that id.');
  return scheduleLimitReached();
}
