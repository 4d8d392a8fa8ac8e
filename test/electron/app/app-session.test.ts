import type { Notification, Notifier } from '../../../electron/core/ports';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pacewatchOnPath } from '../../../electron/app/statusline-setup';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAppSession,
  type AppEvent,
  type AppSession,
  type LaunchAtLogin,
} from '../../../electron/app/app-session';
import { createUpdateService, type UpdateService } from '../../../electron/app/update-service';
import { createCore } from '../../../electron/core/create-core';
import { nodeTimers } from '../../../electron/core/create-engine';
import type { Logger, SecretStore } from '../../../electron/core/ports';
import type { RouteReport } from '../../../shared/domain/route/route-report';
import type { Settings } from '../../../shared/domain/settings';
import { Secret } from '../../../shared/domain/secret';
import {
  fakeClaudeCredentials,
  startFakeAnthropic,
  type FakeAnthropic,
} from '../../fakes/anthropic-api';
import { fakeTimers } from '../../support/fake-timers';
import { fakeUpdater } from '../../support/fake-updater';
import { useTempDir } from '../../support/temp-dir';

const HOUR = 3_600_000;
const SESSION_KEY = 'sk-ant-sid01-test-session-abc';
const tempDir = useTempDir('pacewatch-session-');
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const apis: FakeAnthropic[] = [];
const sessions: AppSession[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.stop()));
  await Promise.all(apis.splice(0).map((api) => api.close()));
});

/** The OS keychain, in memory; `broken` makes every call fail as a locked keychain does. */
function memorySecrets(broken = false): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  const guard = () => {
    if (broken) throw new Error('The system keychain is locked or unavailable: unlock it.');
  };
  return {
    values,
    get(service, account) {
      guard();
      const value = values.get(`${service}/${account}`);
      return Promise.resolve(value === undefined ? null : new Secret(value));
    },
    set(service, account, value) {
      guard();
      values.set(`${service}/${account}`, value.reveal());
      return Promise.resolve();
    },
    delete(service, account) {
      guard();
      return Promise.resolve(values.delete(`${service}/${account}`));
    },
  };
}

async function world(
  options: {
    brokenKeychain?: boolean;
    notifier?: Notifier;
    updates?: UpdateService;
    command?: string;
  } = {},
) {
  const root = tempDir();
  const home = join(root, 'home');
  const claude = join(home, '.claude');
  mkdirSync(claude, { recursive: true });
  writeFileSync(join(claude, '.credentials.json'), JSON.stringify(fakeClaudeCredentials()));
  const api = await startFakeAnthropic();
  apis.push(api);
  const resets = new Date(Date.now() + 2 * HOUR).toISOString();
  api.respond({
    body: {
      five_hour: { utilization: 30, resets_at: resets },
      seven_day: { utilization: 10, resets_at: resets },
    },
  });
  const secrets = memorySecrets(options.brokenKeychain);
  const env = {
    HOME: home,
    PACEWATCH_DATA_DIR: join(root, 'data'),
    PACEWATCH_ANTHROPIC_URL: api.url,
    CLAUDE_CONFIG_DIR: claude,
    PACEWATCH_OFFLINE: '1',
  };
  const created = await createCore({ pathEnv: { env, platform: 'linux', home }, secrets });
  if (!created.ok) throw new Error(created.message);
  const shell = {
    calls: [] as string[],
    openSettings: () => shell.calls.push('openSettings'),
    hidePopover: () => shell.calls.push('hidePopover'),
    fitPopover: (height: number) => shell.calls.push(`fitPopover ${height}`),
    copyText: (text: string) => {
      shell.calls.push(`copyText ${text}`);
      return Promise.resolve({ ok: true as const, value: null });
    },
    quit: () => shell.calls.push('quit'),
    openLogFile: () => {
      shell.calls.push('openLogFile');
      return Promise.resolve({ ok: true as const, value: null });
    },
  };
  const launches: boolean[] = [];
  const launchAtLogin: LaunchAtLogin = {
    supported: true,
    note: null,
    apply: (enabled) => (launches.push(enabled), Promise.resolve()),
  };
  let routeChecks = 0;
  const session = createAppSession({
    core: created.core,
    notifier: options.notifier ?? { notify: () => Promise.resolve() },
    ...(options.updates === undefined ? {} : { updates: options.updates }),
    logger: silent,
    timers: nodeTimers,
    shell,
    launchAtLogin,
    checkRoute: () => {
      routeChecks++;
      return Promise.resolve({ summary: 'Max subscription' } as RouteReport);
    },
    statusLineCommand: () => Promise.resolve(options.command ?? null),
  });
  sessions.push(session);
  const events: AppEvent[] = [];
  session.subscribe((event) => events.push(event));
  return {
    session,
    claude,
    core: created.core,
    secrets,
    shell,
    launches,
    events,
    api,
    routeChecks: () => routeChecks,
  };
}

