import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatResetsIn } from '../../shared/domain/format';
import { NO_CREDENTIALS_MESSAGE } from '../../electron/core/sources/oauth/messages';
import { enterpriseBody, extraUsageWire, rateLimitError, serverError } from '../fakes/usage-bodies';
import { screenshot, useBrowser } from './support/browser';
import { useDevWorld, type DevWorld } from './support/dev-browser-world';
import { HOUR, MINUTE, cachedRecord, risingHistory, usageBody } from './support/seeds';

const newWorld = useDevWorld();
/** Each test starts a dev server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };
const newPage = useBrowser();

/** The popover's visible text blocks, in order, trimmed. */
async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map((text) => text.trim());
}

async function openPopover(page: Page, url: string, world?: DevWorld): Promise<void> {
  await page.goto(url);
  try {
    await page.locator('main[data-phase="ready"]').waitFor({ timeout: 40_000 });
  } catch (error) {
    // What the server said is the first thing to read when the page never got its figures.
    throw new Error(
      `${(error as Error).message}\n--- dev:browser output ---\n${world?.output() ?? ''}`,
    );
  }
}

describe('the popover on dev:browser, against the loopback fake API', SLOW, () => {
  it('shows each window with its figure, reset time, projection, pace and history, plus extra usage and the route', async () => {
    const now = Date.now();
    const sessionReset = now + 2 * HOUR + 13 * MINUTE + 30_000;
    const world = await newWorld({
      seed: (layout) => {
        risingHistory(layout, now, sessionReset);
      },
      script: (api) => {
        api.respond({ body: usageBody(now, { session: 60, week: 41 }, extraUsageWire()) });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    await page.locator('.route').waitFor();

    const session = page.locator('[data-window="five_hour"]');
    expect(await session.locator('h2').innerText()).toBe('Session · binding');
    expect(await session.locator('.figure').innerText()).toBe('60%');
    expect(await session.locator('.resets').innerText()).toBe(
      formatResetsIn(sessionReset, Date.now()),
    );
    expect(await session.locator('.projection').innerText()).toMatch(
      /^At this pace: locked \d\d:\d\d, blocked \d+\u00a0m$/,
    );
    expect(await session.locator('.pace').innerText()).toMatch(
      /^\d+ points ahead of an even pace$/,
    );
    expect(await session.locator('.chart-line').count()).toBe(1);
    expect(await session.locator('[role="meter"]').getAttribute('aria-valuenow')).toBe('60');

    // Far from any threshold, the week is one compact row; its button opens the full card.
    const week = page.locator('[data-window="seven_day"]');
    expect(await week.getAttribute('class')).toBe('card compact level-normal');
    expect(await week.locator('.figure').innerText()).toBe('41%');
    await week.locator('button').click();
    expect(await week.locator('h2').innerText()).toBe('Week');
    expect(await week.locator('.resets').innerText()).toMatch(
      /^resets \w{3} \d\d:\d\d \(in 3 d 4 h\)$/,
    );
    expect(await week.locator('.projection').innerText()).toBe(
      'No projection yet: too few readings',
    );
    expect(await week.locator('.projection').getAttribute('title')).toMatch(
      /^Not enough readings yet to project/,
    );

    expect(await page.locator('.extra-usage-line').innerText()).toBe(
      'Extra usage $3.25 of $20.50 spent this month',
    );
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe('updated just now');
    expect(await page.locator('.route').innerText()).toMatch(/^Billing /);
    expect(await texts(page, '.notice')).toEqual([
      `Using PACEWATCH_ANTHROPIC_URL=${world.api.url}`,
    ]);
    expect(await page.locator('.banner').count()).toBe(0);
    await screenshot(page, 'normal');
    expect(problems).toEqual([]);
  });
});

describe('the popover states a user can meet', SLOW, () => {
  it('loading: shows the card skeleton at once, and the figures replace it without moving it', async () => {
    const now = Date.now();
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const world = await newWorld({
      script: (api) => {
        // Held until the test has seen the skeleton: a slow browser start would otherwise miss it.
        // The session is the binding window, so it shows as a full card, as its skeleton does.
        api.respond({ after: answered, body: usageBody(now, { session: 42, week: 30 }) });
      },
    });
    const { page, problems } = await newPage();
    await page.goto(world.popoverUrl);
    await page.locator('main[data-phase="loading"]').waitFor();
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe('Reading your usage…');
    expect(await texts(page, '.skeleton h2')).toEqual(['Session', 'Week']);
    expect(await page.locator('main').getAttribute('aria-busy')).toBe('true');
    const before = await page.locator('.card').first().boundingBox();
    await screenshot(page, 'loading');
    answer();
    await page.locator('main[data-phase="ready"]').waitFor({ timeout: 40_000 });
    const after = await page.locator('.card').first().boundingBox();
    expect(after).toEqual(before);
    expect(await page.locator('[data-window="five_hour"] .figure').innerText()).toBe('42%');
    expect(problems).toEqual([]);
  });

  it('signed out: says how to sign in to Claude Code, or which credential to add instead', async () => {
    const world = await newWorld({ signedIn: false });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-signed-out');
    expect(await banner.locator('.banner-title').innerText()).toBe('Not signed in');
    expect(await banner.locator('.banner-message').innerText()).toBe(
      // The backticked command shows as code, without the backticks.
      `${NO_CREDENTIALS_MESSAGE.replace(/`/g, '')} Or paste a claude.ai session key in Settings.`,
    );
    expect(await banner.locator('button').allInnerTexts()).toEqual([
      'Copy claude command',
      'Open settings',
    ]);
    expect(await banner.locator('.banner-message code').allInnerTexts()).toEqual(['claude']);
    expect(await page.locator('.card').count()).toBe(0);
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe('No figures yet');
    expect(world.api.requests).toEqual([]);
    await screenshot(page, 'signed-out');
    expect(problems).toEqual([]);
  });

  it('stale: keeps the last figures on screen, marked out of date, with their age', async () => {
    const now = Date.now();
    const fetchedAt = now - 3 * HOUR;
    const world = await newWorld({
      seed: (layout) => {
        cachedRecord(layout, {
          snapshot: {
            source: 'oauth',
            fetchedAt,
            windows: [
              { id: 'five_hour', label: 'Session', utilization: 35, resetsAt: now + HOUR },
              { id: 'seven_day', label: 'Week', utilization: 52, resetsAt: now + 50 * HOUR },
            ],
            extraUsage: null,
          },
          error: null,
          attemptedAt: fetchedAt,
          failures: 0,
          // Another process holds the next attempt an hour out (a backoff it computed).
          nextAttemptAt: now + HOUR,
          cooldownUntil: null,
          haltedOn: null,
        });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-stale');
    expect(await banner.locator('.banner-title').innerText()).toBe(
      'These figures may be out of date',
    );
    expect(await banner.locator('.banner-message').innerText()).toBe(
      'Pacewatch could not refresh them lately and keeps trying by itself; press Refresh to ask now.',
    );
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe(
      'updated 3 h ago · stale',
    );
    expect(await page.locator('.card.stale').count()).toBe(2);
    expect(await texts(page, '.card h2')).toEqual([
      'Session · out of date',
      'Week · out of date · binding',
    ]);
    expect(await page.locator('[data-window="seven_day"] .figure').innerText()).toBe('52%');
    expect(world.api.requests).toEqual([]);
    await screenshot(page, 'stale');
    expect(problems).toEqual([]);
  });

  it('error: says what went wrong and when Pacewatch tries again, with nothing to show yet', async () => {
    const world = await newWorld({
      script: (api) => {
        api.respond({ status: 500, body: serverError() });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-error');
    expect(await banner.locator('.banner-title').innerText()).toBe('The service had a problem');
    expect(await banner.locator('.banner-message').innerText()).toBe(
      "Anthropic's API answered with an error (HTTP 500). Pacewatch retries by itself.",
    );
    expect(await banner.locator('.banner-times').innerText()).toMatch(
      /^Next try at \d\d:\d\d \(in [3-6] m\)\.$/,
    );
    expect(await banner.locator('button').innerText()).toBe('Check again');
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe('No figures yet');
    await screenshot(page, 'error');
    expect(problems).toEqual([]);
  });

  it('error with earlier figures: shows them stale under the error', async () => {
    const now = Date.now();
    const world = await newWorld({
      seed: (layout) => {
        cachedRecord(layout, {
          snapshot: {
            source: 'oauth',
            fetchedAt: now - 20 * MINUTE,
            windows: [{ id: 'five_hour', label: 'Session', utilization: 44, resetsAt: now + HOUR }],
            extraUsage: null,
          },
          error: null,
          attemptedAt: now - 20 * MINUTE,
          failures: 0,
          nextAttemptAt: null,
          cooldownUntil: null,
          haltedOn: null,
        });
      },
      script: (api) => {
        api.respond({ status: 503, body: serverError() });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    await page.locator('.banner-error').waitFor();
    expect(await texts(page, '.banner-title')).toEqual(['The service had a problem']);
    expect(await page.locator('[data-window="five_hour"] .figure').innerText()).toBe('44%');
    expect(await page.locator('.card.stale').count()).toBe(1);
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe(
      'updated 20 min ago · stale',
    );
    await screenshot(page, 'error-with-last-figures');
    expect(problems).toEqual([]);
  });

  it('rate-limited: says Pacewatch waits, and until when', async () => {
    const world = await newWorld({
      script: (api) => {
        api.respond({ status: 429, headers: { 'retry-after': '600' }, body: rateLimitError() });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-rate-limited');
    expect(await banner.locator('.banner-title').innerText()).toBe('Rate-limited by Anthropic');
    expect(await banner.locator('.banner-message').innerText()).toBe(
      'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
    );
    expect(await banner.locator('.banner-times').innerText()).toMatch(
      /^Next try at \d\d:\d\d \(in (9|10) m\)\.$/,
    );
    expect(await banner.locator('button').count()).toBe(0);
    await screenshot(page, 'rate-limited');
    expect(problems).toEqual([]);
  });

  it('locked: says which limit was reached and when Claude answers again', async () => {
    const now = Date.now();
    const sessionReset = now + 2 * HOUR + 13 * MINUTE + 30_000;
    const world = await newWorld({
      script: (api) => {
        api.respond({ body: usageBody(now, { session: 100, week: 64 }) });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-locked');
    expect(await banner.locator('.banner-title').innerText()).toBe('Session limit reached');
    expect(await banner.locator('.banner-message').innerText()).toBe(
      'Claude will not take new requests until this limit resets. Pacewatch tells you when it does.',
    );
    expect(await banner.locator('.banner-times').innerText()).toMatch(
      /^Back at \d\d:\d\d \(in 2 h 13 m\)\.$/,
    );
    const session = page.locator('[data-window="five_hour"]');
    expect(await session.getAttribute('class')).toContain('level-locked');
    expect(await session.locator('.projection').innerText()).toMatch(
      /^Limit reached · back at \d\d:\d\d$/,
    );
    expect(await session.locator('.resets').innerText()).toBe(
      formatResetsIn(sessionReset, Date.now()),
    );
    await screenshot(page, 'locked');
    expect(problems).toEqual([]);
  });

  it('enterprise spend-limit mode: shows the month’s spend against the limit instead of windows', async () => {
    const world = await newWorld({
      script: (api) => {
        api.respond({ body: enterpriseBody() });
      },
    });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-enterprise');
    expect(await banner.locator('.banner-title').innerText()).toBe('Spend limit account');
    const spend = page.locator('.card.spend');
    expect(await spend.locator('h2').innerText()).toBe('Spend this month');
    expect(await spend.locator('.figure').innerText()).toBe('24.7%');
    expect(await spend.locator('.resets').innerText()).toBe('$123.45 of $500.00 spent this month');
    expect(await page.locator('[data-window]').count()).toBe(0);
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe('updated just now');
    await screenshot(page, 'enterprise');
    expect(problems).toEqual([]);
  });

  it('no data yet: with every source switched off, says how to turn one on', async () => {
    const world = await newWorld({ settings: { sources: { oauth: { enabled: false } } } });
    const { page, problems } = await newPage();
    await openPopover(page, world.popoverUrl, world);
    const banner = page.locator('.banner-no-data');
    expect(await banner.locator('.banner-title').innerText()).toBe('No usage source is on');
    expect(await banner.locator('.banner-message').innerText()).toBe(
      "Turn one on in Settings: Claude Code's own sign-in needs no setup.",
    );
    expect(world.api.requests).toEqual([]);
    await screenshot(page, 'no-data');
    expect(problems).toEqual([]);
  });

  it('dark theme: the same popover in the dark colour scheme', async () => {
    const now = Date.now();
    const world = await newWorld({
      seed: (layout) => {
        risingHistory(layout, now, now + 2 * HOUR);
      },
      script: (api) => {
        api.respond({ body: usageBody(now, { session: 60, week: 78 }, extraUsageWire()) });
      },
    });
    const { page, problems } = await newPage({ colorScheme: 'dark' });
    await openPopover(page, world.popoverUrl, world);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(30, 31, 34)');
    await screenshot(page, 'dark');
    expect(problems).toEqual([]);
  });
});
