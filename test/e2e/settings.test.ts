import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PacewatchApi } from '../../shared/ipc/contract';
import { desktopService } from '../support/desktop';
import { screenshot, useBrowser } from './support/browser';
import { useDevWorld } from './support/dev-browser-world';
import { usageBody } from './support/seeds';

const newWorld = useDevWorld();
/** Each test starts a dev server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };
const newPage = useBrowser();
const keyring = desktopService('keyring');

/** Obviously fake, the shape the credential service accepts. */
const SESSION_KEY = 'sk-ant-sid01-test-session-abc';

describe('the settings page on dev:browser', SLOW, () => {
  it('saves thresholds, lead time and quiet hours to settings.json, and refuses what does not parse', async () => {
    const world = await newWorld({
      script: (api) => {
        api.respond({ body: usageBody(Date.now(), { session: 21, week: 5 }) });
      },
    });
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    await page.locator('#thresholds').fill('80, 60');
    await page.locator('#thresholds').press('Enter');
    await page.locator('.save-status', { hasText: 'Saved.' }).waitFor();
    await page.locator('#lockout-lead').fill('soon');
    await page.locator('#lockout-lead').press('Enter');
    expect(await page.locator('#lockout-lead-problem').innerText()).toBe(
      'Use a whole number of minutes from 0 to 1440.',
    );
    expect(await page.locator('#lockout-lead').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#lockout-lead').fill('45');
    await page.locator('#lockout-lead').press('Enter');
    await page.locator('#quiet-hours').check();
    await page.locator('#quiet-start').waitFor();
    await expect
      .poll(
        () => JSON.parse(readFileSync(world.layout.settings, 'utf8')) as Record<string, unknown>,
      )
      .toMatchObject({
        alerts: { thresholds: [60, 80], lockoutLeadMinutes: 45 },
        quietHours: { start: '22:00', end: '08:00' },
      });
    expect(await page.locator('#thresholds').inputValue()).toBe('60, 80');
    expect(problems).toEqual([]);
  });

  it('snoozes notifications until a time the popover shows too', async () => {
    const world = await newWorld({
      script: (api) => {
        api.respond({ body: usageBody(Date.now(), { session: 21, week: 5 }) });
      },
    });
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    await page.getByRole('button', { name: 'For 1 hour' }).click();
    await page.locator('.save-status', { hasText: 'Notifications snoozed.' }).waitFor();
    const label = await page.locator('#snooze-label').innerText();
    expect(label).toMatch(/^Snoozed until \d\d:\d\d$/);
    await page.goto(world.popoverUrl);
    await page.locator('main[data-phase="ready"]').waitFor();
    expect(await page.locator('.snoozed').innerText()).toBe(
      `Notifications snoozed until ${label.slice('Snoozed until '.length)}`,
    );
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!keyring.ready)('a pasted credential (real keychain)', SLOW, () => {
  it('lands in the keychain, shows only "stored", and can never be read back by the page', async () => {
    const keytar = (await import('keytar')).default;
    await keytar.deletePassword('Pacewatch', 'web-session-key');
    const world = await newWorld({
      script: (api) => {
        api.respond({ body: usageBody(Date.now(), { session: 21, week: 5 }) });
      },
    });
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    const bodies: string[] = [];
    page.on('response', (response) => {
      void response
        .text()
        .then((text) => bodies.push(text))
        .catch(() => undefined);
    });
    await page.goto(world.settingsUrl);
    const field = page.locator('#credential-web');
    await field.fill(SESSION_KEY);
    await field.press('Enter');
    // The confirmation, or the refusal: a failed store shows its sentence here, not a timeout.
    const outcome = page.locator('[data-credential="web"] :is(.ok, .error)');
    await outcome.waitFor();
    try {
      expect(await outcome.innerText()).toBe('Stored in the system keychain.');
      expect(await keytar.getPassword('Pacewatch', 'web-session-key')).toBe(SESSION_KEY);
      expect(await page.locator('[data-testid="credential-status-web"]').innerText()).toBe(
        'Stored · just now',
      );
      expect(await field.inputValue()).toBe('');
      expect(await field.getAttribute('type')).toBe('password');
      await screenshot(page, 'settings-credential-stored');

      // Whatever the page asks for, the secret never comes back.
      const asked = await page.evaluate(async () => {
        const api = (window as unknown as { pacewatch?: PacewatchApi }).pacewatch;
        if (api === undefined) return 'no bridge';
        return JSON.stringify([
          await api.getSettings(),
          await api.getPopover(),
          await api.refresh(),
        ]);
      });
      expect(asked).not.toContain(SESSION_KEY);
      expect(asked).not.toContain('test-session-abc');
      expect(await page.content()).not.toContain(SESSION_KEY);
      expect(bodies.join('\n')).not.toContain(SESSION_KEY);
      expect(world.output()).not.toContain(SESSION_KEY);
      const files = readdirSync(world.layout.dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));
      expect(files).toContain(join(world.layout.dir, 'credentials.json'));
      expect(files.filter((file) => readFileSync(file, 'utf8').includes(SESSION_KEY))).toEqual([]);

      await page.getByRole('button', { name: 'Clear' }).first().click();
      await page
        .locator('[data-testid="credential-status-web"]', { hasText: 'Not stored' })
        .waitFor();
      expect(await keytar.getPassword('Pacewatch', 'web-session-key')).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await keytar.deletePassword('Pacewatch', 'web-session-key');
    }
  });

  it('refuses a pasted value of the wrong shape with the sentence that says what to paste', async () => {
    const keytar = (await import('keytar')).default;
    const world = await newWorld();
    const { page } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    await page.locator('#credential-admin').fill('not-a-key');
    await page.locator('#credential-admin').press('Enter');
    expect(await page.locator('[data-credential="admin"] [role="alert"]').innerText()).toBe(
      'That does not look like an Admin API key (it starts with sk-ant-admin). Create one in the Anthropic Console under Settings → Admin keys, and paste it again.',
    );
    expect(await keytar.getPassword('Pacewatch', 'admin-api-key')).toBeNull();
  });
});
