import { newId } from '../../domain/ids';
import type { Org } from '../../domain/orgs/org';
import { formatInstant } from '../../domain/time/instant';
import type { OrgsRepository } from '../../data/orgs-repository';
import { emailProfile, type ProfilesRepository } from '../../data/profiles-repository';
import type { Caller } from '../../http/http-event';
import type { CreateOrgBody } from '../../http/schemas/orgs';
import type { Clock } from '../../runtime/clock';
import { orgView } from './org-view';

export interface CreateOrgDeps {
  orgs: Pick<OrgsRepository, 'create'>;
  profiles: Pick<ProfilesRepository, 'get'>;
  clock: Clock;
}

/** A new org; the caller becomes its coach. */
export async function createOrg(deps: CreateOrgDeps, caller: Caller, input: CreateOrgBody, origin: string) {
  const now = formatInstant(deps.clock.now());
  const stored = await deps.profiles.get(caller.userId);
  const org: Org = {
    orgId: newId(),
    name: input.name,
    timeZone: input.timeZone,
    coachUserId: caller.userId,
    coachEmail: caller.email,
    coachProfile: stored ? emailProfile(stored) : null,
    meetingUrl: null,
    logoUrl: null,
    brandColor: null,
    signature: null,
    introCalls: null,
    schedules: {},
    calendar: null,
    busyTimeVersion: 0,
    bookingFeed: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.orgs.create(org);
  return orgView(org, origin);
}
