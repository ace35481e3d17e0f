import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { formatInstant } from '../../shared/domain/time/instant';
import { IcsServer } from '../support/ics-server';
import { ApiClient, startTestStack, uniqueEmail } from '../support/local-stack';
import { aCoachWithCalendar, aJoinedClient, aProgram, inviteTokenFromOutbox } from '../support/scenarios-http';
import { secondsToUtcMidnight, useQuota } from '../support/quotas';
import { USER_DAILY_QUOTAS } from '../../shared/domain/rate-limits/user-quotas';

let stack: LocalStack;
let ics: IcsServer;
let coach: ApiClient;
let orgId: string;

beforeAll(async () => {
  stack = await startTestStack({ now: '2026-12-01T08:00:00Z' });
  ics = await IcsServer.start();
  ({ coach, orgId } = await aCoachWithCalendar(stack, ics, { timeZone: 'America/Chicago' }));
});
afterAll(async () => {
  await stack.stop();
  await ics.stop();
});

const base = (programId: string) => `/orgs/${orgId}/programs/${programId}`;
const activities = (program: any) => program.sections.flatMap((s: any) => s.modules.flatMap((m: any) => m.activities));
const sessionModules = (program: any) => program.sections.find((s: any) => s.kind === 'sessions').modules;
const activityOf = (program: any, kind: string) => activities(program).find((a: any) => a.kind === kind);

describe('creating a program', () => {
  it('generates the whole private space with the defaults, as a draft', async () => {
    const program = await aProgram(coach, orgId);
    expect(program).toMatchObject({
      orgId,
      type: 'one_to_one_coaching',
      name: '1:1 Coaching',
      status: 'draft',
      totalSessions: 12,
      quickCheckIns: false,
      settings: { feed: 'off', memberDirectory: 'hidden' },
      packages: [{ packageId: 'coaching', name: 'Coaching Session', durationMinutes: 60, perWeek: 1, total: 12 }],
      client: null,
    });
    expect(program.sections.map((s: any) => s.kind)).toEqual(['getting_started', 'sessions', 'looking_back', 'resources']);
    expect(activityOf(program, 'admin_guide')).toMatchObject({ visibility: 'coach_only' });
    expect(activityOf(program, 'intake').questions).toHaveLength(7);
    expect(program.homepage.sections.map((s: any) => s.key)).toEqual(['welcome', 'how_we_work', 'about_coach', 'what_to_expect']);
    expect((await coach.get(base(program.programId))).body).toEqual(program);

    const schedule = await coach.get(`/orgs/${orgId}/schedules/${program.scheduleId}`);
    expect(schedule.body).toMatchObject({ name: 'Coaching Session (60 min)', timeZone: 'America/Chicago' });
    expect(schedule.body.weekly).toEqual(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '10:00', end: '17:00' })));

    const messages = await coach.get(`${base(program.programId)}/messages`);
    expect(messages.body.items).toHaveLength(1);
    expect(messages.body.items[0].authorId).toBe(coach.userId);
  });

  it.each([1, 8, 52])('creates %i session modules, numbered, with the coaching package following', async (totalSessions) => {
    const program = await aProgram(coach, orgId, { totalSessions, name: `Package of ${totalSessions}` });
    expect(program.totalSessions).toBe(totalSessions);
    expect(sessionModules(program).map((m: any) => m.sessionNumber)).toEqual(Array.from({ length: totalSessions }, (_, i) => i + 1));
    expect(program.packages[0].total).toBe(totalSessions);
  });

  it.each([0, 53, 2.5, '12'])('refuses %j sessions with 400', async (totalSessions) => {
    const response = await coach.post(`/orgs/${orgId}/programs`, { type: 'one_to_one_coaching', totalSessions });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('totalSessions');
  });

  it('adds the quick check-in package only when asked, and keeps a price', async () => {
    const withChecks = await aProgram(coach, orgId, { quickCheckIns: true, pricePerSession: { amount: 24950, currency: 'USD' } });
    expect(withChecks.packages.map((p: any) => [p.packageId, p.durationMinutes, p.total])).toEqual([
      ['coaching', 60, 12],
      ['quick_check_in', 15, 3],
    ]);
    expect(withChecks.pricePerSession).toEqual({ amount: 24950, currency: 'USD' });
    const url = `/orgs/${orgId}/programs/${withChecks.programId}`;
    expect((await coach.patch(url, { pricePerSession: { amount: 30000, currency: 'JPY' } })).body.pricePerSession).toEqual({ amount: 30000, currency: 'JPY' });
    expect((await coach.patch(url, { pricePerSession: null })).body.pricePerSession).toBeNull();
    for (const pricePerSession of [{ amount: 249.5, currency: 'USD' }, { amount: 100, currency: 'XYZ' }, { amount: -1, currency: 'EUR' }]) {
      const refused = await coach.patch(url, { pricePerSession });
      expect(refused.status, JSON.stringify(pricePerSession)).toBe(400);
      expect(refused.body.error.details[0].field).toMatch(/^pricePerSession\./);
    }
    expect((await coach.patch(url, {})).status).toBe(400);
    const without = await aProgram(coach, orgId, { quickCheckIns: false });
    expect(without.packages).toHaveLength(1);
  });

  it('refuses with 409 calendar_not_connected when the coach has no calendar', async () => {
    const other = await ApiClient.signIn(stack, uniqueEmail('nocal'));
    const { orgId: bareOrg } = (await other.post('/orgs', { name: 'Bare', timeZone: 'UTC' })).body;
    const response = await other.post(`/orgs/${bareOrg}/programs`, { type: 'one_to_one_coaching' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('calendar_not_connected');
    expect((await other.get(`/orgs/${bareOrg}/schedules`)).body.items).toEqual([]);
  });

  it('refuses other program types and unknown fields', async () => {
    const response = await coach.post(`/orgs/${orgId}/programs`, { type: 'group', sessions: 3 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: any) => d.field).sort()).toEqual(['sessions', 'type']);
  });
});