describe('the app session (the handler table every shell shares)', () => {
  it('sends a test notification through the app notifier, and says so when it fails', async () => {
    const shown: Notification[] = [];
    const working = await world({
      notifier: { notify: (n) => (shown.push(n), Promise.resolve()) },
    });
    expect(await working.session.handlers.sendTestNotification()).toEqual({
      ok: true,
      value: null,
    });
    expect(shown).toEqual([
      {
        title: 'Pacewatch test notification',
        message: 'Notifications work: this is how Pacewatch tells you about your Claude limits.',
      },
    ]);
    const broken = await world({
      notifier: { notify: () => Promise.reject(new Error('notify-send is not installed.')) },
    });
    expect(await broken.session.handlers.sendTestNotification()).toEqual({
      ok: false,
      message: 'The test notification could not be shown: notify-send is not installed.',
    });
  });

  it('sets up the status line as `statusline --install` does: merged, backed up, asked before replacing', async () => {
    const command = '/opt/bin/pacewatch statusline';
    const { session, claude } = await world({ command });
    const path = join(claude, 'settings.json');
    writeFileSync(
      path,
      JSON.stringify({ theme: 'dark', statusLine: { type: 'command', command: 'ccline' } }),
    );
    // Another status line is there: nothing is written until the user says to replace it.
    expect(await session.handlers.installStatusLine({ replace: false })).toEqual({
      ok: true,
      value: {
        message: `${path} already has a status line: \u201cccline\u201d. Replace it with Pacewatch's? The old file is backed up first.`,
        replaceable: true,
      },
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      theme: 'dark',
      statusLine: { type: 'command', command: 'ccline' },
    });
    const replaced = await session.handlers.installStatusLine({ replace: true });
    const backups = readdirSync(claude).filter((name) =>
      name.startsWith('settings.json.pacewatch-backup-'),
    );
    expect(backups).toHaveLength(1);
    expect(replaced).toEqual({
      ok: true,
      value: {
        message: `Added Pacewatch's status line to ${path}. The previous file is kept at ${join(claude, backups[0] ?? '')}. It shows from Claude Code's next prompt.`,
        replaceable: false,
      },
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      theme: 'dark',
      statusLine: { type: 'command', command, padding: 0 },
    });
    expect(await session.handlers.installStatusLine({ replace: false })).toEqual({
      ok: true,
      value: {
        message: `Claude Code's status line already runs Pacewatch (${path}). Nothing changed.`,
        replaceable: false,
      },
    });
  });

  it('setting up the status line: a broken settings file is left alone, a missing command is named', async () => {
    const broken = await world({ command: '/opt/bin/pacewatch statusline' });
    const path = join(broken.claude, 'settings.json');
    writeFileSync(path, '{ "theme": ');
    expect(await broken.session.handlers.installStatusLine({ replace: true })).toEqual({
      ok: false,
      message: `${path} was left as it is: it is not valid JSON. Fix the file (or move it aside) and try again.`,
    });
    expect(readFileSync(path, 'utf8')).toBe('{ "theme": ');
    const missing = await world();
    expect(await missing.session.handlers.installStatusLine({ replace: false })).toEqual({
      ok: false,
      message:
        'The pacewatch command was not found on your PATH. Install it with npm install -g pacewatch, then press the button again.',
    });
    expect(readdirSync(missing.claude)).toEqual(['.credentials.json']);
  });

  it('finds the pacewatch command on PATH, by its absolute path', async () => {
    const bin = join(tempDir(), 'my bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'pacewatch'), '#!/bin/sh\n', { mode: 0o755 });
    expect(await pacewatchOnPath({ PATH: `/nonexistent${delimiter}${bin}` })).toBe(
      `'${join(bin, 'pacewatch')}' statusline`,
    );
    expect(await pacewatchOnPath({ PATH: '/nonexistent' })).toBeNull();
  });

  it('refresh reads every source and checks the billing route again', async () => {
    const { session, routeChecks, api } = await world();
    const model = await session.handlers.refresh();
    expect(model.phase).toBe('ready');
    expect(model.cards.map((card) => [card.id, card.utilization])).toEqual([
      ['five_hour', 30],
      ['seven_day', 10],
    ]);
    expect(model.route).toBe('Max subscription');
    expect(routeChecks()).toBe(1);
    expect(api.requests).toHaveLength(1);
  });

  it('saves a settings change, applies launch at login only when it changed, and pushes the new settings', async () => {
    const { session, core, launches, events } = await world();
    const saved = await session.handlers.saveSettings({
      thresholds: [80, 60, 80],
      launchAtLogin: true,
      sources: { web: true },
    });
    expect(saved.ok).toBe(true);
    expect(core.settings()).toMatchObject({
      alerts: { thresholds: [60, 80] },
      launchAtLogin: true,
      sources: { web: { enabled: true }, oauth: { enabled: true } },
    });
    expect(JSON.parse(readFileSync(core.layout.settings, 'utf8'))).toMatchObject({
      alerts: { thresholds: [60, 80] },
    });
    await session.handlers.saveSettings({ thresholds: [70] });
    expect(launches).toEqual([true]);
    expect(events.filter((event) => event.name === 'settings')).toHaveLength(2);
    expect(events.some((event) => event.name === 'popover' && event.payload.warnAt === 70)).toBe(
      true,
    );
  });

  it('shows "Restart to update" once a version is downloaded, and installs it only on that request', async () => {
    const fake = fakeUpdater();
    let enabled = () => true;
    const updates = createUpdateService({
      updater: fake.updater,
      enabled: () => enabled(),
      timers: fakeTimers(),
      logger: silent,
    });
    const { session, core, events } = await world({ updates });
    enabled = () => core.settings().autoUpdate;
    expect(core.settings().autoUpdate).toBe(true);
    expect(fake.calls.checks).toBe(0);
    session.start();
    expect(fake.calls.checks).toBe(1);

    // The switch is saved to settings.json; switched on again, it looks at once.
    const saved = await session.handlers.saveSettings({ autoUpdate: false });
    expect(saved.ok && saved.value.settings.autoUpdate).toBe(false);
    expect(JSON.parse(readFileSync(core.layout.settings, 'utf8'))).toMatchObject({
      autoUpdate: false,
    });
    await session.handlers.saveSettings({ autoUpdate: true });
    expect(fake.calls.checks).toBe(2);

    expect(session.popover().update).toBeUndefined();
    fake.download('0.2.0');
    expect(session.popover().update).toEqual({ version: '0.2.0' });
    const last = events.filter((event) => event.name === 'popover').at(-1);
    expect(last?.name === 'popover' ? last.payload.update : null).toEqual({ version: '0.2.0' });
    expect(fake.calls.installs).toBe(0);
    expect(await session.handlers.restartToUpdate()).toBeNull();
    expect(fake.calls.installs).toBe(1);
  });

  it('per-window thresholds: saved, offered for session, week and every window seen, and they colour the card', async () => {
    const { session, core } = await world();
    expect((await session.settings()).windows).toEqual([
      { id: 'five_hour', label: 'Session' },
      { id: 'seven_day', label: 'Week' },
    ]);
    const saved = await session.handlers.saveSettings({
      windowThresholds: { five_hour: [25, 40], seven_day_opus: [95] },
    });
    expect(saved.ok && saved.value.windows).toEqual([
      { id: 'five_hour', label: 'Session' },
      { id: 'seven_day', label: 'Week' },
      { id: 'seven_day_opus', label: 'Week · Opus' },
    ]);
    expect(core.settings().alerts.windowThresholds).toEqual({
      five_hour: [25, 40],
      seven_day_opus: [95],
    });
    // The session at 30 % is a warning by its own thresholds, the week at 10 % stays normal.
    const model = await session.handlers.refresh();
    expect(model.cards.map((card) => [card.id, card.level, card.thresholds])).toEqual([
      ['five_hour', 'warning', [25, 40]],
      ['seven_day', 'normal', [50, 75, 90]],
    ]);
    await session.handlers.saveSettings({ windowThresholds: { five_hour: null } });
    expect(core.settings().alerts.windowThresholds).toEqual({ seven_day_opus: [95] });
  });

  it('two changes sent at once both land: each applies to what the one before saved', async () => {
    const { session, core } = await world();
    const answers = await Promise.all([
      session.handlers.saveSettings({ lockoutLeadMinutes: 45 }),
      session.handlers.saveSettings({ quietHours: { start: '22:00', end: '08:00' } }),
      session.handlers.snooze({ choice: '1h' }),
      session.handlers.saveSettings({ trayTitle: 'both' }),
    ]);
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, true]);
    const stored = JSON.parse(readFileSync(core.layout.settings, 'utf8')) as Settings;
    expect([
      stored.alerts.lockoutLeadMinutes,
      stored.quietHours,
      stored.snoozeUntil !== null,
      stored.trayTitle,
    ]).toEqual([45, { start: '22:00', end: '08:00' }, true, 'both']);
  });

  it('refuses settings the schema refuses, with the sentence, and keeps the old ones', async () => {
    const { session, core } = await world();
    const saved = await session.handlers.saveSettings({
      quietHours: { start: '25:00', end: '08:00' },
    });
    expect(saved).toEqual({
      ok: false,
      message: 'Settings not saved: quietHours.start must be a time like "22:30".',
    });
    expect(core.settings().quietHours).toBeNull();
  });

  it('stores a pasted credential in the keychain and answers with "stored" and when, never the value', async () => {
    const { session, secrets } = await world();
    const before = Date.now();
    const stored = await session.handlers.storeCredential({
      id: 'web',
      value: `  ${SESSION_KEY}\n`,
    });
    expect(secrets.values.get('Pacewatch/web-session-key')).toBe(SESSION_KEY);
    if (!stored.ok) throw new Error(stored.message);
    const web = stored.value.credentials.find((credential) => credential.id === 'web');
    expect(web?.stored).toBe(true);
    expect(web?.storedAt).toBeGreaterThanOrEqual(before);
    expect(JSON.stringify(stored)).not.toContain('test-session-abc');
    expect(JSON.stringify(await session.handlers.getSettings())).not.toContain('test-session-abc');

    const cleared = await session.handlers.clearCredential({ id: 'web' });
    expect(cleared.ok && cleared.value.credentials.find((c) => c.id === 'web')?.stored).toBe(false);
    expect(secrets.values.size).toBe(0);
  });

  it('refuses a credential of the wrong shape with the sentence that says what to paste', async () => {
    const { session, secrets } = await world();
    const stored = await session.handlers.storeCredential({
      id: 'admin',
      value: 'sk-ant-api03-test-key-abc',
    });
    expect(stored).toEqual({
      ok: false,
      message:
        'That does not look like an Admin API key (it starts with sk-ant-admin). Create one in the Anthropic Console under Settings → Admin keys, and paste it again.',
    });
    expect(secrets.values.size).toBe(0);
  });

  it('says when the keychain cannot be read, instead of failing the settings window', async () => {
    const { session } = await world({ brokenKeychain: true });
    const model = await session.handlers.getSettings();
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]).toMatch(/keychain/);
    expect(model.credentials.map((c) => c.stored)).toEqual([false, false]);
  });

  it('snoozes for an hour, and resumes', async () => {
    const { session, core } = await world();
    const before = Date.now();
    await session.handlers.snooze({ choice: '1h' });
    const until = core.settings().snoozeUntil ?? 0;
    expect(until - before).toBeGreaterThanOrEqual(HOUR);
    expect(until - Date.now()).toBeLessThanOrEqual(HOUR);
    expect((await session.handlers.getPopover()).snoozedUntil).toBe(until);
    await session.handlers.snooze({ choice: 'off' });
    expect(core.settings().snoozeUntil).toBeNull();
  });

  it('passes window requests to the shell', async () => {
    const { session, shell } = await world();
    await session.handlers.openSettings();
    await session.handlers.hidePopover();
    await session.handlers.fitPopover({ height: 412 });
    expect(await session.handlers.copyText({ text: 'claude' })).toEqual({ ok: true, value: null });
    await session.handlers.quit();
    expect(await session.handlers.openLogFile()).toEqual({ ok: true, value: null });
    expect(shell.calls).toEqual([
      'openSettings',
      'hidePopover',
      'fitPopover 412',
      'copyText claude',
      'quit',
      'openLogFile',
    ]);
  });
});
