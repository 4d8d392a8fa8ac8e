import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useBrowser } from './support/browser';
import { useDevWorld } from './support/dev-browser-world';
import { answering, usageBody } from './support/seeds';

const newWorld = useDevWorld();
/** Each test starts a dev server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };
const newPage = useBrowser();

/** What Tab reaches, in order: each focused control's role-ish tag and accessible text. */
async function tabOrder(page: Page, presses: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const element = document.activeElement;
        if (!(element instanceof HTMLElement) || element === document.body) return '(page)';
        const label =
          element instanceof HTMLInputElement || element instanceof HTMLSelectElement
            ? (element.labels?.[0]?.textContent ?? '(unlabelled)')
            : element.textContent;
        return `${element.tagName.toLowerCase()}:${label.trim()}`;
      }),
    );
  }
  return seen;
}

describe('keyboard use', SLOW, () => {
  it('the popover: Tab reaches every button in reading order, Escape hides it, Ctrl+R refreshes', async () => {
    const world = await newWorld({ signedIn: false });
    const { page, problems } = await newPage();
    await page.goto(world.popoverUrl);
    await page.locator('main[data-phase="ready"]').waitFor();
    expect(await tabOrder(page, 6)).toEqual([
      'button:Copy claude command',
      'button:Open settings',
      'button:Refresh',
      'button:Settings',
      'button:Quit',
      '(page)',
    ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => world.output()).toContain('(the popover would hide now)');

    world.api.respond({ body: usageBody(Date.now(), { session: 21, week: 5 }) });
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+r');
    // No login yet: a manual refresh reads the credential again and still finds none.
    await page.locator('main[aria-busy="false"]').waitFor();
    expect(await page.locator('.banner-signed-out').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the popover: Enter on Settings opens the settings page, whose every control has a label and is reachable', async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.popoverUrl);
    await page.locator('main[data-phase="ready"]').waitFor();
    // The session's history spans, the week's compact row, then the footer's buttons.
    expect(await tabOrder(page, 5)).toEqual([
      'button:5 h',
      'button:7 d',
      'button:Week',
      'button:Refresh',
      'button:Settings',
    ]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/settings\.html/);
    await page.locator('#thresholds').waitFor();

    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')]
        .filter((input) => input.labels?.length !== 1)
        .map((input) => input.id),
    );
    expect(unlabelled).toEqual([]);
    // Every enabled control, in document (reading) order, as the Tab walk names them.
    const controls = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>(
          'input, button, select',
        ),
      ]
        .filter((control) => !control.disabled)
        .map((control) => {
          const label =
            control instanceof HTMLButtonElement
              ? control.textContent
              : control.labels?.[0]?.textContent;
          return `${control.tagName.toLowerCase()}:${label?.trim() ?? ''}`;
        }),
    );
    expect(controls).toContain('input:claude.ai session key');
    expect(controls).toContain('input:Notify at (% used)');
    expect(controls).toContain('button:For 1 hour');
    expect(controls).toContain('input:Session');
    expect(controls).toContain('button:Send a test notification');
    expect(controls).toContain('button:Set up the status line');
    expect(controls).toContain('select:The menu bar shows');
    expect(await tabOrder(page, controls.length + 1)).toEqual([...controls, '(page)']);
    // dev:browser cannot set launch at login: the switch is there, disabled, and says why.
    expect(await page.locator('#launch-at-login').isDisabled()).toBe(true);
    expect(await page.locator('#launch-at-login-description').innerText()).toBe(
      'Applies in the app only, not in dev:browser.',
    );
    await screenshot(page, 'settings');
    expect(problems).toEqual([]);
  });
});
