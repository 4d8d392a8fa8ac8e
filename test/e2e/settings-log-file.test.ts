import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser';
import { useDevWorld } from './support/dev-browser-world';
import { answering } from './support/seeds';

const newWorld = useDevWorld();
/** A dev server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };
const newPage = useBrowser();

describe('"Open log file" in the settings page on dev:browser', SLOW, () => {
  it('asks main to open the log and shows the sentence main answers', async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    const status = page.locator('.log-file [role="status"]');
    expect(await status.innerText()).toBe('');
    await page.getByRole('button', { name: 'Open log file' }).click();
    await page
      .locator('.log-file [role="status"]', {
        hasText: 'dev:browser logs to its terminal, not to a file.',
      })
      .waitFor();
    expect(problems).toEqual([]);
  });
});
