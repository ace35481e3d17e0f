import { notFound } from '../../domain/errors';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { Caller } from '../../http/http-event';
import { accessFullProgram } from './access';
import { programSummary, programView } from './program-view';

export async function getProgram(deps: { programs: Pick<ProgramsRepository, 'getFull'> }, caller: Caller, orgId: string, programId: string) {
  const { program, structure, homepage, role } = await accessFullProgram(deps.programs, orgId, programId, caller);
  return programView(program, structure, homepage, role);
}

/**
 * The coach sees every program of their org; a client sees only the published programs they
 * joined — never that others exist. Anyone else gets 404, as for an org that does not exist.
 */
export async function listPrograms(
  deps: { orgs: Pick<OrgsRepository, 'get' | 'clientProgramIds'>; programs: Pick<ProgramsRepository, 'listByOrg' | 'getMany'> },
  caller: Caller,
  orgId: string,
  page: { limit?: number; cursor?: string },
) {
  const org = await deps.orgs.get(orgId);
  if (!org) throw notFound();
  if (org.coachUserId === caller.userId) {
    const result = await deps.programs.listByOrg(orgId, page);
    return { items: result.items.map(programSummary), nextCursor: result.nextCursor };
  }
  const ids = await deps.orgs.clientProgramIds(caller.userId, orgId);
  if (ids.length === 0) throw notFound();
  const mine = (await deps.programs.getMany(orgId, ids)).filter((p) => p.client?.userId === caller.userId && p.status === 'published');
  return { items: mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(programSummary), nextCursor: null };
}
