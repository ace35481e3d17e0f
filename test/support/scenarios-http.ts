import { afterAll, beforeAll } from 'vitest';
import type { FiredSchedule } from '../../local/local-scheduler';
import type { LocalStack } from '../../local/stack';
import { ApiClient, startTestStack, uniqueEmail } from './local-stack';
import { IcsServer } from './ics-server';

/** A signed-in coach with an org whose calendar is connected (to a loopback ICS server). */
export async function aCoachWithCalendar(stack: LocalStack, ics: IcsServer, options: { timeZone?: string } = {}) {
  const email = uniqueEmail('coach');
  const coach = await ApiClient.signIn(stack, email);
  const org = await coach.post('/orgs', { name: 'Clear Path Coaching', timeZone: options.timeZone ?? 'Europe/London' });
  if (org.status !== 201) throw new Error(`org: ${org.status} ${JSON.stringify(org.body)}`);
  const orgId = org.body.orgId as string;
  const connected = await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl });
  if (connected.status !== 200) throw new Error(`calendar: ${connected.status} ${JSON.stringify(connected.body)}`);
  return { coach, coachEmail: email, orgId, feedUrl: connected.body.feedUrl as string };
}

/** Moves the local clock (only ever forward) as a scenario does, over HTTP; answers the schedules that fired on the way. */
export async function moveClock(stack: LocalStack, move: { to: string } | { advanceMinutes: number }): Promise<FiredSchedule[]> {
  const moved = await new ApiClient(stack.url).post('/_local/clock', move);
  if (moved.status !== 200) throw new Error(`clock: ${moved.status} ${JSON.stringify(moved.body)}`);
  return moved.body.fired as FiredSchedule[];
}

/** A program created with defaults (or the given fields). */
export async function aProgram(coach: ApiClient, orgId: string, fields: Record<string, unknown> = {}) {
  const created = await coach.post(`/orgs/${orgId}/programs`, { type: 'one_to_one_coaching', ...fields });
  if (created.status !== 201) throw new Error(`program: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body as { programId: string; sections: any[]; [key: string]: any };
}

/** The invite token, as the invitee finds it in the link of the email in their inbox. */
export async function inviteTokenFromOutbox(stack: LocalStack, email: string): Promise<string> {
  await stack.settle();
  const mails = stack.ses.outbox(email);
  const last = mails.at(-1);
  const match = last ? /token=([^\s"&<]+)/.exec(last.text) : null;
  if (!match?.[1]) throw new Error(`No invite email for ${email}`);
  return decodeURIComponent(match[1]);
}

/** A published program whose client has joined through the emailed invite. */
export async function aJoinedClient(stack: LocalStack, coach: ApiClient, orgId: string, programId: string, options: { publish?: boolean; timeZone?: string } = {}) {
  const email = uniqueEmail('client');
  const invited = await coach.post(`/orgs/${orgId}/programs/${programId}/invites`, { email });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const client = await ApiClient.signIn(stack, email);
  const accepted = await client.post(`/invites/${await inviteTokenFromOutbox(stack, email)}/accept`, options.timeZone ? { timeZone: options.timeZone } : undefined);
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  if (options.publish !== false) await coach.post(`/orgs/${orgId}/programs/${programId}/publish`);
  return { client, email };
}

/**
 * The usual start of an end-to-end file: the local stack with its clock frozen at `now`, a loopback
 * calendar server, and a coach whose org has that calendar connected.
 */
export async function aCoachStack(options: { now: string; timeZone?: string }) {
  const stack = await startTestStack({ now: options.now });
  const ics = await IcsServer.start();
  const coach = await aCoachWithCalendar(stack, ics, { timeZone: options.timeZone });
  return {
    stack,
    ics,
    ...coach,
    async stop() {
      await stack.stop();
      await ics.stop();
    },
  };
}

export type CoachStack = Awaited<ReturnType<typeof aCoachStack>>;

/**
 * `aCoachStack` for the tests of one file: started before them and stopped after them. Call it at
 * the top of the file; its fields are there from the file's first `beforeAll` on.
 */
export function useCoachStack(options: { now: string; timeZone?: string }): CoachStack {
  const env = {} as CoachStack;
  beforeAll(async () => {
    Object.assign(env, await aCoachStack(options));
  });
  afterAll(() => env.stop?.());
  return env;
}
