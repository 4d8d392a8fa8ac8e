import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser';
import { popoverState } from './support/popover-states';
import { useStubServer } from './support/stub-server';

const newPage = useBrowser();
const serve = useStubServer();
/** A stub server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };

describe('"Restart to update" in the popover', SLOW, () => {
  it('appears once a version is downloaded, and asks main to restart only when clicked', async () => {
    const now = Date.now();
    const stub = await serve({ ...popoverState('normal', now), update: { version: '0.2.0' } });
    const { page, problems } = await newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(stub.url);
    const button = page.getByRole('button', { name: 'Restart to update' });
    await button.waitFor();
    expect(await page.locator('.update-line').innerText()).toBe(
      'Restart to update Pacewatch 0.2.0 is ready.',
    );
    expect(stub.restarts()).toBe(0);
    await button.click();
    await expect.poll(() => stub.restarts()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('is absent while no update is waiting', async () => {
    const stub = await serve(popoverState('normal', Date.now()));
    const { page, problems } = await newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(stub.url);
    await page.getByRole('button', { name: 'Refresh' }).waitFor();
    expect(await page.locator('.update-line').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
