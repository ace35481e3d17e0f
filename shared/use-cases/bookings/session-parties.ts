import { joinToken, type JoinRef } from '../../domain/bookings/join-link';
import type { Org } from '../../domain/orgs/org';
import { clientOf, coachOf } from '../../domain/people/person';
import type { Program } from '../../domain/programs/program';
import type { Schedule } from '../../domain/schedules/schedule';
import { brandingOf } from '../../emails/layout';
import type { SessionParties } from '../../emails/session-content';

/** Where links in session emails and invites point, and who sends them. */
export interface SessionLinks {
  /** The frontend (session pages, reschedule, cancel). */
  appUrl: string;
  /** The API, which serves the join links (`GET /j/{token}`). */
  apiUrl: string;
  /** The practice's sending address: the invites' ORGANIZER. */
  senderEmail: string;
  joinKey: () => Promise<Buffer>;
}

export const joinUrl = (links: Pick<SessionLinks, 'apiUrl'>, key: Buffer, ref: JoinRef, side: 'coach' | 'client') => `${links.apiUrl}/j/${joinToken(key, ref, side)}`;

/** The people, branding and links of one session's emails, from the records already read. */
export async function sessionParties(links: SessionLinks, scope: { org: Org; program: Program; schedule: Pick<Schedule, 'timeZone'> }, ref: JoinRef): Promise<SessionParties> {
  const { org, program, schedule } = scope;
  const key = await links.joinKey();
  return {
    practice: brandingOf(org),
    programName: program.name,
    coach: coachOf(org),
    client: clientOf(program.client ?? { email: '' }, program.client?.timeZone ?? schedule.timeZone),
    joinLinks: { coach: joinUrl(links, key, ref, 'coach'), client: joinUrl(links, key, ref, 'client') },
    appUrl: links.appUrl,
    senderEmail: links.senderEmail,
  };
}
