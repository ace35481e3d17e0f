import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { tableDefinition } from './table-definition';
import { storedItem, type Table } from './table';
import type { TransactItem } from './write-transaction';

export interface Invite {
  inviteId: string;
  orgId: string;
  programId: string;
  email: string;
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

  async get(orgId: string, programId: string, inviteId: string): Promise<Invite | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.invite(orgId, programId, inviteId), ConsistentRead: true }));
    if (!Item) return null;
    return {
      inviteId: String(Item.inviteId),
      orgId: String(Item.orgId),
      programId: String(Item.programId),
      email: String(Item.email),
      secretHash: String(Item.secretHash),
      createdAt: String(Item.createdAt),
      expiresAt: String(Item.expiresAt),
      acceptedAt: (Item.acceptedAt as string | undefined) ?? null,
      acceptedBy: (Item.acceptedBy as string | undefined) ?? null,
    };
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
