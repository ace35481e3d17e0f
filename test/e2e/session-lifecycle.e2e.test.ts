import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSchedule } from '../../local/local-scheduler';
import type { LocalStack } from '../../local/stack';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';

/**
 * Sessions walked through by the local clock, which only moves forward: the steps of this file run
 * in order. Monday 30 November 2026, 08:00 UTC; the coach is in London (UTC in winter), clients in
 * New York (UTC−5).
 */
let stack: LocalStack;
let coach: ApiClient;
let coachEmail: string;
let orgId: string;

interface Session {
  client: ApiClient;
  email: string;
  url: string;
  bookingId: string;
  program: any;
}

async function aBookedSession(start: string): Promise<Session> {
  const program = await aProgram(coach, orgId);
  const { client, email } = await aJoinedClient(stack, coach, orgId, program.programId, { timeZone: 'America/New_York' });
  const url = `/orgs/${orgId}/programs/${program.programId}`;
  const booked = await client.post(`${url}/bookings`, { start });
  expect(booked.status).toBe(201);
  return { client, email, url, bookingId: booked.body.bookingId, program };
}

const moveClockTo = (iso: string) => moveClock(stack, { to: iso });
const mails = (to: string, subject: string) => stack.ses.outbox(to).filter((m) => m.subject.includes(subject));
const schedulesOf = (bookingId: string) => stack.scheduler.pending().filter((s) => s.name.startsWith(bookingId));

let joined: Session; // joins in time
let absent: Session; // never joins
let marked: Session; // marked by the coach
let moved: Session; // rescheduled after its reminder was planned
let captured: LocalSchedule[] = [];
let movedSchedules: LocalSchedule[] = [];

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, coach, coachEmail, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
  joined = await aBookedSession('2026-12-02T14:00:00Z');
  absent = await aBookedSession('2026-12-02T16:00:00Z');
  marked = await aBookedSession('2026-12-03T10:00:00Z');
  moved = await aBookedSession('2026-12-04T10:00:00Z');
  await stack.settle();
  movedSchedules = schedulesOf(moved.bookingId);
});
afterAll(() => stop());

