import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram } from '../support/scenarios-http';

/**
 * Input a stranger on the internet would send: instants that do not exist, ids that are the names
 * of Object.prototype's members, and times years ahead. Monday 30 November 2026, 08:00 UTC.
 */
let stack: LocalStack;
let coach: ApiClient;
let orgId: string;
let stop: () => Promise<void>;
let program: { url: string; client: ApiClient; scheduleId: string };

beforeAll(async () => {
  ({ stack, coach, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
  const created = await aProgram(coach, orgId);
  const { client } = await aJoinedClient(stack, coach, orgId, created.programId);
  program = { client, url: `/orgs/${orgId}/programs/${created.programId}`, scheduleId: created.scheduleId };
});
afterAll(() => stop());

const fieldsOf = (response: { body: any }) => (response.body.error?.details ?? []).map((d: { field: string }) => d.field);

describe('instants, dates and times that do not exist', () => {
  it.each(['2027-02-30T10:00:00Z', '2026-02-29T10:00:00Z', '2026-12-01T24:30:00Z', '2026-12-01T10:61:00Z', '2026-12-01T10:00:00+24:00', '2026-04-31T10:00:00Z'])(
    'refuses %s with 400 naming the field, in a booking, a move and an availability query',
    async (impossible) => {
      const booked = await program.client.post(`${program.url}/bookings`, { start: impossible });
      expect(booked.status).toBe(400);
      expect(booked.body.error.code).toBe('validation_failed');
      expect(fieldsOf(booked)).toEqual(['start']);

      const moved = await coach.post(`${program.url}/bookings/01JABCDEFGHJKMNPQRSTVWXYZ0/reschedule`, { start: impossible });
      expect(moved.status).toBe(400);
      expect(fieldsOf(moved)).toEqual(['start']);

      const asked = await program.client.get(`${program.url}/availability?from=${encodeURIComponent(impossible)}&to=2027-03-05T00:00:00Z`);
      expect(asked.status).toBe(400);
      expect(fieldsOf(asked)).toContain('query.from');
    },
  );

  it('refuses impossible dates and times of day in schedules, naming each field', async () => {
    const response = await coach.post(`/orgs/${orgId}/schedules`, {
      name: 'Odd hours',
      timeZone: 'Europe/London',
      weekly: [{ day: 'mon', start: '09:60', end: '25:00' }],
      overrides: [{ date: '2027-02-30', intervals: [] }],
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(['weekly.0.start', 'weekly.0.end', 'overrides.0.date']));
  });
});

describe("ids named after Object.prototype's members", () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('finds no schedule called %s: 404 to read and to change', async (name) => {
    const read = await coach.get(`/orgs/${orgId}/schedules/${name}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('not_found');
    const changed = await coach.patch(`/orgs/${orgId}/schedules/${name}`, { name: 'Mine now' });
    expect(changed.status).toBe(404);
  });

  it.each(['__proto__', 'constructor', 'toString'])('refuses a program or intro calls on a schedule called %s with 400, storing nothing', async (name) => {
    const created = await coach.post(`/orgs/${orgId}/programs`, { type: 'one_to_one_coaching', scheduleId: name });
    expect(created.status).toBe(400);
    expect(fieldsOf(created)).toEqual(['scheduleId']);

    const patched = await coach.patch(`/orgs/${orgId}`, { introCalls: { enabled: true, scheduleId: name } });
    expect(patched.status).toBe(400);
    expect(fieldsOf(patched)).toEqual(['introCalls.scheduleId']);
    expect((await coach.get(`/orgs/${orgId}`)).body.introCalls).toBeNull();
  });
});

describe('how far ahead sessions can be booked', () => {
  it('refuses a session in year 9999 without using a credit, and offers nothing past 90 days by default', async () => {
    const far = await program.client.post(`${program.url}/bookings`, { start: '9999-12-01T10:00:00Z' });
    expect(far.status).toBe(409);
    expect(far.body.error.code).toBe('slot_unavailable');
    const afterHorizon = await program.client.get(`${program.url}/availability?from=2027-02-27T00:00:00Z&to=2027-03-05T00:00:00Z`);
    expect(afterHorizon.status).toBe(200);
    expect(afterHorizon.body.remaining).toBe(12);
    // 90 days from 30 November 08:00 is 28 February 08:00: Friday 26 February is the last weekday offered.
    expect(afterHorizon.body.slots).toEqual([]);
    const lastDay = await program.client.get(`${program.url}/availability?from=2027-02-26T00:00:00Z&to=2027-02-27T00:00:00Z`);
    expect(lastDay.body.slots.length).toBeGreaterThan(0);
  });

  it('takes a horizon per schedule, from 1 to 365 days, and enforces it in availability and booking', async () => {
    const schedule = `/orgs/${orgId}/schedules/${program.scheduleId}`;
    expect((await coach.get(schedule)).body.bookingHorizonDays).toBe(90);
    for (const bad of [0, 366, 30.5]) {
      const refused = await coach.patch(schedule, { bookingHorizonDays: bad });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toEqual(['bookingHorizonDays']);
    }
    expect((await coach.patch(schedule, { bookingHorizonDays: 200 })).body.bookingHorizonDays).toBe(200);
    const later = await program.client.post(`${program.url}/bookings`, { start: '2027-05-03T10:00:00Z' });
    expect(later.status).toBe(201);

    expect((await coach.patch(schedule, { bookingHorizonDays: 7 })).status).toBe(200);
    const slots = (await program.client.get(`${program.url}/availability?from=2026-11-30T00:00:00Z&to=2026-12-14T00:00:00Z`)).body.slots as { start: string }[];
    expect(slots.at(-1)?.start.slice(0, 10)).toBe('2026-12-04'); // 7 days from Monday 08:00 ends before Monday's 10:00 window
    expect((await program.client.post(`${program.url}/bookings`, { start: '2026-12-08T10:00:00Z' })).body.error.code).toBe('slot_unavailable');
  });
});
