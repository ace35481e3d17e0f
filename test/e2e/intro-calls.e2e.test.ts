import { beforeAll, describe, expect, it } from 'vitest';
import { inviteOf } from '../support/ics-parse';
import { ApiClient, uniqueEmail } from '../support/local-stack';
import { aJoinedClient, aProgram, moveClock, useCoachStack } from '../support/scenarios-http';

/**
 * Free intro calls over HTTP, as a prospect's browser and the coach's app use them. The local
 * clock starts at Tuesday 1 December 2026, 08:00 UTC; the coach works in London (UTC in winter)
 * and offers intro calls Monday to Friday 09:00–17:00 in 15-minute steps; their coaching client
 * books from the default schedule (weekdays 10:00–17:00).
 */
const env = useCoachStack({ now: '2026-12-01T08:00:00Z', timeZone: 'Europe/London' });
let client: ApiClient;
let sessionsUrl: string;
let visitor: ApiClient; // a prospect's browser: no token

beforeAll(async () => {
  visitor = env.coach.anonymous();
  const schedule = await env.coach.post(`/orgs/${env.orgId}/schedules`, {
    name: 'Intro calls',
    timeZone: 'Europe/London',
    weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
    slotIntervalMinutes: 15,
  });
  const enabled = await env.coach.patch(`/orgs/${env.orgId}`, {
    introCalls: { enabled: true, scheduleId: schedule.body.scheduleId, questions: [{ questionId: 'goal', prompt: 'What would you like to work on?', required: true }] },
  });
  expect(enabled.status).toBe(200);
  const program = await aProgram(env.coach, env.orgId);
  ({ client } = await aJoinedClient(env.stack, env.coach, env.orgId, program.programId));
  sessionsUrl = `/orgs/${env.orgId}/programs/${program.programId}`;
});

const book = (fields: Record<string, unknown> = {}) =>
  visitor.post(`/orgs/${env.orgId}/intro-calls`, {
    name: 'Sam Rivera',
    email: uniqueEmail('prospect'),
    timeZone: 'America/New_York',
    answers: { goal: 'Leading my first team' },
    ...fields,
  });
