import { ownEntry } from '../../domain/own-entry';
import { conflict, notFound } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { buildSchedule } from '../../domain/schedules/build-schedule';
import { SCHEDULE_LIMITS, type Schedule } from '../../domain/schedules/schedule';
import { formatInstant } from '../../domain/time/instant';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { Caller } from '../../http/http-event';
import type { CreateScheduleBody, PatchScheduleBody } from '../../http/schemas/schedules';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from '../orgs/access';
import { paginateInMemory } from '../paginate';

export interface ScheduleDeps {
  orgs: OrgReader & Pick<OrgsRepository, 'putSchedule'>;
  clock: Clock;
}

const limitReached = () =>
  conflict('schedule_limit_reached', `An org can keep at most ${SCHEDULE_LIMITS.schedulesPerOrg} schedules; change an existing one instead.`);

export async function createSchedule(deps: ScheduleDeps, caller: Caller, orgId: string, input: CreateScheduleBody): Promise<Schedule> {
  const org = await requireCoach(deps.orgs, orgId, caller);
  if (Object.keys(org.schedules).length >= SCHEDULE_LIMITS.schedulesPerOrg) throw limitReached();
  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  const schedule = buildSchedule({ scheduleId: newId(), createdAt: now, version: 1 }, input, nowMs, now);
  const stored = await deps.orgs.putSchedule(orgId, schedule, { isNew: true, maxSchedules: SCHEDULE_LIMITS.schedulesPerOrg });
  if (!stored) throw limitReached(); // another schedule was added meanwhile and took the last place
  return schedule;
}

export async function listSchedules(deps: Pick<ScheduleDeps, 'orgs'>, caller: Caller, orgId: string, page: { limit?: number; cursor?: string }) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  const all = Object.values(org.schedules).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.scheduleId.localeCompare(b.scheduleId));
  return paginateInMemory(all, (s) => s.scheduleId, page.limit, page.cursor);
}

export async function getSchedule(deps: Pick<ScheduleDeps, 'orgs'>, caller: Caller, orgId: string, scheduleId: string): Promise<Schedule> {
  const org = await requireCoach(deps.orgs, orgId, caller);
  const schedule = ownEntry(org.schedules, scheduleId);
  if (!schedule) throw notFound();
  return schedule;
}

/** A PATCH is a merge, so when another edit lands first it is simply applied again on top of it. */
export async function updateSchedule(deps: ScheduleDeps, caller: Caller, orgId: string, scheduleId: string, changes: PatchScheduleBody): Promise<Schedule> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getSchedule(deps, caller, orgId, scheduleId);
    const nowMs = deps.clock.now();
    const next = buildSchedule(
      { scheduleId, createdAt: current.createdAt, version: current.version + 1 },
      { ...current, ...changes },
      nowMs,
      formatInstant(nowMs),
    );
    if (await deps.orgs.putSchedule(orgId, next, { isNew: false, expectedVersion: current.version })) return next;
  }
  throw conflict('concurrent_update', 'This schedule is being changed elsewhere; try again.');
}
