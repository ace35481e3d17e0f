import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIcs } from '../../../shared/adapters/calendar/ics-fetcher';
import { AppError } from '../../../shared/domain/errors';
import { IcsServer } from '../../support/ics-server';

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

describe('fetching a calendar feed', () => {
  it('fetches from loopback under the local policy, following redirects', async () => {
    expect(await fetchIcs(server.calendarUrl, 'allow-loopback')).toContain('BEGIN:VCALENDAR');
    expect(await fetchIcs(`${server.origin}/moved`, 'allow-loopback')).toContain('BEGIN:VCALENDAR');
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

  it('treats webcal:// links as https', async () => {
    expect((await failure(fetchIcs('webcal://127.0.0.1:9/calendar.ics', 'public-https'))).message).toContain('private or local network');
  });
});