describe('one session, from booking to completion', () => {
  it('plans a 24-hour and a 1-hour reminder and a no-show check for each booking', async () => {
    const schedules = (await coach.anonymous().get('/_local/schedules')).body.items.filter((s: any) => s.name.startsWith(joined.bookingId));
    expect(schedules.map((s: any) => [s.name.slice(joined.bookingId.length), s.at, s.target])).toEqual([
      ['-reminder-24h', '2026-12-01T14:00:00Z', 'rapport-local-reminder'],
      ['-reminder-1h', '2026-12-02T13:00:00Z', 'rapport-local-reminder'],
      ['-no-show', '2026-12-02T14:15:00Z', 'rapport-local-noShow'],
    ]);
    expect(schedules[0].input).toMatchObject({ kind: 'reminder', bookingId: joined.bookingId, lead: '24h' });
    for (const schedule of schedulesOf(joined.bookingId)) {
      expect(schedule).toMatchObject({ actionAfterCompletion: 'DELETE', flexibleWindow: 'OFF', timezone: 'UTC', deadLetterArn: expect.stringContaining('scheduleDelivery') });
    }
  });

  it('reminds both a day before, each in their own zone, with the way in and what is still open', async () => {
    const sessionModule = joined.program.sections[1].modules[0];
    await coach.post(`${joined.url}/modules/${sessionModule.moduleId}/action-items`, { text: 'Draft the team charter' });
    captured = [...schedulesOf(joined.bookingId), ...schedulesOf(absent.bookingId)];

    const fired = await moveClockTo('2026-12-01T14:00:00Z');
    expect(fired.map((f) => f.name)).toContain(`${joined.bookingId}-reminder-24h`);
    const [toCoach] = mails(coachEmail, 'Reminder').filter((m) => m.text.includes(joined.email));
    const [toClient] = mails(joined.email, 'Reminder');
    expect(toCoach?.text).toContain('Wednesday, 2 December 2026, 14:00 – 15:00 GMT');
    expect(toClient?.text).toContain('Wednesday, 2 December 2026, 09:00 – 10:00 EST');
    expect(toClient?.text).toContain('prep form for this session is still empty');
    expect(toClient?.text).toContain('"Draft the team charter"');
    expect(toClient?.text).toContain(`/bookings/${joined.bookingId}`);
    expect(toClient?.text).toContain('joining opens 15 minutes before the start');
  });

  it('reminds again an hour before, noticing the prep form is done', async () => {
    const prep = joined.program.sections[1].modules[0].activities[0];
    expect((await joined.client.put(`${joined.url}/activities/${prep.activityId}/response`, { answers: { focus: 'Delegating without losing quality' } })).status).toBe(200);
    await moveClockTo('2026-12-02T13:00:00Z');
    const hourBefore = mails(joined.email, 'Reminder').filter((m) => m.subject.includes('in an hour'));
    expect(hourBefore).toHaveLength(1);
    expect(hourBefore[0]?.text).toContain('Thank you for filling in your prep form.');
    expect(mails(coachEmail, 'Reminder').filter((m) => m.subject.includes('in an hour') && m.text.includes(joined.email))).toHaveLength(1);
  });

  it('opens joining 15 minutes before the start, not 20', async () => {
    await moveClockTo('2026-12-02T13:40:00Z');
    const early = await joined.client.post(`${joined.url}/bookings/${joined.bookingId}/join`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('join_not_open');
    await moveClockTo('2026-12-02T13:50:00Z');
    const onTime = await joined.client.post(`${joined.url}/bookings/${joined.bookingId}/join`);
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({ opensAt: '2026-12-02T13:45:00Z', closesAt: '2026-12-02T15:00:00Z' });
    expect(onTime.body.joinUrl).toMatch(/^http/);
    expect((await coach.get(`${joined.url}/bookings/${joined.bookingId}`)).body).toMatchObject({ clientJoinedAt: '2026-12-02T13:50:00Z', coachJoinedAt: null });
  });

  it('does not mark a client who joined as a no-show; marks one who never joined, and tells both', async () => {
    await moveClockTo('2026-12-02T14:16:00Z');
    expect((await joined.client.get(`${joined.url}/bookings/${joined.bookingId}`)).body.status).toBe('confirmed');
    expect(mails(joined.email, 'missed')).toEqual([]);

    await moveClockTo('2026-12-02T16:16:00Z');
    expect((await absent.client.get(`${absent.url}/bookings/${absent.bookingId}`)).body.status).toBe('no_show');
    expect(mails(absent.email, 'We missed you')).toHaveLength(1);
    expect(mails(coachEmail, `No-show: Session 1 with ${absent.email}`)).toHaveLength(1);
    expect((await absent.client.get(`${absent.url}/availability?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z`)).body.remaining).toBe(11); // used up
  });

  it('counts a session that ended without a no-show as completed', async () => {
    expect((await joined.client.get(`${joined.url}/bookings/${joined.bookingId}`)).body.status).toBe('completed');
  });

  it('lets the coach mark a no-show from 10 minutes in, and the automatic check then stays quiet', async () => {
    await moveClockTo('2026-12-03T10:05:00Z');
    const early = await coach.post(`${marked.url}/bookings/${marked.bookingId}/no-show`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('too_early');
    expect((await marked.client.post(`${marked.url}/bookings/${marked.bookingId}/no-show`)).status).toBe(403);
    await moveClockTo('2026-12-03T10:10:00Z');
    const byCoach = await coach.post(`${marked.url}/bookings/${marked.bookingId}/no-show`);
    expect(byCoach.body.status).toBe('no_show');
    await moveClockTo('2026-12-03T10:30:00Z');
    expect(mails(marked.email, 'We missed you')).toHaveLength(1);
    expect(schedulesOf(marked.bookingId)).toEqual([]);
  });
});

describe('at-least-once delivery', () => {
  it('sends nothing more when every schedule is delivered a second time', async () => {
    const before = stack.ses.outbox().length;
    for (const schedule of captured) await stack.deliver(schedule.targetArn, JSON.parse(schedule.input));
    expect(captured).toHaveLength(6);
    expect(stack.ses.outbox().length).toBe(before);
    expect((await absent.client.get(`${absent.url}/bookings/${absent.bookingId}`)).body.status).toBe('no_show');
  });

  it('sends nothing for a schedule of a time the session no longer has, and reminds once for the new time', async () => {
    // The 24-hour reminder for 10:00 went out at 10:00 the day before; then the coach moves the session.
    const [oldReminder] = movedSchedules.filter((s) => s.name.endsWith('reminder-24h'));
    expect(oldReminder?.at).toBe(Date.parse('2026-12-03T10:00:00Z'));
    expect(mails(moved.email, 'Reminder').map((m) => m.text.includes('05:00 – 06:00 EST'))).toEqual([true]);
    const response = await coach.post(`${moved.url}/bookings/${moved.bookingId}/reschedule`, { start: '2026-12-04T15:00:00Z', reason: 'A board meeting moved' });
    expect(response.status).toBe(200);
    await stack.settle();
    expect(schedulesOf(moved.bookingId).map((s) => new Date(s.at).toISOString())).toEqual([
      '2026-12-03T15:00:00.000Z',
      '2026-12-04T14:00:00.000Z',
      '2026-12-04T15:15:00.000Z',
    ]);

    await moveClockTo('2026-12-03T11:00:00Z');
    await stack.deliver(oldReminder?.targetArn ?? '', JSON.parse(oldReminder?.input ?? '{}')); // delivered again, late and stale
    expect(mails(moved.email, 'Reminder')).toHaveLength(1);

    await moveClockTo('2026-12-03T15:00:00Z');
    const reminders = mails(moved.email, 'Reminder');
    expect(reminders).toHaveLength(2);
    expect(reminders[1]?.text).toContain('Friday, 4 December 2026, 10:00 – 11:00 EST');
  });
});
