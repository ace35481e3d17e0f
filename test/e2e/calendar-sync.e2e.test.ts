import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { calendarWith, dailyEvents, type IcsServer } from '../support/ics-server';
import { inviteOf } from '../support/ics-parse';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';

/**
 * The coach's calendar as data, over HTTP: hostile feeds at connect, the background refresh driven
 * by the movable clock, and Rapport's own invites in the coach's calendar. Monday 30 November 2026,
 * 08:00 UTC to begin with; the coach is in London and works 10:00–17:00.
 */
let stack: LocalStack;
let ics: IcsServer;
let coach: ApiClient;
let coachEmail: string;
let orgId: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, ics, coach, coachEmail, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
});
afterAll(() => stop());

const connect = (icsUrl = ics.calendarUrl) => coach.put(`/orgs/${orgId}/calendar`, { icsUrl });
const advanceClock = (minutes: number) => moveClock(stack, { advanceMinutes: minutes });

describe('hostile feeds at connect', () => {
  it.each([
    [25_000, /holds 25,000 events, and the limit is 20,000/],
    // Whichever limit it meets first on this machine: the occurrences in the horizon, or the work.
    [5_000, /more than 10,000 events in the next|more than 2 seconds of work/],
  ])('refuses a feed of %i daily events with 422 calendar_too_large within 5 s', async (count, why) => {
    // That the reading runs in short slices with the event loop free between them is shown by the
    // reader's unit test; how long the loop stalls is measured by `npm run bench` (Calendar feed).
    ics.ics = dailyEvents(count);
    const started = performance.now();
    const result = await connect();
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('calendar_too_large');
    expect(result.body.error.message).toMatch(why);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a trickling feed and a silent one with 422 calendar_unreachable at the 5-second deadline, never a 5xx', async () => {
    const started = performance.now();
    const [trickle, silent] = await Promise.all([connect(`${ics.origin}/trickle`), connect(`${ics.origin}/silent`)]);
    const elapsed = performance.now() - started;
    for (const response of [trickle, silent]) {
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'calendar_unreachable', message: expect.stringContaining('within 5 seconds') });
    }
    expect(elapsed).toBeLessThan(8_000);
  });
});

describe('busy time kept fresh in the background', () => {
  let program: { url: string; client: ApiClient };
  const freeAt = async (day: string) =>
    (await program.client.get(`${program.url}/availability?from=${day}T00:00:00Z&to=${day}T23:59:00Z`)).body.slots.map((s: { start: string }) => s.start.slice(11, 16)) as string[];

  beforeAll(async () => {
    ics.ics = calendarWith([{ uid: 'gym', start: 'DTSTART:20261202T120000Z', end: 'DTEND:20261202T130000Z' }]);
    expect((await connect()).status).toBe(200);
    const created = await aProgram(coach, orgId);
    const { client } = await aJoinedClient(stack, coach, orgId, created.programId);
    program = { client, url: `/orgs/${orgId}/programs/${created.programId}` };
  });

  it('hides a new event from the very next availability after PUT /calendar', async () => {
    expect(await freeAt('2026-12-02')).not.toContain('12:00');
    ics.ics = calendarWith([{ uid: 'gym', start: 'DTSTART:20261202T140000Z', end: 'DTEND:20261202T150000Z' }]);
    expect((await connect()).status).toBe(200);
    const after = await freeAt('2026-12-02');
    expect(after).toContain('12:00');
    expect(after).not.toContain('14:00');
  });

  it('picks up a changed feed once the clock passes the refresh interval, and keeps the old busy time when the feed starts failing', async () => {
    ics.ics = calendarWith([{ uid: 'gym', start: 'DTSTART:20261202T160000Z', end: 'DTEND:20261202T170000Z' }]);
    await advanceClock(5);
    expect(await freeAt('2026-12-02')).not.toContain('14:00'); // not due yet
    await advanceClock(6);
    const refreshed = await freeAt('2026-12-02');
    expect(refreshed).toContain('14:00');
    expect(refreshed).not.toContain('16:00');
    const synced = (await coach.get(`/orgs/${orgId}`)).body.calendar;
    expect(synced).toMatchObject({ connected: true, lastSyncedAt: '2026-11-30T08:11:00Z', lastSyncError: null, eventsInHorizon: 1 });

    ics.failing = true;
    await advanceClock(11);
    expect(await freeAt('2026-12-02')).not.toContain('16:00');
    const broken = (await coach.get(`/orgs/${orgId}`)).body.calendar;
    expect(broken).toMatchObject({ connected: true, lastSyncedAt: '2026-11-30T08:11:00Z', lastSyncError: expect.stringContaining('503'), eventsInHorizon: 1 });
    const availability = (await program.client.get(`${program.url}/availability?from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`)).body;
    expect(availability).toMatchObject({ calendarChecked: true, calendar: { connected: true, lastSyncedAt: '2026-11-30T08:11:00Z', lastSyncError: expect.stringContaining('503') } });
    ics.failing = false;
  });

  it("moves a session while the coach's calendar holds Rapport's own invite for it", async () => {
    const booked = await program.client.post(`${program.url}/bookings`, { start: '2026-12-09T10:00:00Z' });
    expect(booked.status).toBe(201);
    await stack.settle();
    // The coach's calendar app accepted the emailed invitation: it is now in their feed.
    const invitation = inviteOf(stack.ses.outbox(coachEmail).at(-1));
    ics.ics = invitation.raw.replace(/^METHOD:.*\r\n/m, '');
    await advanceClock(60); // past any back-off: the refresh reads the feed with the invite
    expect((await coach.get(`/orgs/${orgId}`)).body.calendar).toMatchObject({ lastSyncError: null, eventsInHorizon: 0 });

    const moved = await coach.post(`${program.url}/bookings/${booked.body.bookingId}/reschedule`, { start: '2026-12-09T10:30:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe('2026-12-09T10:30:00Z');
  });
});