const slots = async (from: string, to: string) => (await visitor.get(`/orgs/${env.orgId}/intro-calls/availability?from=${from}&to=${to}`)).body.slots.map((s: any) => s.start);
const mails = (to: string, subject: string) => env.stack.ses.outbox(to).filter((m) => m.subject.includes(subject));
const tokenIn = (to: string) => {
  const mail = mails(to, 'Your intro call')[0];
  const match = mail ? /intro-call\?token=([^\s"&<]+)/.exec(mail.text) : null;
  if (!match?.[1]) throw new Error(`No intro-call link for ${to}`);
  return decodeURIComponent(match[1]);
};

describe('booking an intro call without an account', () => {
  it('offers slots only — times, never what else the coach has on', async () => {
    const response = await visitor.get(`/orgs/${env.orgId}/intro-calls/availability?from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ coachName: 'Clear Path Coaching', timeZone: 'Europe/London', durationMinutes: 15 });
    expect(response.body.questions).toEqual([{ questionId: 'goal', prompt: 'What would you like to work on?', required: true }]);
    expect(response.body.slots[0]).toEqual({ start: '2026-12-02T09:00:00Z', end: '2026-12-02T09:15:00Z' });
    expect(response.body.slots).toHaveLength(32);
    expect(response.body.slots.every((s: object) => Object.keys(s).join() === 'start,end')).toBe(true);
  });

  it('books, emails both sides an invite (the prospect in their own zone), and takes the time from sessions too', async () => {
    const email = uniqueEmail('prospect');
    const booked = await book({ email, start: '2026-12-02T14:00:00Z' });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ orgId: env.orgId, start: '2026-12-02T14:00:00Z', end: '2026-12-02T14:15:00Z', status: 'confirmed', name: 'Sam Rivera', email, canChange: true });
    expect(booked.body).not.toHaveProperty('secretHash');

    await env.stack.settle();
    const [prospectMail] = mails(email, 'Your intro call');
    expect(prospectMail?.text).toContain('Hello Sam Rivera,');
    expect(prospectMail?.text).toContain('09:00 – 09:15 EST');
    const invite = inviteOf(prospectMail);
    expect(invite.method).toBe('REQUEST');
    expect(invite.event.start.toISOString()).toBe('2026-12-02T14:00:00.000Z');
    const [coachMail] = mails(env.coachEmail, 'New intro call: Sam Rivera');
    expect(coachMail?.text).toContain('Leading my first team');
    expect(inviteOf(coachMail).event.uid).toBe(invite.event.uid);
    const feed = await (await fetch(env.feedUrl)).text();
    expect(feed).toContain(`UID:${booked.body.introCallId}@127.0.0.1`);

    expect(await slots('2026-12-02T13:00:00Z', '2026-12-02T15:00:00Z')).not.toContain('2026-12-02T14:00:00Z');
    // The client's 60-minute sessions that would overlap are gone from their availability and refused.
    const sessionSlots = (await client.get(`${sessionsUrl}/availability?from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`)).body.slots.map((s: any) => s.start);
    expect(sessionSlots).not.toContain('2026-12-02T13:30:00Z');
    expect(sessionSlots).not.toContain('2026-12-02T14:00:00Z');
    const refused = await client.post(`${sessionsUrl}/bookings`, { start: '2026-12-02T13:30:00Z' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
  });

  it('refuses an intro call over a coaching session', async () => {
    expect((await client.post(`${sessionsUrl}/bookings`, { start: '2026-12-02T10:00:00Z' })).status).toBe(201);
    const refused = await book({ start: '2026-12-02T10:45:00Z' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
    expect(await slots('2026-12-02T09:00:00Z', '2026-12-02T12:00:00Z')).toEqual(['2026-12-02T09:00:00Z', '2026-12-02T09:15:00Z', '2026-12-02T09:30:00Z', '2026-12-02T09:45:00Z', '2026-12-02T11:00:00Z', '2026-12-02T11:15:00Z', '2026-12-02T11:30:00Z', '2026-12-02T11:45:00Z']);
  });

  it.each([
    ['an email without a domain', { email: 'sam@' }, 'email'],
    ['an email with two @', { email: 'sam@@example.com' }, 'email'],
    ['an email with a space', { email: 'sam rivera@example.com' }, 'email'],
    ['a name with a control character', { name: 'Sam\u0007 Rivera' }, 'name'],
    ['a name with a right-to-left override', { name: 'Sam \u202eareviR' }, 'name'],
    ['a name of 200 characters', { name: 'S'.repeat(200) }, 'name'],
    ['a zone that does not exist', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['an unknown field', { phone: '555' }, 'phone'],
    ['an answer to no question', { answers: { goal: 'x', age: '40' } }, 'answers.age'],
    ['no answer to a required question', { answers: {} }, 'answers.goal'],
  ])('refuses %s with 400', async (_label, fields, field) => {
    const response = await book({ start: '2026-12-07T09:00:00Z', ...fields });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
  });

  it('refuses a body over 8 KB with 413', async () => {
    const response = await visitor.send('POST', `/orgs/${env.orgId}/intro-calls`, undefined, JSON.stringify({ name: 'Sam', email: 'sam@example.com', start: '2026-12-07T09:00:00Z', timeZone: 'UTC', answers: { goal: 'x'.repeat(9000) } }));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('answers the same 404 for an org that takes no intro calls and one that does not exist', async () => {
    await moveClock(env.stack, { advanceMinutes: 1 });
    const other = await ApiClient.signIn(env.stack, uniqueEmail('coach'));
    const quiet = (await other.post('/orgs', { name: 'Quiet Practice', timeZone: 'UTC' })).body.orgId as string;
    const answers = [];
    for (const id of [quiet, 'no-such-org']) {
      answers.push(await visitor.get(`/orgs/${id}/intro-calls/availability?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z`));
      answers.push(await visitor.post(`/orgs/${id}/intro-calls`, { name: 'Sam', email: 'sam@example.com', start: '2026-12-07T09:00:00Z', timeZone: 'UTC' }));
    }
    for (const answer of answers) expect({ status: answer.status, body: answer.body }).toEqual({ status: 404, body: answers[0]?.body });
    // Turned off again, this org is as closed as the others.
    const schedule = (await env.coach.get(`/orgs/${env.orgId}`)).body.introCalls.scheduleId;
    await env.coach.patch(`/orgs/${env.orgId}`, { introCalls: { enabled: false, scheduleId: schedule } });
    expect((await visitor.get(`/orgs/${env.orgId}/intro-calls/availability?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z`)).body).toEqual(answers[0]?.body);
    expect((await book({ start: '2026-12-07T09:00:00Z' })).status).toBe(404);
    await env.coach.patch(`/orgs/${env.orgId}`, { introCalls: { enabled: true, scheduleId: schedule, questions: [{ questionId: 'goal', prompt: 'What would you like to work on?', required: true }] } });
  });

  it('lets exactly one of 19 intro calls and a client’s session racing for the same hour win', async () => {
    await moveClock(env.stack, { advanceMinutes: 1 }); // a fresh minute for this address's limit
    const start = '2026-12-15T10:00:00Z'; // a week in which the client still has a session to book
    const results = await Promise.all([...Array.from({ length: 19 }, () => book({ start })), client.post(`${sessionsUrl}/bookings`, { start })]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.error.code === 'slot_unavailable')).toBe(true);
    expect(await slots('2026-12-15T09:00:00Z', '2026-12-15T11:00:00Z')).not.toContain(start);
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After once an address has made 20 changes in a minute', async () => {
    await moveClock(env.stack, { advanceMinutes: 1 });
    const attempts = await Promise.all(Array.from({ length: 20 }, () => book({ start: '2026-12-05T09:00:00Z' }))); // a Saturday: counted, refused
    expect(attempts.every((r) => r.status === 409)).toBe(true);
    const limited = await book({ start: '2026-12-07T09:00:00Z' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_requests');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await moveClock(env.stack, { advanceMinutes: 1 });
    expect((await book({ start: '2026-12-07T09:00:00Z' })).status).toBe(201);
  });

  it('holds one email to 3 upcoming calls with the coach and 5 bookings a day', async () => {
    await moveClock(env.stack, { advanceMinutes: 1 });
    const email = uniqueEmail('eager');
    for (const start of ['2026-12-07T10:00:00Z', '2026-12-07T10:30:00Z', '2026-12-07T11:00:00Z']) expect((await book({ email, start })).status).toBe(201);
    const fourth = await book({ email: email.toUpperCase(), start: '2026-12-07T11:30:00Z' });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);

    // Cancelling frees room among the upcoming, but the day's bookings still count.
    await env.stack.settle();
    const tokens = env.stack.ses.outbox(email).filter((m) => m.subject.includes('Your intro call')).map((m) => decodeURIComponent(/token=([^\s"&<]+)/.exec(m.text)?.[1] ?? ''));
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect((await visitor.post(`/intro-calls/by-token/${token}/cancel`)).status).toBe(200);
    expect((await book({ email, start: '2026-12-07T12:00:00Z' })).status).toBe(201);
    expect((await book({ email, start: '2026-12-07T12:30:00Z' })).status).toBe(201);
    const sixth = await book({ email, start: '2026-12-07T13:00:00Z' });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(3600);
  });
});

describe('the prospect’s link, and the coach’s side', () => {
  it('shows the call, moves it, and cancelling through the emailed link frees the time', async () => {
    await moveClock(env.stack, { advanceMinutes: 1 });
    const email = uniqueEmail('mover');
    expect((await book({ email, start: '2026-12-08T10:00:00Z' })).status).toBe(201);
    await env.stack.settle();
    const token = tokenIn(email);
    const shown = await visitor.get(`/intro-calls/by-token/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ orgId: env.orgId, coachName: 'Clear Path Coaching', start: '2026-12-08T10:00:00Z', status: 'confirmed', canChange: true });
    expect((await visitor.get(`/intro-calls/by-token/${token.slice(0, -3)}abc`)).status).toBe(404);

    const moved = await visitor.post(`/intro-calls/by-token/${token}/reschedule`, { start: '2026-12-08T15:00:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe('2026-12-08T15:00:00Z');
    expect(await slots('2026-12-08T09:00:00Z', '2026-12-08T17:00:00Z')).toContain('2026-12-08T10:00:00Z');
    await env.stack.settle();
    const [movedMail] = mails(email, 'Moved');
    expect(String(inviteOf(movedMail).event.sequence)).toBe('1');
    expect(movedMail?.text).toContain('intro-call?token='); // the prospect can still reach their call
    expect((await visitor.post(`/intro-calls/by-token/${token}/reschedule`, { start: '2026-12-08T10:00:00Z' })).status).toBe(200);
    const taken = await visitor.post(`/intro-calls/by-token/${token}/reschedule`, { start: '2026-12-02T14:00:00Z' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_unavailable');

    const cancelled = await visitor.post(`/intro-calls/by-token/${token}/cancel`, { reason: 'Found a coach closer to home' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canChange: false });
    await env.stack.settle();
    expect(inviteOf(mails(email, 'Cancelled')[0]).method).toBe('CANCEL');
    expect(mails(env.coachEmail, 'Cancelled: intro call with Sam Rivera')).not.toHaveLength(0);
    expect(env.stack.scheduler.pending().filter((s) => s.name.startsWith(cancelled.body.introCallId))).toEqual([]);
    expect(await slots('2026-12-08T09:00:00Z', '2026-12-08T17:00:00Z')).toContain('2026-12-08T10:00:00Z');
    expect((await client.post(`${sessionsUrl}/bookings`, { start: '2026-12-08T10:00:00Z' })).status).toBe(201);
    expect((await visitor.post(`/intro-calls/by-token/${token}/cancel`)).body.error.code).toBe('intro_call_not_active');
  });

  it('lists the coach’s calls in time order, lets only the coach cancel, and keeps strangers out', async () => {
    await moveClock(env.stack, { advanceMinutes: 1 });
    const booked = await book({ start: '2026-12-09T09:00:00Z' });
    const list = await env.coach.get(`/orgs/${env.orgId}/intro-calls?status=confirmed`);
    expect(list.status).toBe(200);
    const starts = list.body.items.map((c: any) => c.start);
    expect(starts).toEqual([...starts].sort());
    expect(list.body.items.find((c: any) => c.introCallId === booked.body.introCallId)).toMatchObject({ name: 'Sam Rivera', answers: [{ questionId: 'goal', answer: 'Leading my first team' }] });
    expect((await client.get(`/orgs/${env.orgId}/intro-calls`)).status).toBe(403);
    expect((await visitor.get(`/orgs/${env.orgId}/intro-calls`)).status).toBe(401);
    expect((await client.post(`/orgs/${env.orgId}/intro-calls/${booked.body.introCallId}/cancel`)).status).toBe(403);
    const cancelled = await env.coach.post(`/orgs/${env.orgId}/intro-calls/${booked.body.introCallId}/cancel`, { reason: 'Unwell' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'coach', cancelReason: 'Unwell' });
    expect(await slots('2026-12-09T09:00:00Z', '2026-12-09T10:00:00Z')).toContain('2026-12-09T09:00:00Z');
  });

  it('starts a program from an intro call, inviting the prospect by name', async () => {
    const email = uniqueEmail('convert');
    const booked = await book({ email, name: 'Ada Okafor', start: '2026-12-09T11:00:00Z' });
    const program = await env.coach.post(`/orgs/${env.orgId}/programs`, { type: 'one_to_one_coaching', fromIntroCallId: booked.body.introCallId });
    expect(program.status).toBe(201);
    expect(program.body.invite).toMatchObject({ email, name: 'Ada Okafor' });
    await env.stack.settle();
    const [invitation] = mails(email, 'private coaching space');
    expect(invitation?.text).toContain('Hello Ada Okafor,');
    const again = await env.coach.post(`/orgs/${env.orgId}/programs`, { type: 'one_to_one_coaching', fromIntroCallId: booked.body.introCallId });
    expect(again.body.error.code).toBe('intro_call_converted');
    expect((await env.coach.post(`/orgs/${env.orgId}/programs`, { type: 'one_to_one_coaching', fromIntroCallId: 'nothing' })).status).toBe(400);
    expect((await env.coach.get(`/orgs/${env.orgId}/intro-calls`)).body.items.find((c: any) => c.introCallId === booked.body.introCallId).programId).toBe(program.body.programId);
  });

  it('reminds both sides 24 hours and 1 hour before, once each, through the session reminder Lambda', async () => {
    const email = uniqueEmail('remind');
    const booked = await book({ email, start: '2026-12-10T15:00:00Z' });
    await env.stack.settle();
    const schedules = env.stack.scheduler.pending().filter((s) => s.name.startsWith(booked.body.introCallId));
    expect(schedules.map((s) => s.name).sort()).toEqual([`${booked.body.introCallId}-reminder-1h`, `${booked.body.introCallId}-reminder-24h`]);
    await moveClock(env.stack, { to: '2026-12-09T15:00:00Z' });
    await moveClock(env.stack, { to: '2026-12-10T14:00:00Z' });
    await env.stack.settle();
    expect(mails(email, 'is tomorrow')).toHaveLength(1);
    expect(mails(email, 'is in an hour')).toHaveLength(1);
    expect(mails(env.coachEmail, 'Reminder: intro call with Sam Rivera in an hour, Thu 10 Dec, 15:00')).toHaveLength(1);
    // A second delivery of the same reminder sends nothing.
    for (const schedule of schedules) expect(await env.stack.deliver(schedule.targetArn, JSON.parse(schedule.input))).toMatchObject({ outcome: 'already_done' });
    await env.stack.settle();
    expect(mails(email, 'is in an hour')).toHaveLength(1);
  });
});
