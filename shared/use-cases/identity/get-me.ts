import type { OrgsRepository } from '../../data/orgs-repository';
import type { Caller } from '../../http/http-event';

export async function getMe(deps: { orgs: Pick<OrgsRepository, 'membershipsOf'> }, caller: Caller) {
  return { userId: caller.userId, email: caller.email, memberships: await deps.orgs.membershipsOf(caller.userId) };
}
