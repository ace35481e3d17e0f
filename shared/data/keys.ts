/**
 * Every key of the single table is built here, and nowhere else.
 *
 * Layout (pk / sk):
 *   USER#<userId>                    / MEMBER#<orgId>                  the user coaches that org
 *   USER#<userId>                    / MEMBER#<orgId>#<programId>      the user is that program's client
 *   ORG#<orgId>                      / ORG                             the org, its schedules and calendar link
 *
 * Isolation: everything that belongs to a program lives in a partition that starts with its org
 * and program (`ORG#<orgId>#PROG#<programId>`). A coach's calendar (bookings, time locks) lives in
 * the coach's own partition, because conflicts cross programs.
 */
export interface Key {
  pk: string;
  sk: string;
}

const MEMBER = 'MEMBER#';

export const keys = {
  coachMembership: (userId: string, orgId: string): Key => ({ pk: `USER#${userId}`, sk: `${MEMBER}${orgId}` }),
  clientMembership: (userId: string, orgId: string, programId: string): Key => ({
    pk: `USER#${userId}`,
    sk: `${MEMBER}${orgId}#${programId}`,
  }),
  /** Query: all memberships of a user. */
  membershipsOf: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: MEMBER }),

  org: (orgId: string): Key => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
} as const;
