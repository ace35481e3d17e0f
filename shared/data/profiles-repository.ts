import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Membership } from '../domain/orgs/org';
import type { PersonProfile } from '../domain/people/person';
import { keys } from './keys';
import { fieldsOf, storedItem, type Table } from './table';
import type { TransactItem } from './write-transaction';

/** A person's own profile (`GET|PATCH /me`). */
export interface StoredProfile extends PersonProfile {
  bio?: string | null;
  photoUrl?: string | null;
  updatedAt?: string;
}

/** What emails need of a profile: it is copied next to every membership (see `copyItems`). */
export const emailProfile = (p: StoredProfile): PersonProfile => ({
  displayName: p.displayName ?? null,
  timeZone: p.timeZone ?? null,
  locale: p.locale ?? null,
  hourCycle: p.hourCycle ?? null,
});

/**
 * Profiles live under the user; a copy of the part emails need sits in the org item (for its coach)
 * and in the program item (for its client). A profile changes rarely and is read by every email,
 * which then needs no read of its own: the records it already reads carry the names.
 */
export class ProfilesRepository {
  constructor(private readonly table: Table) {}

  async get(userId: string): Promise<StoredProfile | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.profile(userId), ConsistentRead: true }));
    return Item ? (fieldsOf(Item) as StoredProfile) : null;
  }

  putItem(userId: string, profile: StoredProfile): TransactItem {
    return { Put: { TableName: this.table.name, Item: storedItem(keys.profile(userId), 'profile', profile) } };
  }

  /** The copies next to each membership, each only while the user still holds it. */
  copyItems(userId: string, memberships: Membership[], profile: PersonProfile): TransactItem[] {
    const copy = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== null && v !== undefined));
    // In the program's client map: set what the profile has, remove what it does not (never a NULL).
    const fields = ['displayName', 'timeZone', 'locale', 'hourCycle'] as const;
    const set = fields.filter((f) => profile[f] !== null && profile[f] !== undefined);
    const removed = fields.filter((f) => !set.includes(f));
    const clientUpdate = [set.length ? `SET ${set.map((f) => `client.${f} = :${f}`).join(', ')}` : '', removed.length ? `REMOVE ${removed.map((f) => `client.${f}`).join(', ')}` : '']
      .filter(Boolean)
      .join(' ');
    return memberships.map((m) =>
      m.role === 'coach'
        ? {
            Update: {
              TableName: this.table.name,
              Key: keys.org(m.orgId),
              UpdateExpression: 'SET coachProfile = :profile',
              ConditionExpression: 'coachUserId = :user',
              ExpressionAttributeValues: { ':profile': copy, ':user': userId },
            },
          }
        : {
            Update: {
              TableName: this.table.name,
              Key: keys.program(m.orgId, m.programId),
              UpdateExpression: clientUpdate,
              ConditionExpression: 'client.userId = :user',
              ExpressionAttributeValues: { ...Object.fromEntries(set.map((f) => [`:${f}`, profile[f]])), ':user': userId },
            },
          },
    );
  }
}
