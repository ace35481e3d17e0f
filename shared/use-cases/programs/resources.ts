import { invalidField, notFound } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { Resource, ResourcesRepository } from '../../data/resources-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { accessProgram, requireCoachRole } from './access';

export interface ResourceDeps {
  programs: Pick<ProgramsRepository, 'get'>;
  resources: Pick<ResourcesRepository, 'add' | 'list' | 'delete'>;
  clock: Clock;
}

type Ref = { orgId: string; programId: string };

export async function listResources(deps: ResourceDeps, caller: Caller, ref: Ref, page: { limit?: number; cursor?: string }) {
  await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  return deps.resources.list(ref.orgId, ref.programId, page);
}

export async function addResource(
  deps: ResourceDeps,
  caller: Caller,
  ref: Ref,
  input: { title: string; url?: string; note?: string; sessionNumber?: number },
): Promise<Resource> {
  const { program, role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(role);
  if (input.sessionNumber !== undefined && input.sessionNumber > program.totalSessions) {
    throw invalidField('sessionNumber', `This program has ${program.totalSessions} sessions.`);
  }
  const nowMs = deps.clock.now();
  const resource: Resource = {
    resourceId: sortableId(nowMs),
    title: input.title,
    url: input.url ?? null,
    note: input.note ?? null,
    sessionNumber: input.sessionNumber ?? null,
    createdAt: formatInstant(nowMs),
  };
  await deps.resources.add(ref.orgId, ref.programId, resource);
  return resource;
}

export async function deleteResource(deps: ResourceDeps, caller: Caller, ref: Ref, resourceId: string): Promise<void> {
  const { role } = await accessProgram(deps.programs, ref.orgId, ref.programId, caller);
  requireCoachRole(role);
  if (!(await deps.resources.delete(ref.orgId, ref.programId, resourceId))) throw notFound();
}
