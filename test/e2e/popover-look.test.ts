import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, blocking } from './support/axe';
import { screenshot, useBrowser } from './support/browser';
import { POPOVER_STATES, popoverState, type PopoverState } from './support/popover-states';
import { useStubServer, type StubbedPopover } from './support/stub-server';

const newPage = useBrowser();
const serve = useStubServer();
const SLOW = { timeout: 60_000 };

/** A 1920×1080 screen less a 32 px panel, as main's fit sees it; the gap is main's POPOVER_GAP. */
const WORK_AREA_HEIGHT = 1080 - 32;
const GAP = 6;

/**
 * Opens the popover in `state` as main shows it: at the first window size, then resized to the
 * height the page reported (within the work area), as main's fit does.
 */
async function openAtRealSize(
  state: PopoverState,
  colorScheme: 'light' | 'dark',
  workAreaHeight = WORK_AREA_HEIGHT,
): Promise<{
  page: Page;
  problems: string[];
  stub: StubbedPopover;
  height: number;
  wanted: number;
}> {
  const stub = await serve(popoverState(state, Date.now()));
  const { page, problems } = await newPage({ colorScheme });
  await page.goto(stub.url);
  await page.locator('main[data-phase="ready"]').waitFor();
  // The page reports again whenever its content changes size; wait for the report of what it
  // shows now (the snapshot, not the skeleton before it).
  const wanted = await contentHeight(page);
  await expect.poll(() => stub.heights.at(-1)).toBe(wanted);
  const height = Math.max(160, Math.min(wanted, workAreaHeight - 2 * GAP));
  await page.setViewportSize({ width: 360, height });
  return { page, problems, stub, height, wanted };
}

/** The popover's full content height: header, footer and the whole scrolling middle. */
function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const middle = document.querySelector('.middle');
    if (main === null || middle === null) return 0;
    return Math.ceil(main.offsetHeight - middle.clientHeight + middle.scrollHeight);
  });
}

/** Elements whose text is cut off (wider or taller than their box, with overflow hidden). */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main p, main h2, main button, main span')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
      .filter(
        (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible',
      )
      .map((el) => `${el.className}: ${el.textContent}`),
  );
}

/** Whether an element lies wholly inside the viewport. */
async function inView(page: Page, selector: string): Promise<boolean[]> {
  const height = page.viewportSize()?.height ?? 0;
  const boxes = await Promise.all(
    (await page.locator(selector).all()).map((element) => element.boundingBox()),
  );
  return boxes.map((box) => box !== null && box.y >= 0 && box.y + box.height <= height);
}

