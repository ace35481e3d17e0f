import type { Org } from '../domain/orgs/org';
import type { Program } from '../domain/programs/program';
import { keys } from './keys';
import { toOrgRecord } from './orgs-repository';
import { toProgramRecord } from './programs-repository';
import { batchGet, storedItem, type Table } from './table';
import { tableDefinition } from './table-definition';
import type { TransactItem } from './write-transaction';

export interface Invite {
  inviteId: string;
  orgId: string;
  programId: string;
  email: string;
  /** The invitee's name and zone when the coach already knows them (an invite from an intro call). */
  name: string | null;
  timeZone: string | null;
  /** sha-256 of the token's secret; the token itself only travels in the email. */
  secretHash: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
}

/** Used and expired invites are kept a while for support questions, then TTL deletes them. */
const KEEP_AFTER_EXPIRY_SECONDS = 90 * 24 * 3600;

export class InvitesRepository {
  constructor(private readonly table: Table) {}

  newInviteItem(invite: Invite): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: storedItem(keys.invite(invite.orgId, invite.programId, invite.inviteId), 'invite', {
          ...invite,
          [tableDefinition.ttlAttribute]: Math.floor(Date.parse(invite.expiresAt) / 1000) + KEEP_AFTER_EXPIRY_SECONDS,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The invite together with the program and org it opens, in one request. */
  async getWithProgram(orgId: string, programId: string, inviteId: string): Promise<{ invite: Invite | null; program: Program | null; org: Org | null }> {
    const wanted = { invite: keys.invite(orgId, programId, inviteId), program: keys.program(orgId, programId), org: keys.org(orgId) };
    const items = await batchGet(this.table, Object.values(wanted));
    const at = (key: { pk: string; sk: string }) => items.get(`${key.pk}|${key.sk}`);
    const [invite, program, org] = [at(wanted.invite), at(wanted.program), at(wanted.org)];
    return { invite: invite ? toInvite(invite) : null, program: program ? toProgramRecord(program) : null, org: org ? toOrgRecord(org) : null };
  }

  /** Marks the invite used, for the acceptance transaction; refused if it already was. */
  acceptItem(invite: Invite, userId: string, now: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.invite(invite.orgId, invite.programId, invite.inviteId),
        UpdateExpression: 'SET acceptedAt = :now, acceptedBy = :user',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(acceptedAt)',
        ExpressionAttributeValues: { ':now': now, ':user': userId },
      },
    };
  }
}

function toInvite(item: Record<string, unknown>): Invite {
  return {
    inviteId: String(item.inviteId),
    orgId: String(item.orgId),
    programId: String(item.programId),
    email: String(item.email),
    name: typeof item.name === 'string' ? item.name : null,
    timeZone: typeof item.timeZone === 'string' ? item.timeZone : null,
    secretHash: String(item.secretHash),
    createdAt: String(item.createdAt),
    expiresAt: String(item.expiresAt),
    acceptedAt: (item.acceptedAt as string | undefined) ?? null,
    acceptedBy: (item.acceptedBy as string | undefined) ?? null,
  };
}
