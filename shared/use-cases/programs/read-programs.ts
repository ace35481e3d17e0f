import { notFound } from '../../domain/errors';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { SuppressionRepository } from '../../data/suppression-repository';
import type { Caller } from '../../http/http-event';
import { accessFullProgram } from './access';
import { programSummary, programView } from './program-view';

/**
 * The program, and whether Rapport may still email its client: an address SES bounced for good or
 * got a complaint from is suppressed, and the coach should hear of it here rather than wonder why
 * nothing arrives (one more read, only when the program has a client).
 */
export async function getProgram(
  deps: { programs: Pick<ProgramsRepository, 'getFull'>; suppressions: Pick<SuppressionRepository, 'suppressed'> },
  caller: Caller,
  orgId: string,
  programId: string,
) {
  const { program, structure, homepage, role } = await accessFullProgram(deps.programs, orgId, programId, caller);
  const view = programView(program, structure, homepage, role);
  if (!view.client) return view;
  const suppression = (await deps.suppressions.suppressed([view.client.email])).get(view.client.email.toLowerCase());
  return { ...view, client: { ...view.client, emailSuppressed: suppression ? { reason: suppression.reason, since: suppression.suppressedAt } : null } };
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
