import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/local-stack';
import { aCoachStack, aCoachWithCalendar, aJoinedClient, aProgram } from '../support/scenarios-http';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Webhooks end to end, on one local stack: a coach registers endpoints on a loopback receiver (the
 * local stack's test-only allowance), and the events of real writes arrive signed.
 */
let env: Awaited<ReturnType<typeof aCoachStack>>;
let receiver: WebhookReceiver;
let hooks: string;

beforeAll(async () => {
  env = await aCoachStack({ now: '2026-12-01T08:00:00Z' });
  receiver = await WebhookReceiver.start();
  hooks = `/orgs/${env.orgId}/webhooks`;
});
afterAll(async () => {
  await receiver?.stop();
  await env?.stop();
});

describe('registering endpoints', () => {
  it('shows the secret once, at creation, and never in the list', async () => {
    const created = await env.coach.post(hooks, { url: receiver.url('/listed'), events: ['booking.created', 'booking.created', 'review.created'], description: 'CRM' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiver.url('/listed'), events: ['booking.created', 'review.created'], description: 'CRM', secretRotatedAt: null });
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = await env.coach.get(hooks);
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((w: any) => w.webhookId === created.body.webhookId);
    expect(mine).toEqual({ webhookId: created.body.webhookId, url: receiver.url('/listed'), events: ['booking.created', 'review.created'], description: 'CRM', createdAt: '2026-12-01T08:00:00Z', secretRotatedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect(listed.body.nextCursor).toBeNull();
    expect((await env.coach.delete(`${hooks}/${created.body.webhookId}`)).status).toBe(204);
    expect((await env.coach.delete(`${hooks}/${created.body.webhookId}`)).status).toBe(404);
  });

  it('refuses what could never be delivered, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ url: 'https://10.0.0.8/in', events: ['*'] }, 'url'],
      [{ url: 'https://169.254.169.254/latest/meta-data', events: ['*'] }, 'url'],
      [{ url: 'ftp://hooks.example.org/in', events: ['*'] }, 'url'],
      [{ url: receiver.url('/x'), events: ['booking.exploded'] }, 'events.0'],
      [{ url: receiver.url('/x'), events: [] }, 'events'],
      [{ url: receiver.url('/x'), events: ['*'], secret: 'whsec_mine' }, ''],
    ];
    for (const [body, field] of cases) {
      const answer = await env.coach.post(hooks, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      if (field) expect(answer.body.error.details.map((d: any) => d.field)).toContain(field);
    }
  });

  it('is for the coach alone: the client gets 403, another coach and strangers 404, no token 401', async () => {
    const program = await aProgram(env.coach, env.orgId);
    const { client } = await aJoinedClient(env.stack, env.coach, env.orgId, program.programId);
    const other = await aCoachWithCalendar(env.stack, env.ics);
    const created = await env.coach.post(hooks, { url: receiver.url('/private'), events: ['*'] });
    const one = `${hooks}/${created.body.webhookId}`;
    expect((await client.get(hooks)).status).toBe(403);
    expect((await client.post(hooks, { url: receiver.url('/x'), events: ['*'] })).status).toBe(403);
    expect((await other.coach.get(hooks)).status).toBe(404);
    expect((await other.coach.post(`${one}/rotate-secret`)).status).toBe(404);
    expect((await other.coach.delete(one)).status).toBe(404);
    // Their own org's path with our endpoint's id finds nothing either.
    expect((await other.coach.delete(`/orgs/${other.orgId}/webhooks/${created.body.webhookId}`)).status).toBe(404);
    expect((await new ApiClient(env.stack.url).get(hooks)).status).toBe(401);
    expect((await env.coach.delete(one)).status).toBe(204);
  });

  it('rotates the secret: a new one shown once, the old one kept signing for 24 hours', async () => {
    const created = await env.coach.post(hooks, { url: receiver.url('/rotate'), events: ['*'] });
    const rotated = await env.coach.post(`${hooks}/${created.body.webhookId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ webhookId: created.body.webhookId, secret: expect.stringMatching(/^whsec_/), previousSecretExpiresAt: '2026-12-02T08:00:00Z' });
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect((await env.coach.get(hooks)).body.items.find((w: any) => w.webhookId === created.body.webhookId).secretRotatedAt).toBe('2026-12-01T08:00:00Z');
    expect((await env.coach.delete(`${hooks}/${created.body.webhookId}`)).status).toBe(204);
  });

  it('caps an org at 10 endpoints', async () => {
    const made: string[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await env.coach.post(hooks, { url: receiver.url(`/cap/${i}`), events: ['*'] });
      expect(answer.status).toBe(201);
      made.push(answer.body.webhookId);
    }
    const refused = await env.coach.post(hooks, { url: receiver.url('/cap/11'), events: ['*'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('webhook_limit_reached');
    for (const id of made) await env.coach.delete(`${hooks}/${id}`);
  });
});
