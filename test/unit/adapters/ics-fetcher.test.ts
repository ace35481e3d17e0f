import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIcs } from '../../../shared/adapters/calendar/ics-fetcher';
import { AppError } from '../../../shared/domain/errors';
import { calendarWith, IcsServer } from '../../support/ics-server';

let server: IcsServer;
beforeAll(async () => {
  server = await IcsServer.start();
});
afterAll(() => server.stop());

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, message: (error as AppError).message };
};

const text = async (promise: ReturnType<typeof fetchIcs>) => {
  const feed = await promise;
  return feed.kind === 'fresh' ? feed.text : '(not modified)';
};

describe('fetching a calendar feed', () => {
  it('fetches from loopback under the local policy, following redirects', async () => {
    expect(await text(fetchIcs(server.calendarUrl, 'allow-loopback'))).toContain('BEGIN:VCALENDAR');
    expect(await text(fetchIcs(`${server.origin}/moved`, 'allow-loopback'))).toContain('BEGIN:VCALENDAR');
  });

  it('asks conditionally with the validators it was given, and hears "not modified"', async () => {
    const first = await fetchIcs(server.calendarUrl, 'allow-loopback');
    expect(first).toMatchObject({ kind: 'fresh', etag: expect.stringMatching(/^".+"$/) });
    const validators = first.kind === 'fresh' ? { etag: first.etag, lastModified: first.lastModified } : undefined;
    expect(await fetchIcs(server.calendarUrl, 'allow-loopback', { validators })).toEqual({ kind: 'not-modified' });
    server.ics = calendarWith([{ uid: 'new', start: 'DTSTART:20261201T090000Z', end: 'DTEND:20261201T100000Z' }]);
    expect(await text(fetchIcs(server.calendarUrl, 'allow-loopback', { validators }))).toContain('UID:new');
  });

  it('refuses plain http and loopback when deployed', async () => {
    expect((await failure(fetchIcs(server.calendarUrl, 'public-https'))).message).toContain('https');
    expect((await failure(fetchIcs('https://127.0.0.1:9/calendar.ics', 'public-https'))).message).toContain('private or local network');
    expect((await failure(fetchIcs('https://[::1]:9/calendar.ics', 'public-https'))).message).toContain('private or local network');
  });

  it('refuses a redirect to a private address', async () => {
    const result = await failure(fetchIcs(`${server.origin}/to-private`, 'allow-loopback'));
    expect(result).toMatchObject({ code: 'calendar_unreachable' });
    expect(result.message).toContain('private or local network');
  });

  it('reports servers that fail or are not there as unreachable', async () => {
    expect((await failure(fetchIcs(`${server.origin}/broken`, 'allow-loopback'))).message).toContain('500');
    expect((await failure(fetchIcs('http://127.0.0.1:1/calendar.ics', 'allow-loopback'))).code).toBe('calendar_unreachable');
    expect((await failure(fetchIcs('not a url', 'allow-loopback'))).code).toBe('calendar_unreachable');
  });

  it('gives up on a trickling body and on a silent server at one deadline for the whole fetch', async () => {
    const started = performance.now();
    const [trickle, silent] = await Promise.all([
      failure(fetchIcs(`${server.origin}/trickle`, 'allow-loopback', { deadlineMs: 1_500 })),
      failure(fetchIcs(`${server.origin}/silent`, 'allow-loopback', { deadlineMs: 1_500 })),
    ]);
    const elapsed = performance.now() - started;
    expect(trickle).toMatchObject({ code: 'calendar_unreachable', message: expect.stringContaining('within 1.5 seconds') });
    expect(silent).toMatchObject({ code: 'calendar_unreachable', message: expect.stringContaining('within 1.5 seconds') });
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(4_000);
  });

  it('refuses a feed larger than the byte limit as too large', async () => {
    server.ics = calendarWith(Array.from({ length: 200 }, (_, i) => ({ uid: `e${i}`, start: 'DTSTART:20261201T090000Z', end: 'DTEND:20261201T100000Z' })));
    const result = await failure(fetchIcs(server.calendarUrl, 'allow-loopback', { maxBytes: 4096 }));
    expect(result.code).toBe('calendar_too_large');
  });

  it('treats webcal:// links as https', async () => {
    expect((await failure(fetchIcs('webcal://127.0.0.1:9/calendar.ics', 'public-https'))).message).toContain('private or local network');
  });
});
