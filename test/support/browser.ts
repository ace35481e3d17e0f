import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, as a person's browser stand-in: what an email or a chart looks
 * like is judged by rendering it, not by reading its markup. `.ci/run` installs the package;
 * CHROMIUM_PATH points elsewhere if needed. Playwright never downloads a browser here.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching for Google's hosts on this closed network. */
const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: quietFlags });
}

/** A page of the given width; share one browser per test file and close pages after use. */
export async function openPage(browser: Browser, width: number, height = 800): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  return context.newPage();
}

/** How far the rendered document reaches past the viewport's width (0 when nothing overflows). */
export async function horizontalOverflow(page: Page): Promise<number> {
  // A string, because this runs in the page and the project compiles without DOM types.
  return page.evaluate('Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0) - window.innerWidth') as Promise<number>;
}
