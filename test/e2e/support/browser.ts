import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where each state's screenshot goes (git-ignored): what a user sees. */
export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');

/** Debian's Chromium, headless, with nothing of its own on the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A page plus everything it complained about: console errors, page errors, CSP violations. */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
}

/** How a test page is set up: the popover's size and the light theme unless told otherwise. */
export interface PageOptions {
  readonly viewport?: { width: number; height: number };
  readonly colorScheme?: 'light' | 'dark';
}

/** One browser per test file; a fresh context (and page) per test, closed after it. */
export function useBrowser(): (options?: PageOptions) => Promise<WatchedPage> {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (options = {}) => {
    if (browser === null) throw new Error('the browser did not start');
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 360, height: 560 },
      timezoneId: 'UTC',
      locale: 'en-US',
      colorScheme: options.colorScheme ?? 'light',
    });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    return { page, problems };
  };
}

/** Saves a screenshot of the page under test/e2e/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