describe('editing a program', () => {
  it('renames, adds, renames and removes modules with the totals following, and refuses to remove the last', async () => {
    const program = await aProgram(coach, orgId, { totalSessions: 2 });
    const url = base(program.programId);
    expect((await coach.patch(url, { name: 'Leadership Transition' })).body.name).toBe('Leadership Transition');

    const added = await coach.post(`${url}/modules`, { title: 'Final review' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'session', sessionNumber: 3, title: 'Final review', totalSessions: 3 });
    expect((await coach.post(`${url}/modules`)).body.sessionNumber).toBe(4);

    const [first, second] = sessionModules(program);
    expect((await coach.patch(`${url}/modules/${second.moduleId}`, { title: 'Setting direction' })).body.title).toBe('Setting direction');
    expect((await coach.delete(`${url}/modules/${first.moduleId}`)).body).toEqual({ totalSessions: 3 });

    const after = (await coach.get(url)).body;
    expect(after.totalSessions).toBe(3);
    expect(after.packages[0].total).toBe(3);
    expect(sessionModules(after).map((m: any) => [m.sessionNumber, m.title])).toEqual([
      [1, 'Setting direction'],
      [2, 'Final review'],
      [3, 'Session 3'],
    ]);

    for (const m of sessionModules(after).slice(1)) expect((await coach.delete(`${url}/modules/${m.moduleId}`)).status).toBe(200);
    const last = await coach.delete(`${url}/modules/${sessionModules(after)[0].moduleId}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_session_module');
    const welcome = after.sections[0].modules[0];
    expect((await coach.delete(`${url}/modules/${welcome.moduleId}`)).body.error.code).toBe('module_not_removable');
    expect((await coach.delete(`${url}/modules/NoSuchModule`)).status).toBe(404);
  });

  it('replaces the prep questions of every session at once, and checks them', async () => {
    const program = await aProgram(coach, orgId, { totalSessions: 3 });
    const url = base(program.programId);
    const replaced = await coach.put(`${url}/templates/session_prep`, {
      questions: [
        { prompt: 'What do you want from this hour?', type: 'text', required: true },
        { questionId: 'energy', prompt: 'Energy level this week?', type: 'rating', min: 0, max: 5 },
      ],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.questions).toEqual([
      { questionId: 'q1', prompt: 'What do you want from this hour?', type: 'text', required: true },
      { questionId: 'energy', prompt: 'Energy level this week?', type: 'rating', min: 0, max: 5, required: false },
    ]);
    const after = (await coach.get(url)).body;
    for (const module of sessionModules(after)) expect(module.activities[0].questions).toEqual(replaced.body.questions);

    const bad = await coach.put(`${url}/templates/session_reflection`, { questions: [{ prompt: 'Scale?', type: 'rating', min: 5, max: 3 }, { prompt: 'Text', type: 'text', max: 3 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual(['questions.0.max', 'questions.1.min']);
    expect((await coach.put(`${url}/templates/welcome`, { questions: [{ prompt: 'x', type: 'text' }] })).status).toBe(404);
    expect((await coach.put(`${url}/templates/session_prep`, { questions: [] })).status).toBe(400);
  });

  it('removes an activity, replaces the homepage, and publishes idempotently', async () => {
    const program = await aProgram(coach, orgId);
    const url = base(program.programId);
    const guide = activityOf(program, 'admin_guide');
    expect((await coach.delete(`${url}/activities/${guide.activityId}`)).status).toBe(204);
    expect(activityOf((await coach.get(url)).body, 'admin_guide')).toBeUndefined();
    expect((await coach.delete(`${url}/activities/${guide.activityId}`)).status).toBe(404);

    const sections = [{ key: 'about_coach', title: 'About me', body: 'Twenty years in operations, ten coaching.' }];
    expect((await coach.put(`${url}/homepage`, { sections })).body).toEqual({ sections });
    expect((await coach.get(url)).body.homepage).toEqual({ sections });
    expect((await coach.put(`${url}/homepage`, { sections: [...sections, sections[0]] })).status).toBe(400);

    const first = await coach.post(`${url}/publish`);
    expect(first.body).toEqual({ status: 'published', publishedAt: formatInstant(stack.clock.now()) });
    const again = await coach.post(`${url}/publish`);
    expect(again.body).toEqual(first.body);
  });
});

describe('joining', () => {
  it('invites by email, and the invitee joins with the token from the link', async () => {
    const program = await aProgram(coach, orgId, { name: 'Executive Presence' });
    const email = uniqueEmail('invitee');
    const invited = await coach.post(`${base(program.programId)}/invites`, { email });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email, expiresAt: '2026-12-15T08:00:00Z' });

    await stack.settle();
    const [mail] = stack.ses.outbox(email);
    expect(mail?.subject).toContain('Clear Path Coaching');
    expect(mail?.text).toMatch(/token=[A-Za-z0-9_.-]+(\s|$)/);
    const token = await inviteTokenFromOutbox(stack, email);

    const client = await ApiClient.signIn(stack, email);
    const badZone = await client.post(`/invites/${token}/accept`, { timeZone: 'Mars/Olympus_Mons' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.details[0].field).toBe('timeZone');
    const accepted = await client.post(`/invites/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ orgId, programId: program.programId });
    expect((await client.get('/me')).body.memberships).toEqual([{ orgId, role: 'client', programId: program.programId }]);
    expect((await client.post(`/invites/${token}/accept`)).status).toBe(200); // accepting twice is harmless
    await stack.settle();
    expect(stack.ses.outbox().some((m) => m.subject.includes(`${email} joined`))).toBe(true);

    const someoneElse = await ApiClient.signIn(stack, uniqueEmail('late'));
    const used = await someoneElse.post(`/invites/${token}/accept`);
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe('invite_used');
    const another = await coach.post(`${base(program.programId)}/invites`, { email: uniqueEmail('second') });
    expect(another.status).toBe(409);
    expect(another.body.error.code).toBe('program_has_client');
    expect((await coach.get(base(program.programId))).body.client).toEqual({ userId: client.userId, email, emailSuppressed: null });
  });

  it('lets only one of two outstanding invites bind a client', async () => {
    const program = await aProgram(coach, orgId);
    const [a, b] = [uniqueEmail('a'), uniqueEmail('b')];
    await coach.post(`${base(program.programId)}/invites`, { email: a });
    await coach.post(`${base(program.programId)}/invites`, { email: b });
    const first = await (await ApiClient.signIn(stack, a)).post(`/invites/${await inviteTokenFromOutbox(stack, a)}/accept`);
    const second = await (await ApiClient.signIn(stack, b)).post(`/invites/${await inviteTokenFromOutbox(stack, b)}/accept`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('program_has_client');
  });

  it('refuses an expired invite with 410 and a forged one with 404', async () => {
    const program = await aProgram(coach, orgId);
    const email = uniqueEmail('slow');
    await coach.post(`${base(program.programId)}/invites`, { email });
    const token = await inviteTokenFromOutbox(stack, email);
    const client = await ApiClient.signIn(stack, email);
    expect((await client.post(`/invites/${token.slice(0, -3)}abc/accept`)).status).toBe(404);
    expect((await client.post('/invites/not-a-token-at-all/accept')).status).toBe(404);
    await stack.scheduler.advanceTo(stack.clock.now() + 15 * 24 * 3600_000);
    const expired = await client.post(`/invites/${token}/accept`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('invite_expired');
  });
});

describe('what the client sees', () => {
  it('nothing before publishing; after it, everything but coach-only activities, ever', async () => {
    const program = await aProgram(coach, orgId);
    const url = base(program.programId);
    const { client } = await aJoinedClient(stack, coach, orgId, program.programId, { publish: false });
    expect((await client.get(url)).status).toBe(404);
    expect((await client.get(`${url}/messages`)).status).toBe(404);
    expect((await client.get(`/orgs/${orgId}/programs`)).body.items).toEqual([]);

    await coach.post(`${url}/publish`);
    const seen = await client.get(url);
    expect(seen.status).toBe(200);
    expect(activities(seen.body).some((a: any) => a.visibility === 'coach_only' || a.kind === 'admin_guide')).toBe(false);
    expect(JSON.stringify(seen.body)).not.toContain(activityOf(program, 'admin_guide').body.slice(0, 40));
    expect((await client.get(`${url}/activities/${activityOf(program, 'admin_guide').activityId}`)).status).toBe(404);
    expect((await client.get(`/orgs/${orgId}/programs`)).body.items.map((p: any) => p.programId)).toEqual([program.programId]);

    // Coach-only routes answer 403: the client belongs to the program but may not do this.
    expect((await client.patch(url, { name: 'Mine' })).status).toBe(403);
    expect((await client.post(`${url}/modules`)).status).toBe(403);
  });
});

describe('working together', () => {
  it('exchanges messages both ways, oldest first, page by page, with an email to the other side', async () => {
    const program = await aProgram(coach, orgId);
    const url = `${base(program.programId)}/messages`;
    const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId);
    for (const [who, body] of [[client, 'Hi! Quick question about Thursday.'], [coach, 'Of course, ask away.'], [client, 'Can we focus on delegation?']] as const) {
      const posted = await who.post(url, { body });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ authorId: who.userId, body });
    }
    const page1 = await client.get(`${url}?limit=2`);
    expect(page1.body.items.map((m: any) => m.body)).toEqual([expect.stringContaining('Welcome'), 'Hi! Quick question about Thursday.']);
    const page2 = await client.get(`${url}?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((m: any) => m.body)).toEqual(['Of course, ask away.', 'Can we focus on delegation?']);
    expect(page2.body.nextCursor).toBeNull();
    await stack.settle();
    expect(stack.ses.outbox(email).filter((m) => m.subject.startsWith('New message'))).toHaveLength(1);
    expect(JSON.stringify(stack.ses.outbox(email))).not.toContain('ask away'); // message text stays in the app

    expect((await client.post(url, { body: '' })).status).toBe(400);
    expect((await client.post(url, { body: 'x'.repeat(5001) })).status).toBe(400);
    expect((await client.get(`${url}?cursor=garbage`)).status).toBe(400);
  });

  it('keeps a resource library the client can read and only the coach can change', async () => {
    const program = await aProgram(coach, orgId, { totalSessions: 4 });
    const url = `${base(program.programId)}/resources`;
    const { client } = await aJoinedClient(stack, coach, orgId, program.programId);
    const added = await coach.post(url, { title: 'Delegation ladder', url: 'https://example.com/ladder.pdf', sessionNumber: 2 });
    expect(added.status).toBe(201);
    expect((await client.get(url)).body.items).toEqual([added.body]);
    expect((await client.post(url, { title: 'Mine' })).status).toBe(403);
    expect((await coach.post(url, { title: 'Too far', sessionNumber: 5 })).status).toBe(400);
    expect((await coach.post(url, { title: 'Bad link', url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await coach.delete(`${url}/${added.body.resourceId}`)).status).toBe(204);
    expect((await client.get(url)).body.items).toEqual([]);
  });

  it('takes worksheet answers from the client, and refuses every kind of bad answer', async () => {
    const program = await aProgram(coach, orgId);
    const url = base(program.programId);
    const { client } = await aJoinedClient(stack, coach, orgId, program.programId);
    const reflection = sessionModules(program)[0].activities[2];
    const answerUrl = `${url}/activities/${reflection.activityId}/response`;

    const before = await client.get(`${url}/activities/${reflection.activityId}`);
    expect(before.body).toMatchObject({ kind: 'session_reflection', response: null });

    const cases: [string, unknown, string[]][] = [
      ['unknown question', { answers: { takeaway: 'x', commitments: 'y', progress_rating: 5, mood: 'fine' } }, ['answers.mood']],
      ['missing required answer', { answers: { takeaway: 'x', progress_rating: 5 } }, ['answers.commitments']],
      ['rating above range', { answers: { takeaway: 'x', commitments: 'y', progress_rating: 11 } }, ['answers.progress_rating']],
      ['rating below range', { answers: { takeaway: 'x', commitments: 'y', progress_rating: 0 } }, ['answers.progress_rating']],
      ['fractional rating', { answers: { takeaway: 'x', commitments: 'y', progress_rating: 7.5 } }, ['answers.progress_rating']],
      ['rating as text', { answers: { takeaway: 'x', commitments: 'y', progress_rating: 'seven' } }, ['answers.progress_rating']],
      ['text as number', { answers: { takeaway: 3, commitments: 'y', progress_rating: 5 } }, ['answers.takeaway']],
      ['answers not an object', { answers: ['x'] }, ['answers']],
      ['no answers', {}, ['answers']],
      ['extra field', { answers: {}, note: 'x' }, ['note']],
    ];
    for (const [label, body, fields] of cases) {
      const response = await client.put(answerUrl, body);
      expect(response.status, label).toBe(400);
      expect(response.body.error.details.map((d: any) => d.field).filter((f: string) => fields.includes(f)), label).toEqual(fields);
    }

    const good = await client.put(answerUrl, { answers: { takeaway: 'Ask before assuming', commitments: 'One hard conversation', progress_rating: 6 } });
    expect(good.status).toBe(200);
    const seenByCoach = await coach.get(`${url}/activities/${reflection.activityId}`);
    expect(seenByCoach.body.response).toMatchObject({ answers: { takeaway: 'Ask before assuming', commitments: 'One hard conversation', progress_rating: 6 }, submittedAt: formatInstant(stack.clock.now()) });

    expect((await coach.put(answerUrl, { answers: { takeaway: 'x', commitments: 'y', progress_rating: 5 } })).status).toBe(403);
    const booking = sessionModules(program)[0].activities[1];
    const notWorksheet = await client.put(`${url}/activities/${booking.activityId}/response`, { answers: {} });
    expect(notWorksheet.status).toBe(409);
    expect(notWorksheet.body.error.code).toBe('not_a_worksheet');
  });

  it('keeps action items per session: the coach writes them, either side ticks them off', async () => {
    const program = await aProgram(coach, orgId);
    const url = base(program.programId);
    const { client } = await aJoinedClient(stack, coach, orgId, program.programId);
    const [one, two] = sessionModules(program);
    const created = await coach.post(`${url}/modules/${one.moduleId}/action-items`, { text: 'Block two focus hours daily', dueDate: '2026-12-08' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ moduleId: one.moduleId, text: 'Block two focus hours daily', done: false, dueDate: '2026-12-08' });
    await coach.post(`${url}/modules/${two.moduleId}/action-items`, { text: 'Draft the team charter' });

    const ticked = await client.patch(`${url}/action-items/${created.body.actionItemId}`, { done: true });
    expect(ticked.body).toMatchObject({ done: true, doneAt: formatInstant(stack.clock.now()) });
    expect((await client.patch(`${url}/action-items/${created.body.actionItemId}`, { text: 'Easier' })).status).toBe(403);
    expect((await client.get(`${url}/action-items`)).body.items).toHaveLength(2);
    expect((await client.get(`${url}/action-items?moduleId=${two.moduleId}`)).body.items.map((i: any) => i.text)).toEqual(['Draft the team charter']);

    expect((await client.post(`${url}/modules/${one.moduleId}/action-items`, { text: 'Mine' })).status).toBe(403);
    const welcome = program.sections[0].modules[0];
    expect((await coach.post(`${url}/modules/${welcome.moduleId}/action-items`, { text: 'x' })).body.error.code).toBe('not_a_session_module');
    expect((await coach.post(`${url}/modules/${one.moduleId}/action-items`, { text: 'x', dueDate: '2026-02-30' })).status).toBe(400);
    expect((await coach.delete(`${url}/action-items/${created.body.actionItemId}`)).status).toBe(204);
    expect((await coach.patch(`${url}/action-items/${created.body.actionItemId}`, { done: false })).status).toBe(404);
  });
});

describe('daily quotas of one person (a self-sign-up pool is open to anyone)', () => {
  const expectQuotaReached = (answer: { status: number; body: any; headers: Headers }, what: string) => {
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 429, code: 'too_many_requests' });
    expect(answer.body.error.message).toContain(what);
    expect(Number(answer.headers.get('retry-after'))).toBe(secondsToUtcMidnight(stack));
  };

  it('stops programs, invitations and messages past the day’s limit without writing them, and starts afresh at midnight UTC', async () => {
    const other = await aCoachWithCalendar(stack, ics);
    const mine = other.coach;
    const programsOf = async () => (await mine.get(`/orgs/${other.orgId}/programs`)).body.items.length;

    await useQuota(stack, mine.userId!, 'programs', USER_DAILY_QUOTAS.programs.limit - 1);
    const last = await aProgram(mine, other.orgId);
    expectQuotaReached(await mine.post(`/orgs/${other.orgId}/programs`, { type: 'one_to_one_coaching' }), 'programs');
    expect(await programsOf()).toBe(1);
    // Another coach's quota is their own.
    expect((await coach.post(`/orgs/${orgId}/programs`, { type: 'one_to_one_coaching' })).status).toBe(201);

    const url = `/orgs/${other.orgId}/programs/${last.programId}`;
    await useQuota(stack, mine.userId!, 'invites', USER_DAILY_QUOTAS.invites.limit - 1);
    expect((await mine.post(`${url}/invites`, { email: uniqueEmail('first') })).status).toBe(201);
    const refusedEmail = uniqueEmail('refused');
    expectQuotaReached(await mine.post(`${url}/invites`, { email: refusedEmail }), 'invitations');
    await stack.settle();
    expect(stack.ses.outbox(refusedEmail)).toEqual([]);

    await useQuota(stack, mine.userId!, 'messages', USER_DAILY_QUOTAS.messages.limit - 1);
    expect((await mine.post(`${url}/messages`, { body: 'Looking forward to our first session.' })).status).toBe(201);
    expectQuotaReached(await mine.post(`${url}/messages`, { body: 'One too many.' }), 'messages');
    expect((await mine.get(`${url}/messages`)).body.items.map((m: any) => m.body)).not.toContain('One too many.');

    await stack.scheduler.advanceTo(stack.clock.now() + secondsToUtcMidnight(stack) * 1000);
    expect((await mine.post(`/orgs/${other.orgId}/programs`, { type: 'one_to_one_coaching' })).status).toBe(201);
    expect((await mine.post(`${url}/messages`, { body: 'A new day.' })).status).toBe(201);
  });
});
