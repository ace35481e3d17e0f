import { ownEntry } from '../../domain/own-entry';
import { invalidField } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import type { Org } from '../../domain/orgs/org';
import { keys } from '../../data/keys';
import type { WriteTransaction } from '../../data/write-transaction';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import { formatInstant } from '../../domain/time/instant';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { Caller } from '../../http/http-event';
import type { PatchOrgBody } from '../../http/schemas/orgs';
import type { Clock } from '../../runtime/clock';
import { requireCoach, type OrgReader } from './access';
import { orgView } from './org-view';

export interface UpdateOrgDeps extends StagingDeps {
  orgs: OrgReader & Pick<OrgsRepository, 'update' | 'updateItem'>;
  transaction: () => WriteTransaction;
  clock: Clock;
}

export async function updateOrg(deps: UpdateOrgDeps, caller: Caller, orgId: string, changes: PatchOrgBody, origin: string) {
  const org = await requireCoach(deps.orgs, orgId, caller);
  if (changes.introCalls && !ownEntry(org.schedules, changes.introCalls.scheduleId)) {
    throw invalidField('introCalls.scheduleId', 'This org has no schedule with that id.');
  }
  const nowMs = deps.clock.now();
  const now = formatInstant(nowMs);
  if (changes.name === undefined || changes.name === org.name) return orgView(await deps.orgs.update(orgId, changes, now), origin);
  // The practice's name is in every invitation (organizer, description): its upcoming sessions get
  // updated ones, through the outbox, in the same transaction as the rename.
  const tx = deps.transaction().add(deps.orgs.updateItem(orgId, changes, now), 'org');
  stageEffects(deps, tx, keys.org(orgId).pk, [
    { type: 'reissue_invites', orgId, coachUserId: org.coachUserId, programId: null, what: `the practice is now called ${changes.name}`, changeId: sortableId(nowMs) },
  ]);
  await tx.commit();
  return orgView({ ...org, ...changes, updatedAt: now } as Org, origin);
}

export async function getOrg(deps: { orgs: OrgReader }, caller: Caller, orgId: string, origin: string) {
  return orgView(await requireCoach(deps.orgs, orgId, caller), origin);
}
