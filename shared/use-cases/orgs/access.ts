import { forbidden, notFound } from '../../domain/errors';
import type { Org } from '../../domain/orgs/org';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { Caller } from '../../http/http-event';

export type OrgReader = Pick<OrgsRepository, 'get' | 'isMemberOf'>;

/**
 * The org, if the caller is its coach. A client of one of its programs gets 403; anyone else gets
 * 404, exactly as if the org did not exist. The extra membership read happens only on refusal.
 */
export async function requireCoach(orgs: OrgReader, orgId: string, caller: Caller): Promise<Org> {
  const org = await orgs.get(orgId);
  if (org && org.coachUserId === caller.userId) return org;
  if (org && (await orgs.isMemberOf(caller.userId, orgId))) throw forbidden('Only the coach of this org can do this.');
  throw notFound();
}
