import { scheduleOf } from '../../domain/orgs/org';
import { invalidField } from '../../domain/errors';
import { formatInstant } from '../../domain/time/instant';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { Caller } from '../../http/http-event';
import type { PatchOrgBody } from '../../http/schemas/orgs';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from './access';
import { orgView } from './org-view';

export interface UpdateOrgDeps {
  orgs: OrgReader & Pick<OrgsRepository, 'update'>;
  clock: Clock;
}

export async function updateOrg(deps: UpdateOrgDeps, caller: Caller, orgId: string, changes: PatchOrgBody, origin: string) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  if (changes.introCalls && !scheduleOf(org, changes.introCalls.scheduleId)) {
    throw invalidField('introCalls.scheduleId', 'This org has no schedule with that id.');
  }
  const updated = await deps.orgs.update(orgId, changes, formatInstant(deps.clock.now()));
  return orgView(updated, origin);
}

export async function getOrg(deps: { orgs: OrgReader }, caller: Caller, orgId: string, origin: string) {
  return orgView(await requireCoach(deps.orgs, orgId, caller), origin);
}
