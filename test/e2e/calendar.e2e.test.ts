import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { IcsServer } from '../support/ics-server';
import { ApiClient, startTestStack, uniqueEmail } from '../support/local-stack';

let stack: LocalStack;
let ics: IcsServer;
let coach: ApiClient;
let orgId: string;

beforeAll(async () => {
  stack = await startTestStack();
  ics = await IcsServer.start();
  coach = await ApiClient.signIn(stack, uniqueEmail('coach'));
  orgId = (await coach.post('/orgs', { name: 'Harbour Coaching', timeZone: 'Australia/Sydney' })).body.orgId;
});
afterAll(async () => {
  await stack.stop();
  await ics.stop();
});

describe("connecting the coach's calendar", () => {
  it('fetches the feed at once and hands back the private booking feed', async () => {
    const before = ics.requests;
    const response = await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ connected: true, icsUrl: ics.calendarUrl, lastSyncedAt: '2026-12-01T08:00:00Z', lastSyncError: null, eventsInHorizon: 0 });
    expect(response.body.feedUrl).toMatch(new RegExp(`^${stack.url}/feeds/${orgId}\\.[A-Za-z0-9_-]{40,}\\.ics$`));
    expect(ics.requests).toBe(before + 1);
    expect((await coach.get(`/orgs/${orgId}`)).body.calendar).toEqual(response.body);
  });

  it.each([
    ['a server that is not there', 'http://127.0.0.1:1/calendar.ics', 'calendar_unreachable'],
    ['a server error', '/broken', 'calendar_unreachable'],
    ['a redirect into a private network', '/to-private', 'calendar_unreachable'],
    ['a page that is not iCalendar', '/page.html', 'calendar_invalid'],
    ['something that is not a link', 'my google calendar', 'calendar_unreachable'],
  ])('refuses %s with 422', async (_label, url, code) => {
    const response = await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: url.startsWith('/') ? `${ics.origin}${url}` : url });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe(code);
  });

  it('serves the private feed as iCalendar without a token, and nothing for a wrong secret', async () => {
    const { feedUrl } = (await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl })).body;
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const parsed = ical.sync.parseICS(await feed.text());
    expect(Object.values(parsed).filter((c) => c?.type === 'VEVENT')).toEqual([]);
    expect((await fetch(feedUrl.replace(/\.([A-Za-z0-9_-]{10})/, '.AAAAAAAAAA'))).status).toBe(404);
    expect((await fetch(`${stack.url}/feeds/${orgId}.ics`)).status).toBe(404);
  });

  it('keeps the same feed URL across disconnecting and reconnecting', async () => {
    const { feedUrl } = (await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl })).body;
    const off = await coach.delete(`/orgs/${orgId}/calendar`);
    expect(off.body).toEqual({ connected: false, icsUrl: null, feedUrl, lastSyncedAt: null, lastSyncError: null, eventsInHorizon: null });
    expect((await fetch(feedUrl)).status).toBe(200);
    expect((await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl })).body.feedUrl).toBe(feedUrl);
  });

  it('replaces a leaked feed link: the old one is a 404 at once, the new one serves the feed, the connection stays', async () => {
    const connected = (await coach.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl })).body;
    const rotated = await coach.post(`/orgs/${orgId}/calendar/rotate-feed`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ ...connected, feedUrl: expect.stringMatching(new RegExp(`^${stack.url}/feeds/${orgId}\\.[A-Za-z0-9_-]{40,}\\.ics$`)) });
    expect(rotated.body.feedUrl).not.toBe(connected.feedUrl);
    expect((await fetch(connected.feedUrl)).status).toBe(404);
    expect((await fetch(rotated.body.feedUrl)).status).toBe(200);
    expect((await coach.get(`/orgs/${orgId}`)).body.calendar.feedUrl).toBe(rotated.body.feedUrl);
  });

  it('gives a coach who never connected a calendar a feed link of their own', async () => {
    const other = await ApiClient.signIn(stack, uniqueEmail('coach'));
    const otherOrg = (await other.post('/orgs', { name: 'No Calendar Coaching', timeZone: 'Europe/Paris' })).body.orgId;
    expect((await other.get(`/orgs/${otherOrg}`)).body.calendar.feedUrl).toBeNull();
    const issued = await other.post(`/orgs/${otherOrg}/calendar/rotate-feed`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ connected: false, icsUrl: null });
    const feed = await fetch(issued.body.feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
  });

  it("is the org's coach's business only", async () => {
    const stranger = await ApiClient.signIn(stack, uniqueEmail('stranger'));
    expect((await stranger.put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl })).status).toBe(404);
    expect((await stranger.delete(`/orgs/${orgId}/calendar`)).status).toBe(404);
    expect((await stranger.post(`/orgs/${orgId}/calendar/rotate-feed`)).status).toBe(404);
    expect((await coach.anonymous().put(`/orgs/${orgId}/calendar`, { icsUrl: ics.calendarUrl })).status).toBe(401);
  });
});
