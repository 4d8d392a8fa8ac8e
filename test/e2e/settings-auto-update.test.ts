import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser';
import { useDevWorld } from './support/dev-browser-world';
import { answering } from './support/seeds';

const newWorld = useDevWorld();
/** A dev server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };
const newPage = useBrowser();

describe('the auto-update switch in the settings page on dev:browser', SLOW, () => {
  it('is on by default, and switching it off is saved to settings.json', async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    const toggle = page.getByLabel('Update automatically');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await page.locator('#auto-update-status', { hasText: 'Saved.' }).waitFor();
    await expect
      .poll(
        () => JSON.parse(readFileSync(world.layout.settings, 'utf8')) as Record<string, unknown>,
      )
      .toMatchObject({ autoUpdate: false });
    expect(await toggle.isChecked()).toBe(false);
    expect(problems).toEqual([]);
  });
});
