import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { horizontalOverflow, launchBrowser, openPage } from '../../support/browser';

describe('the headless browser the rendering tests use', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('measures horizontal overflow of a rendered page', async () => {
    const page = await openPage(browser, 375);
    await page.setContent('<!doctype html><html><body style="margin:0"><div style="width:300px">fits</div></body></html>');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setContent('<!doctype html><html><body style="margin:0"><div style="width:600px">too wide</div></body></html>');
    expect(await horizontalOverflow(page)).toBe(225);
    await page.context().close();
  });
});
