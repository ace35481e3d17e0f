import { conflict, gone, notFound } from '../../domain/errors';
import { hashSecret, newSecret, secretMatches, sortableId } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import type { Invite, InvitesRepository } from '../../data/invites-repository';
import type { OutboxEffect } from '../../domain/outbox/outbox-entry';
import type { Org } from '../../domain/orgs/org';
import type { Program } from '../../domain/programs/program';
import type { TransactItem } from '../../data/write-transaction';
import { keys } from '../../data/keys';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import { retryOnConflict } from '../../data/retry-on-conflict';
import { TransactionRefused, type WriteTransaction } from '../../data/write-transaction';
import { clientJoinedEmail, inviteEmail } from '../../emails/program-emails';
import { brandingOf } from '../../emails/layout';
import { clientOf, coachOf, type PersonProfile } from '../../domain/people/person';
import type { ProfilesRepository } from '../../data/profiles-repository';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import { accessProgram, requireCoachRole } from './access';
import { countAgainstQuota, throwIfQuotaReached, type QuotaDeps } from '../user-quotas';
import { domainEvent } from '../../domain/events/domain-event';

export const INVITE_VALID_DAYS = 14;

export interface InviteDeps extends QuotaDeps {
  orgs: Pick<OrgsRepository, 'get' | 'clientMembershipItem'>;
  programs: Pick<ProgramsRepository, 'get' | 'hasNoClientItem' | 'bindClientItem'>;
  invites: Pick<InvitesRepository, 'newInviteItem' | 'getWithProgram' | 'acceptItem'>;
  profiles: Pick<ProfilesRepository, 'get'>;
  outbox: StagingDeps['outbox'];
  clock: Clock;
  transaction: () => WriteTransaction;
  appUrl: string;
}

const hasClient = () => conflict('program_has_client', 'This program already has its client; a program is for one client only.');

/** The token names the invite and carries its secret; only the secret's hash is stored. */
const tokenOf = (invite: Pick<Invite, 'orgId' | 'programId' | 'inviteId'>, secret: string) => `${invite.orgId}.${invite.programId}.${invite.inviteId}.${secret}`;

/** Invites one person by email to become the program's client. The email leaves via the outbox. */
export async function createInvite(deps: InviteDeps, caller: Caller, orgId: string, programId: string, email: string) {
  const { program, role } = await accessProgram(deps.programs, orgId, programId, caller);
  requireCoachRole(role);
  if (program.client) throw hasClient();
  const org = await deps.orgs.get(orgId);
  if (!org) throw notFound();

  const nowMs = deps.clock.now();
  const { invite, item, effects } = prepareInvite(deps, org, program, { email }, nowMs);
  const tx = deps.transaction().add(item, 'invite').add(deps.programs.hasNoClientItem(orgId, programId), 'client');
  countAgainstQuota(deps, tx, 'invites', caller.userId, nowMs);
  stageEffects(deps, tx, keys.programPartition(orgId, programId), effects);
  try {
    await retryOnConflict(() => tx.commit());
  } catch (error) {
    throwIfQuotaReached(error, nowMs);
    if (error instanceof TransactionRefused && error.failed.includes('client')) throw hasClient();
    throw error;
  }
  return inviteView(invite);
}

export const inviteView = (invite: Invite) => ({ inviteId: invite.inviteId, email: invite.email, ...(invite.name ? { name: invite.name } : {}), expiresAt: invite.expiresAt });

/**
 * A new invite for a program's client-to-be, as a transaction item plus the email that carries its
 * link: for a write that also does other things (creating the program from an intro call).
 */
