import type { OrgsRepository } from '../../data/orgs-repository';
import { emailProfile, type ProfilesRepository, type StoredProfile } from '../../data/profiles-repository';
import type { WriteTransaction } from '../../data/write-transaction';
import { formatInstant } from '../../domain/time/instant';
import { defaultHourCycle, DEFAULT_LOCALE } from '../../domain/people/person';
import type { Caller } from '../../http/http-event';
import type { PatchMeBody } from '../../http/schemas/identity';
import type { Clock } from '../../runtime/clock';

export interface MeDeps {
  orgs: Pick<OrgsRepository, 'membershipsOf'>;
  profiles: Pick<ProfilesRepository, 'get' | 'putItem' | 'copyItems'>;
  transaction: () => WriteTransaction;
  clock: Clock;
}

/** The caller, their profile (with the defaults emails use where they gave nothing) and memberships. */
export async function getMe(deps: Pick<MeDeps, 'orgs' | 'profiles'>, caller: Caller) {
  const [memberships, profile] = await Promise.all([deps.orgs.membershipsOf(caller.userId), deps.profiles.get(caller.userId)]);
  return meView(caller, profile, memberships);
}

/**
 * Changes the profile, and in the same transaction the copies every email reads (in each org the
 * caller coaches and each program they are the client of), so no email shows a stale name.
 */
export async function updateMe(deps: MeDeps, caller: Caller, changes: PatchMeBody) {
  const [memberships, stored] = await Promise.all([deps.orgs.membershipsOf(caller.userId), deps.profiles.get(caller.userId)]);
  const profile: StoredProfile = { ...stored, ...changes, updatedAt: formatInstant(deps.clock.now()) };
  // A transaction holds 100 items; a person with more memberships than that is not a coaching client.
  const tx = deps.transaction().add(deps.profiles.putItem(caller.userId, profile), 'profile');
  for (const item of deps.profiles.copyItems(caller.userId, memberships.slice(0, 99), emailProfile(profile))) tx.add(item, 'copy');
  await tx.commit();
  return meView(caller, profile, memberships);
}

function meView(caller: Caller, profile: StoredProfile | null, memberships: Awaited<ReturnType<MeDeps['orgs']['membershipsOf']>>) {
  const locale = profile?.locale ?? null;
  return {
    userId: caller.userId,
    email: caller.email,
    displayName: profile?.displayName ?? null,
    timeZone: profile?.timeZone ?? null,
    locale,
    hourCycle: profile?.hourCycle ?? defaultHourCycle(locale ?? DEFAULT_LOCALE),
    bio: profile?.bio ?? null,
    photoUrl: profile?.photoUrl ?? null,
    memberships,
  };
}
