import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { ApiClient, startTestStack, uniqueEmail } from '../support/local-stack';
import { aWeekdaySchedule } from '../support/scenarios';

let stack: LocalStack;
let coach: ApiClient;
let otherCoach: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  coach = await ApiClient.signIn(stack, uniqueEmail('coach'));
  otherCoach = await ApiClient.signIn(stack, uniqueEmail('other'));
});
afterAll(() => stack.stop());

async function anOrg(as: ApiClient = coach): Promise<string> {
  const created = await as.post('/orgs', { name: 'Clear Path Coaching', timeZone: 'America/New_York' });
  expect(created.status).toBe(201);
  return created.body.orgId as string;
}

describe('the first slice, as a new user calls it', () => {
  it('answers /health without a token', async () => {
    const response = await coach.anonymous().get('/health');
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('issues local tokens: the same email always gives the same user', async () => {
    const email = uniqueEmail('same');
    const first = await coach.anonymous().post('/_local/token', { email });
    const second = await coach.anonymous().post('/_local/token', { email: email.toUpperCase() });
    expect(first.status).toBe(200);
    expect(second.body.userId).toBe(first.body.userId);
    expect((await coach.anonymous().post('/_local/token', { email: 'not-an-email' })).status).toBe(400);
  });

  it('refuses a missing, forged or foreign token with 401', async () => {
    expect((await coach.anonymous().get('/me')).status).toBe(401);
    const forged = new ApiClient(stack.url, `${coach.token?.slice(0, -4)}AAAA`);
    expect((await forged.get('/me')).status).toBe(401);
    const garbage = new ApiClient(stack.url, 'not.a.jwt');
    const response = await garbage.post('/orgs', { name: 'x', timeZone: 'UTC' });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('creates an org, makes the caller its coach, and lets them change it', async () => {
    const orgId = await anOrg();
    const me = await coach.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.userId).toBe(coach.userId);
    expect(me.body.memberships).toContainEqual({ orgId, role: 'coach' });

    const patched = await coach.patch(`/orgs/${orgId}`, { name: 'Clear Path', meetingUrl: 'https://meet.example.com/cp' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ orgId, name: 'Clear Path', timeZone: 'America/New_York', meetingUrl: 'https://meet.example.com/cp' });
    expect((await coach.get(`/orgs/${orgId}`)).body.name).toBe('Clear Path');
  });

  it('answers 400 with the bad fields named', async () => {
    const response = await coach.post('/orgs', { name: '  ', timeZone: 'Mars/Olympus', plan: 'gold' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'plan', 'timeZone']);

    const notJson = await coach.send('POST', '/orgs', undefined, '{"name": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.details).toEqual([{ field: 'body', message: 'The body is not valid JSON.' }]);

    const orgId = await anOrg();
    const badPatch = await coach.patch(`/orgs/${orgId}`, { meetingUrl: 'http://insecure.example.com' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error.details[0].field).toBe('meetingUrl');
    expect((await coach.patch(`/orgs/${orgId}`, {})).status).toBe(400);
  });

  it('answers 404 for another coach’s org, for its schedules, and for ids that cannot exist', async () => {
    const orgId = await anOrg();
    const scheduleId = (await coach.post(`/orgs/${orgId}/schedules`, aWeekdaySchedule())).body.scheduleId as string;
    for (const response of [
      await otherCoach.get(`/orgs/${orgId}`),
      await otherCoach.patch(`/orgs/${orgId}`, { name: 'Mine now' }),
      await otherCoach.get(`/orgs/${orgId}/schedules`),
      await otherCoach.post(`/orgs/${orgId}/schedules`, aWeekdaySchedule()),
      await otherCoach.get(`/orgs/${orgId}/schedules/${scheduleId}`),
      await otherCoach.patch(`/orgs/${orgId}/schedules/${scheduleId}`, { name: 'x' }),
      await coach.get(`/orgs/${orgId}/schedules/unknownScheduleId`),
      await coach.get('/orgs/ORG%23abc'),
      await coach.get('/no/such/route'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect((await coach.get(`/orgs/${orgId}`)).body.name).toBe('Clear Path Coaching');
  });
});

describe('schedules', () => {
  it('are created with defaults, read back, listed and patched', async () => {
    const orgId = await anOrg();
    const created = await coach.post(`/orgs/${orgId}/schedules`, {
      name: 'Weekday coaching',
      timeZone: 'Europe/London',
      weekly: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '13:00', end: '17:30' },
        { day: 'thu', start: '10:00', end: '16:00' },
      ],
      overrides: [{ date: '2026-12-24', intervals: [] }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Weekday coaching', bufferMinutes: 0, minimumNoticeMinutes: 0, slotIntervalMinutes: 30 });
    const { scheduleId } = created.body;

    expect((await coach.get(`/orgs/${orgId}/schedules/${scheduleId}`)).body).toEqual(created.body);
    const list = await coach.get(`/orgs/${orgId}/schedules`);
    expect(list.body).toEqual({ items: [created.body], nextCursor: null });

    const patched = await coach.patch(`/orgs/${orgId}/schedules/${scheduleId}`, { bufferMinutes: 15, overrides: [{ date: '2026-12-31', intervals: [{ start: '09:00', end: '12:00' }] }] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ bufferMinutes: 15, overrides: [{ date: '2026-12-31', intervals: [{ start: '09:00', end: '12:00' }] }], weekly: created.body.weekly });
  });

  it.each([
    ['an unknown zone', { timeZone: 'Europe/Lodon' }, ['timeZone']],
    ['a time that is not HH:mm', { weekly: [{ day: 'mon', start: '9:00', end: '17:00' }] }, ['weekly.0.start']],
    ['a start after the end', { weekly: [{ day: 'mon', start: '17:00', end: '09:00' }] }, ['weekly.0.end']],
    ['an unknown day', { weekly: [{ day: 'monday', start: '09:00', end: '17:00' }] }, ['weekly.0.day']],
    ['overlapping windows', { weekly: [{ day: 'fri', start: '09:00', end: '12:00' }, { day: 'fri', start: '11:00', end: '13:00' }] }, ['weekly.1']],
    ['an override on a date that does not exist', { overrides: [{ date: '2026-02-30', intervals: [] }] }, ['overrides.0.date']],
    ['two overrides for one date', { overrides: [{ date: '2026-12-24', intervals: [] }, { date: '2026-12-24', intervals: [] }] }, ['overrides.1.date']],
    ['a buffer out of range', { bufferMinutes: 500 }, ['bufferMinutes']],
    ['a negative notice', { minimumNoticeMinutes: -5 }, ['minimumNoticeMinutes']],
    ['a slot interval off the grid', { slotIntervalMinutes: 7 }, ['slotIntervalMinutes']],
    ['a slot interval of zero', { slotIntervalMinutes: 0 }, ['slotIntervalMinutes']],
  ])('refuse %s with 400 naming the field', async (_label, change, fields) => {
    const orgId = await anOrg();
    const response = await coach.post(`/orgs/${orgId}/schedules`, aWeekdaySchedule(change as never));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(fields);
  });

  it('refuse a PATCH that would make the schedule invalid, and keep the old one', async () => {
    const orgId = await anOrg();
    const { scheduleId } = (await coach.post(`/orgs/${orgId}/schedules`, aWeekdaySchedule())).body;
    const response = await coach.patch(`/orgs/${orgId}/schedules/${scheduleId}`, { weekly: [{ day: 'sat', start: '12:00', end: '10:00' }] });
    expect(response.status).toBe(400);
    expect((await coach.get(`/orgs/${orgId}/schedules/${scheduleId}`)).body.weekly).toHaveLength(5);
  });
});