export function prepareInvite(
  deps: { invites: Pick<InvitesRepository, 'newInviteItem'>; appUrl: string },
  org: Pick<Org, 'name' | 'coachEmail' | 'coachProfile' | 'timeZone' | 'logoUrl' | 'brandColor' | 'signature'>,
  program: Pick<Program, 'orgId' | 'programId' | 'name'>,
  invitee: { email: string; name?: string | null; timeZone?: string | null },
  nowMs: number,
): { invite: Invite; item: TransactItem; effects: OutboxEffect[] } {
  const secret = newSecret();
  const invite: Invite = {
    inviteId: sortableId(nowMs),
    orgId: program.orgId,
    programId: program.programId,
    email: invitee.email.toLowerCase(),
    name: invitee.name ?? null,
    timeZone: invitee.timeZone ?? null,
    secretHash: hashSecret(secret),
    createdAt: formatInstant(nowMs),
    expiresAt: formatInstant(nowMs + INVITE_VALID_DAYS * 24 * 3600_000),
    acceptedAt: null,
    acceptedBy: null,
  };
  const message = inviteEmail({
    to: invite.email,
    name: invite.name,
    practice: brandingOf(org),
    coach: coachOf(org),
    programName: program.name,
    token: tokenOf(invite, secret),
    expiresOn: invite.expiresAt.slice(0, 10),
    appUrl: deps.appUrl,
  });
  return { invite, item: deps.invites.newInviteItem(invite), effects: [{ type: 'email', message }] };
}

/**
 * Makes the caller the program's one client. A used invite is 409 (unless the caller is the one
 * who used it: accepting twice is harmless), an expired one 410, a malformed or forged one 404.
 */
export async function acceptInvite(deps: InviteDeps, caller: Caller, token: string, options: PersonProfile = {}) {
  const [orgId, programId, inviteId, secret, ...rest] = token.split('.');
  if (!orgId || !programId || !inviteId || !secret || rest.length > 0) throw notFound();
  // The caller's saved profile is read alongside: one round trip, and an accepted invite needs it.
  const [{ invite, program, org }, stored] = await Promise.all([deps.invites.getWithProgram(orgId, programId, inviteId), deps.profiles.get(caller.userId)]);
  if (!invite || !secretMatches(secret, invite.secretHash) || !program || !org) throw notFound();
  const result = { orgId, programId };

  if (invite.acceptedAt) {
    if (invite.acceptedBy === caller.userId) return result;
    throw conflict('invite_used', 'This invitation has already been used.');
  }
  const nowMs = deps.clock.now();
  if (nowMs > Date.parse(invite.expiresAt)) throw gone('invite_expired', 'This invitation has expired; ask your coach for a new one.');

  if (program.client) {
    if (program.client.userId === caller.userId) return result;
    throw hasClient();
  }
  if (program.coachUserId === caller.userId) throw conflict('coach_cannot_be_client', 'You coach this program, so you cannot also be its client.');

  const now = formatInstant(nowMs);
  // An invite from an intro call knows the prospect's zone already.
  const client = { userId: caller.userId, email: caller.email, ...profileForClient(stored, { ...options, timeZone: options.timeZone ?? invite.timeZone ?? undefined }) };
  const notice = clientJoinedEmail({
    coach: coachOf(org),
    client: clientOf(client, client.timeZone ?? org.timeZone),
    practice: brandingOf(org),
    programName: program.name,
    published: program.status === 'published',
    orgId,
    programId,
    appUrl: deps.appUrl,
  });
  const tx = deps.transaction()
    .add(deps.invites.acceptItem(invite, caller.userId, now), 'invite')
    .add(deps.programs.bindClientItem(orgId, programId, client, now), 'program')
    .add(deps.orgs.clientMembershipItem(caller.userId, orgId, programId), 'membership');
  stageEffects(deps, tx, keys.programPartition(orgId, programId), [
    { type: 'email', message: notice },
    domainEvent('program.client_joined', orgId, { programId, clientUserId: caller.userId, clientEmail: caller.email, joinedAt: now }, nowMs),
  ]);
  try {
    await retryOnConflict(() => tx.commit());
  } catch (error) {
    if (error instanceof TransactionRefused && error.failed.includes('invite')) throw conflict('invite_used', 'This invitation has already been used.');
    if (error instanceof TransactionRefused && error.failed.includes('program')) throw hasClient();
    throw error;
  }
  return result;
}

/**
 * What the program keeps of its client's profile: what they say on accepting wins over what they
 * saved with `PATCH /me` before; the zone stays null (schedule's zone) when neither says.
 */
function profileForClient(stored: PersonProfile | null, given: PersonProfile) {
  return {
    timeZone: given.timeZone ?? stored?.timeZone ?? null,
    displayName: given.displayName ?? stored?.displayName ?? null,
    locale: given.locale ?? stored?.locale ?? null,
    hourCycle: given.hourCycle ?? stored?.hourCycle ?? null,
  };
}
