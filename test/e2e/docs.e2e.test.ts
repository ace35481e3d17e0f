import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack';
import { routes } from '../../shared/http/routes';
import { launchBrowser, openPage } from '../support/browser';
import { ApiClient, startTestStack, uniqueEmail } from '../support/local-stack';

/**
 * What a frontend developer meets first: the published document, and the docs page rendering it
 * in a real browser, offline, with "try it" calling the local stack with a local token.
 */
let stack: LocalStack;
let browser: Browser;
let page: Page;
const offsite: string[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  page = await openPage(browser, 1280, 900);
  // Everything the page needs must come from the stack itself: record and refuse anything else.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(stack.url)) return route.continue();
    offsite.push(url);
    return route.abort();
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('GET /openapi.json', () => {
  it('serves the document without a token, naming this server, with every route', async () => {
    const response = await new ApiClient(stack.url).get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body.servers).toEqual([{ url: stack.url }]);
    const documented = Object.entries(response.body.paths).flatMap(([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(response.headers.get('cache-control')).toContain('max-age');
  });
});

describe('the docs page', () => {
  it('renders every route of the route table, offline', async () => {
    await page.goto(`${stack.url}/docs`);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    const rendered = (await page.$$eval('.opblock', (blocks) =>
      blocks.map((b) => `${b.querySelector('.opblock-summary-method')?.textContent ?? ''} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? ''}`),
    )) as string[];
    expect(rendered.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(await page.textContent('.info .title')).toContain('Rapport API');
    expect(offsite).toEqual([]);
  });

  it('tries GET /me against the local stack with a local token', async () => {
    const email = uniqueEmail('reader');
    const { token, userId } = (await new ApiClient(stack.url).send('POST', '/_local/token', { email })).body as { token: string; userId: string };

    await page.click('.auth-wrapper .authorize');
    await page.fill('.auth-container input', token);
    await page.click('.auth-btn-wrapper .authorize');
    await page.click('.btn-done');

    const me = page.locator('.opblock', { has: page.locator('.opblock-summary-path[data-path="/me"]') }).filter({ has: page.locator('.opblock-summary-method', { hasText: 'GET' }) });
    await me.locator('.opblock-summary-control').click();
    await me.locator('.try-out__btn').click();
    await me.locator('.execute').click();
    const live = me.locator('.live-responses-table tbody tr.response').first();
    await live.waitFor({ timeout: 15_000 });
    expect((await live.locator('.response-col_status').textContent())?.trim()).toBe('200');
    const body = (await live.locator('.response-col_description pre.microlight').first().textContent()) ?? '';
    if (process.env.DOCS_SCREENSHOT) await page.screenshot({ path: process.env.DOCS_SCREENSHOT, fullPage: false });
    expect(JSON.parse(body)).toMatchObject({ userId, email, memberships: [] });
    expect(offsite).toEqual([]);
  });
});
