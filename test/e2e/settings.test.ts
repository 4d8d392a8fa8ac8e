import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PacewatchApi } from '../../shared/ipc/contract';
import { desktopService } from '../support/desktop';
import { axeViolations, blocking } from './support/axe';
import { screenshot, useBrowser } from './support/browser';
import { useDevWorld } from './support/dev-browser-world';
import { answering } from './support/seeds';

const newWorld = useDevWorld();
/** Each test starts a dev server and a browser page; a loaded 2-core machine needs the slack. */
const SLOW = { timeout: 90_000 };
const newPage = useBrowser();
const keyring = desktopService('keyring');
const notifications = desktopService('notifications');

/** Obviously fake, the shape the credential service accepts. */
const SESSION_KEY = 'sk-ant-sid01-test-session-abc';

describe('the settings page on dev:browser', SLOW, () => {
  it('saves thresholds, lead time and quiet hours to settings.json, and refuses what does not parse', async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    await page.locator('#thresholds').fill('80, 60');
    await page.locator('#thresholds').press('Enter');
    await page.locator('#thresholds-status', { hasText: 'Saved.' }).waitFor();
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

  it('keeps a switch where the user put it while an earlier change is still being saved', async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    // Main's answers to saveSettings are held here and let through one at a time.
    const held: Route[] = [];
    await page.route('**/ipc/saveSettings', (route) => {
      held.push(route);
    });
    const release = async (count: number) => {
      await expect.poll(() => held.length).toBeGreaterThanOrEqual(count);
      await held[count - 1]?.continue();
    };
    await page.goto(world.settingsUrl);
    await page.locator('#lockout-lead').fill('45');
    await page.locator('#lockout-lead').press('Enter');
    await page.locator('#quiet-hours').check();
    // The lead time's answer comes back first, still without quiet hours: the switch stays on.
    await release(1);
    await page.locator('#lockout-lead-status', { hasText: 'Saved.' }).waitFor();
    expect(await page.locator('#quiet-hours').isChecked()).toBe(true);
    await release(2);
    await page.locator('#quiet-hours-status', { hasText: 'Saved.' }).waitFor();
    expect(await page.locator('#quiet-hours').isChecked()).toBe(true);
    expect(JSON.parse(readFileSync(world.layout.settings, 'utf8'))).toMatchObject({
      alerts: { lockoutLeadMinutes: 45 },
      quietHours: { start: '22:00', end: '08:00' },
    });
    expect(problems).toEqual([]);
  });

  it('says next to each field what became of it; thresholds per limit; the menu bar title; the budget with its source', async () => {
    const world = await newWorld(answering({ session: 30, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 1400 } });
    await page.goto(world.settingsUrl);
    await page.locator('#thresholds-five_hour').waitFor();
    // The limits offered: session and week, with the general thresholds as the placeholder.
    expect(await page.locator('.window-thresholds label').allInnerTexts()).toEqual([
      'Session',
      'Week',
    ]);
    expect(await page.locator('#thresholds-five_hour').getAttribute('placeholder')).toBe(
      '50, 75, 90',
    );
    await page.locator('#thresholds-five_hour').fill('40, 25');
    await page.locator('#thresholds-five_hour').press('Enter');
    await page.locator('#thresholds-five_hour-status', { hasText: 'Saved.' }).waitFor();
    // Only the field that changed says so.
    expect(await page.locator('.field-status:not(:empty)').allInnerTexts()).toEqual(['Saved.']);
    expect(await page.locator('#thresholds-five_hour').inputValue()).toBe('25, 40');

    // A value that does not parse: the reason next to the field, and what was typed stays.
    await page.locator('#thresholds-seven_day').fill('lots');
    await page.locator('#thresholds-seven_day').press('Enter');
    expect(await page.locator('#thresholds-seven_day-problem').innerText()).toBe(
      'Use percentages from 1 to 100, separated by commas, like 50, 75, 90.',
    );
    expect(await page.locator('#thresholds-seven_day').inputValue()).toBe('lots');
    expect(await page.locator('#thresholds-seven_day').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#tray-title').selectOption('both');
    await page.locator('#tray-title-status', { hasText: 'Saved.' }).waitFor();
    expect(await page.locator('#thresholds-five_hour-status').innerText()).toBe('');

    // The Admin API budget sits under its source's switch, not under Polling.
    expect(await page.locator('.source:has(#source-admin) #budget').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="polling-heading"] #budget').count()).toBe(
      0,
    );
    await page.locator('#budget').fill('250');
    await page.locator('#budget').press('Enter');
    await page.locator('#budget-status', { hasText: 'Saved.' }).waitFor();
    await expect
      .poll(
        () => JSON.parse(readFileSync(world.layout.settings, 'utf8')) as Record<string, unknown>,
      )
      .toMatchObject({
        alerts: { thresholds: [50, 75, 90], windowThresholds: { five_hour: [25, 40] } },
        trayTitle: 'both',
        sources: { admin: { monthlyBudgetUsd: 250 } },
      });
    // Text renders as text: no markdown backticks anywhere on the page.
    expect(await page.locator('main').innerText()).not.toContain('`');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(blocking(await axeViolations(page))).toEqual([]);
      await screenshot(page, `settings-fields-${scheme}`);
    }
    expect(problems).toEqual([]);
  });

  it("sets up Claude Code's status line, asking before it replaces another one", async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const path = join(world.home, '.claude', 'settings.json');
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    await page.locator('#statusline-setup').click();
    const status = page.locator('#statusline-setup-status');
    await status.filter({ hasText: 'Added' }).waitFor();
    expect(await status.innerText()).toBe(
      `Added Pacewatch's status line to ${path}. It shows from Claude Code's next prompt.`,
    );
    const command = (JSON.parse(readFileSync(path, 'utf8')) as { statusLine: { command: string } })
      .statusLine.command;
    expect(command.endsWith(`${join('bin', 'pacewatch.cjs')} statusline`)).toBe(true);

    writeFileSync(path, JSON.stringify({ statusLine: { type: 'command', command: 'ccline' } }));
    await page.locator('#statusline-setup').click();
    await status.filter({ hasText: 'already has' }).waitFor();
    expect(await status.innerText()).toBe(
      `${path} already has a status line: \u201cccline\u201d. Replace it with Pacewatch's? The old file is backed up first.`,
    );
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      statusLine: { type: 'command', command: 'ccline' },
    });
    await page.locator('#statusline-replace').click();
    await status.filter({ hasText: 'Added' }).waitFor();
    expect(await status.innerText()).toMatch(
      /^Added Pacewatch's status line to .+\. The previous file is kept at .+\.pacewatch-backup-.+\. It shows from Claude Code's next prompt\.$/,
    );
    expect(await page.locator('#statusline-replace').count()).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      statusLine: { type: 'command', command, padding: 0 },
    });
    expect(problems).toEqual([]);
  });

  it('snoozes notifications until a time the popover shows too', async () => {
    const world = await newWorld(answering({ session: 21, week: 5 }));
    const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
    await page.goto(world.settingsUrl);
    await page.getByRole('button', { name: 'For 1 hour' }).click();
    await page.locator('#snooze-status', { hasText: 'Notifications snoozed.' }).waitFor();
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
    const world = await newWorld(answering({ session: 21, week: 5 }));
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

describe.skipIf(!notifications.ready)(
  'a test notification (real notification service)',
  SLOW,
  () => {
    it('is sent from settings, and the page says so next to the button', async () => {
      const world = await newWorld(answering({ session: 21, week: 5 }));
      const { page, problems } = await newPage({ viewport: { width: 560, height: 900 } });
      await page.goto(world.settingsUrl);
      await page.getByRole('button', { name: 'Send a test notification' }).click();
      const status = page.locator('#test-notification-status');
      await status.filter({ hasText: /./ }).waitFor();
      expect(await status.innerText()).toBe(
        'Sent. If nothing showed, allow notifications for Pacewatch in the system settings.',
      );
      expect(problems).toEqual([]);
    });
  },
);
