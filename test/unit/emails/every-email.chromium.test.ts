import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage } from '../../support/browser';
import { kinds } from '../../support/email-kinds';

/*
 * What a person sees: every kind of email in Chromium, at a phone's width and a desktop pane's.
 * Only under one process zone (see vitest.config.ts): the HTML it renders is checked under both by
 * every-email.test.ts, and Chromium draws the same HTML the same way whatever the zone.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('every email kind', () => {
  it('renders at 375 and 700 px in Chromium without scrolling sideways', async () => {
    for (const width of [375, 700]) {
      const page = await openPage(browser, width);
      for (const [kind, messages] of kinds) {
        for (const mail of messages) {
          await page.setContent(mail.html);
          expect(await horizontalOverflow(page), `${kind} to ${mail.to[0]} at ${width}px`).toBeLessThanOrEqual(0);
        }
      }
      await page.context().close();
    }
  });
});