describe('every popover state, light and dark, at the window’s real size', SLOW, () => {
  for (const state of POPOVER_STATES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${state} (${scheme}): fits, nothing cut off, the footer in view, no serious axe finding`, async () => {
        const { page, problems, height, wanted } = await openAtRealSize(state, scheme);
        await screenshot(page, `state-${state}-${scheme}`);
        // The window is as tall as the content; only what the screen cannot hold scrolls.
        expect(
          await page.locator('.middle').evaluate((el) => el.scrollHeight - el.clientHeight),
        ).toBe(Math.max(0, wanted - height));
        expect(await inView(page, '.actions button')).toEqual([true, true, true]);
        expect(await inView(page, '[data-testid="updated"]')).toEqual([true]);
        expect(await clipped(page)).toEqual([]);
        expect(await page.locator('main').innerText()).not.toContain('`');
        expect(blocking(await axeViolations(page))).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('what each state says and offers', SLOW, () => {
  it('normal: windows far from a threshold are one compact row each; extra usage has a bar', async () => {
    const { page } = await openAtRealSize('normal', 'light');
    expect(
      await page
        .locator('.card.compact')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-window'))),
    ).toEqual(['seven_day', 'seven_day_opus']);
    expect(await page.locator('.card.compact .figure').allInnerTexts()).toEqual(['18%', '4%']);
    expect(await page.locator('.extra-usage [role="meter"]').getAttribute('aria-valuenow')).toBe(
      '16',
    );
    expect(await page.locator('.extra-usage-line').innerText()).toBe(
      'Extra usage $3.25 of $20.50 spent this month',
    );
    // The plan under its current name ("Max 5x" is sold as "Max" since late 2026).
    expect(await page.locator('.route').innerText()).toBe('Billing Max subscription');
    // A compact row opens into the full card, by keyboard.
    await page.locator('.compact-name', { hasText: 'Week · Opus' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-window="seven_day_opus"] h2').innerText()).toBe('Week · Opus');
    expect(await page.locator('[data-window="seven_day_opus"] .chart-svg').count()).toBe(1);
  });

  it('critical: the projection is written out whole, and the chart draws it up to 100 % and the blocked time', async () => {
    const { page } = await openAtRealSize('critical', 'light');
    const session = page.locator('[data-window="five_hour"]');
    expect(await session.getAttribute('class')).toContain('level-critical');
    expect(await session.locator('.projection').innerText()).toMatch(
      /^At this pace: locked \d\d:\d\d, blocked 1\u00a0h\u00a033\u00a0m$/,
    );
    expect(await session.locator('.chart-projection').count()).toBe(1);
    expect(await session.locator('.chart-blocked').count()).toBe(1);
    expect(await session.locator('.chart-threshold').count()).toBe(3);
    expect(await session.locator('.chart-full').count()).toBe(1);
  });

  it('the chart: 5 hours or 7 days, with resets marked, and its figures as a table for screen readers', async () => {
    const { page } = await openAtRealSize('warning', 'light');
    const session = page.locator('[data-window="five_hour"]');
    const spans = session.locator('.chart-spans button');
    expect(await spans.evaluateAll((b) => b.map((x) => x.getAttribute('aria-pressed')))).toEqual([
      'true',
      'false',
    ]);
    expect(await session.locator('figure .visually-hidden tbody tr').count()).toBe(5);
    await spans.nth(1).focus();
    await page.keyboard.press('Space');
    expect(await spans.evaluateAll((b) => b.map((x) => x.getAttribute('aria-pressed')))).toEqual([
      'false',
      'true',
    ]);
    expect(await session.locator('figure .visually-hidden tbody tr').count()).toBe(7);
    expect(await session.locator('.chart-reset').count()).toBeGreaterThan(3);
    expect(await session.locator('figure .visually-hidden caption').innerText()).toMatch(
      /^Session, highest reading per day over the last 7 days; reset at .+; alerts at 50, 75, 90 %$/,
    );
    expect(await session.locator('.chart-svg').getAttribute('aria-label')).toBe(
      'Session over the last 7 days',
    );
    await screenshot(page, 'chart-7-days');
  });

  it('locked with extra usage on: says requests continue, billed to extra usage', async () => {
    const { page } = await openAtRealSize('locked-extra-usage', 'light');
    const banner = page.locator('.banner-locked');
    expect(await banner.locator('.banner-title').innerText()).toBe('Session limit reached');
    expect(await banner.locator('.banner-message').innerText()).toBe(
      'Extra usage is on: requests continue, billed to extra usage, until this limit resets.',
    );
    expect(await page.locator('.extra-usage').getAttribute('class')).toBe(
      'extra-usage level-critical',
    );
  });

  it('signed out: the command shows as code, and the button copies it', async () => {
    const { page } = await openAtRealSize('signed-out', 'light');
    const banner = page.locator('.banner-signed-out');
    expect(await banner.locator('.banner-message code').allInnerTexts()).toEqual(['claude']);
    expect(await banner.locator('button').allInnerTexts()).toEqual([
      'Copy claude command',
      'Open settings',
    ]);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await banner.locator('button').first().click();
    expect(await banner.locator('.banner-copied').innerText()).toBe(
      'Copied “claude”: paste it in a terminal.',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('claude');
  });

  it('an expired sign-in: copy the command, then check again', async () => {
    const { page, stub } = await openAtRealSize('expired', 'light');
    const buttons = page.locator('.banner-signed-out button');
    expect(await buttons.allInnerTexts()).toEqual(['Copy claude command', 'Check again']);
    await buttons.nth(1).click();
    await expect.poll(() => stub.refreshes()).toBe(1);
  });

  it('an inference-only login (claude setup-token): copy the command, or set up the status line', async () => {
    const { page } = await openAtRealSize('inference-only', 'light');
    expect(await page.locator('.banner-error .banner-title').innerText()).toBe(
      'This sign-in cannot read usage',
    );
    expect(await page.locator('.banner-error button').allInnerTexts()).toEqual([
      'Copy claude command',
      'Set up the status line',
    ]);
  });

  it('rate-limited: Refresh says when the next try is', async () => {
    const { page } = await openAtRealSize('rate-limited', 'light');
    await page.locator('.actions button', { hasText: 'Refresh' }).click();
    await expect
      .poll(() => page.locator('.refresh-note').innerText())
      .toMatch(/^Anthropic asked Pacewatch to wait: next try at \d\d:\d\d \(in (8|9) m\)\.$/);
    await screenshot(page, 'rate-limited-refresh');
  });

  it('a short screen: the middle scrolls, the buttons and "updated" stay in view', async () => {
    const { page, height } = await openAtRealSize('critical', 'light', 420);
    expect(height).toBe(420 - 2 * GAP);
    expect(await page.locator('.middle').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(
      true,
    );
    expect(await inView(page, '.actions button')).toEqual([true, true, true]);
    expect(await inView(page, '[data-testid="updated"]')).toEqual([true]);
    await screenshot(page, 'short-screen');
  });
});

describe('keyboard-only use of the popover', SLOW, () => {
  it('Tab reaches every control in reading order; Enter and Space act', async () => {
    const { page } = await openAtRealSize('normal', 'light');
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement;
          if (!(el instanceof HTMLElement) || el === document.body) return '(page)';
          return `${el.closest('[data-window]')?.getAttribute('data-window') ?? ''}:${el.getAttribute('aria-label') ?? el.textContent.trim()}`;
        }),
      );
    }
    expect(order).toEqual([
      'five_hour:5 h: the last 5 hours',
      'five_hour:7 d: the last 7 days',
      'seven_day:Week',
      'seven_day_opus:Week · Opus',
      ':Refresh',
      ':Settings',
      ':Quit',
      '(page)',
      'five_hour:5 h: the last 5 hours',
    ]);
  });
});
