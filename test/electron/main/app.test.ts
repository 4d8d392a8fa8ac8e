import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppSession } from '../../../electron/app/app-session';
import { BANKED_RESETS_QUERY } from '../../../electron/core/sources/oauth/oauth-source';
import type { Logger } from '../../../electron/core/ports';
import { INVOKE_NAMES, eventChannel, invokeChannel } from '../../../shared/ipc/contract';
import type { PopoverModel } from '../../../shared/ipc/popover-model';
import {
  fakeClaudeCredentials,
  startFakeAnthropic,
  type FakeAnthropic,
} from '../../fakes/anthropic-api';
import { litellmEntry, startFakePriceList } from '../../fakes/price-list';
import { useTempDir } from '../../support/temp-dir';
import type { FakeAutoUpdater } from './fake-auto-updater';
import type { FakeBrowserWindow, FakeElectron, FakeNotification, FakeTray } from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as FakeElectron | null }));

vi.mock('electron', async () => {
  const { fakeElectron } = await import('./fake-electron');
  electron.current = fakeElectron();
  return electron.current;
});

// electron-updater's autoUpdater, as a typed fake: checks and installs counted, events fired.
const autoUpdater = vi.hoisted(() => ({ current: null as FakeAutoUpdater | null }));
vi.mock('electron-updater', async () => {
  const { FakeAutoUpdater } = await import('./fake-auto-updater');
  autoUpdater.current = new FakeAutoUpdater();
  return { autoUpdater: autoUpdater.current };
});

const DIST = join(import.meta.dirname, '..', '..', '..', 'dist');
const HOUR = 3_600_000;
const tempDir = useTempDir('pacewatch-main-');
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let api: FakeAnthropic;
let dataDir: string;
const sessions: AppSession[] = [];

beforeEach(async () => {
  vi.resetModules();
  electron.current?.Notification.shown.splice(0);
  const root = tempDir();
  const claude = join(root, 'home', '.claude');
  mkdirSync(claude, { recursive: true });
  writeFileSync(join(claude, '.credentials.json'), JSON.stringify(fakeClaudeCredentials()));
  dataDir = join(root, 'data');
  api = await startFakeAnthropic();
  vi.stubEnv('HOME', join(root, 'home'));
  vi.stubEnv('SHELL', '/bin/sh');
  vi.stubEnv('PACEWATCH_DATA_DIR', dataDir);
  vi.stubEnv('PACEWATCH_ANTHROPIC_URL', api.url);
  vi.stubEnv('PACEWATCH_OFFLINE', '1');
  vi.stubEnv('CLAUDE_CONFIG_DIR', claude);
  vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', '');
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.stop()));
  await api.close();
  vi.unstubAllEnvs();
});

function usage(session: number): object {
  const resets = new Date(Date.now() + 2 * HOUR).toISOString();
  return {
    five_hour: { utilization: session, resets_at: resets },
    seven_day: { utilization: 10, resets_at: resets },
  };
}

interface Started {
  readonly session: AppSession;
  readonly fake: FakeElectron;
  /** The windows this start created: the popover first. */
  readonly windows: () => FakeBrowserWindow[];
  readonly tray: FakeTray;
}

/** Starts the app; the fake module is shared by the tests, so this start's objects are picked out. */
async function start(): Promise<Started> {
  const { startApp } = await import('../../../electron/main/start-app');
  const fake = electron.current;
  if (fake === null) throw new Error('electron is not mocked');
  const { BrowserWindow, Tray } = fake;
  const windowsBefore = BrowserWindow.created.length;
  const traysBefore = Tray.created.length;
  const session = await startApp({ logger: silent, dist: DIST });
  if (session === null) throw new Error('the app did not start');
  sessions.push(session);
  const tray = Tray.created[traysBefore];
  if (tray === undefined) throw new Error('no tray');
  return { session, fake, windows: () => BrowserWindow.created.slice(windowsBefore), tray };
}

/** The titles of the notifications the app showed. */
function notified(): (string | undefined)[] {
  return shownNotifications().map((shown) => shown.options.title);
}

/** What the mocked Notification class showed (the mock is rebuilt when modules reset). */
function shownNotifications(): FakeNotification[] {
  return electron.current?.Notification.shown ?? [];
}

/** Waits for the engine's first look at the sources. */
async function firstTick(session: AppSession): Promise<void> {
  await vi.waitFor(
    () => {
      if (session.engine.state() === null) throw new Error('no tick yet');
    },
    { timeout: 10_000 },
  );
}

/** An invoke from the popover's own top frame on the app protocol. */
function fromPopover(
  window: FakeBrowserWindow,
  url = 'pacewatch://app/popover.html',
  parent: unknown = null,
) {
  return { sender: { id: window.webContents.id }, senderFrame: { url, parent } };
}

describe('the app main process (typed fake of electron)', () => {
  it('creates the popover hidden, frameless and sandboxed, on the app protocol, with every window secure', async () => {
    api.respond({ body: usage(20) });
    const { fake, windows } = await start();
    const popover = windows()[0];
    expect(windows()).toHaveLength(1);
    expect(popover?.url).toBe('pacewatch://app/popover.html');
    expect(popover?.options).toMatchObject({
      show: false,
      frame: false,
      resizable: false,
      skipTaskbar: true,
    });

    await fake.ipcMain.invoke(
      invokeChannel('openSettings'),
      fromPopover(popover as FakeBrowserWindow),
    );
    const settings = windows()[1];
    expect(settings?.url).toBe('pacewatch://app/settings.html');
    for (const window of windows()) {
      expect(window.options.webPreferences).toEqual({
        preload: join(DIST, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
      });
    }
  });

  it('asks Anthropic through Electron’s network stack (net.fetch: the system proxy settings)', async () => {
    api.respond({ body: usage(20) });
    const { fake, session } = await start();
    const before = fake.net.fetched.length;
    await firstTick(session);
    expect(fake.net.fetched.slice(before)).toEqual([
      `${api.url}/api/oauth/usage${BANKED_RESETS_QUERY}`,
    ]);
    expect(session.popover().cards[0]?.utilization).toBe(20);
  });

  it('refreshes prices through Electron’s network stack too, with room for the whole list', async () => {
    const list = await startFakePriceList();
    try {
      // LiteLLM's list is ~1.5 MB, past the 1 MB a usage answer may have: this one is ~1.7 MB.
      const others = Array.from({ length: 12_000 }, (_, index) => [
        `other-model-${index}`,
        litellmEntry(1, 2),
      ]);
      list.reply({
        kind: 'json',
        body: { ...Object.fromEntries(others), 'claude-opus-6': litellmEntry(6, 30) },
      });
      vi.stubEnv('PACEWATCH_OFFLINE', '');
      vi.stubEnv('PACEWATCH_PRICES_URL', list.url);
      mkdirSync(join(process.env.CLAUDE_CONFIG_DIR ?? '', 'projects'), { recursive: true });
      const { fake } = await start();
      const cache = join(dataDir, 'prices-refreshed.json');
      await vi.waitFor(
        () => {
          if (!existsSync(cache)) throw new Error('no refreshed prices yet');
        },
        { timeout: 10_000 },
      );
      expect(fake.net.fetched).toContain(list.url);
      expect(list.requests).toBe(1);
      expect(JSON.parse(readFileSync(cache, 'utf8'))).toMatchObject({
        url: list.url,
        rows: [
          {
            models: ['claude-opus-6'],
            price: { input: { perMillion: 6 }, output: { perMillion: 30 } },
          },
        ],
      });
    } finally {
      await list.close();
    }
  });

  it('opens the log file in the data dir when the settings ask', async () => {
    const { fake, windows } = await start();
    const popover = windows()[0] as FakeBrowserWindow;
    const log = join(dataDir, 'pacewatch.log');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(log, '2026-12-05T01:00:00.000Z INFO Pacewatch 0.1.0 started\n');
    const before = fake.shell.opened.length;
    expect(await fake.ipcMain.invoke(invokeChannel('openLogFile'), fromPopover(popover))).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.shell.opened.slice(before)).toEqual([log]);
  });

  it('packaged: checks for an update at start, and installs one only on "Restart to update"', async () => {
    const fake = electron.current;
    if (fake === null) throw new Error('electron is not mocked');
    fake.app.isPackaged = true;
    try {
      const { session, windows } = await start();
      const updater = autoUpdater.current as FakeAutoUpdater;
      expect(updater.checks).toBe(1);
      expect([updater.autoDownload, updater.autoInstallOnAppQuit]).toEqual([true, true]);
      updater.emit('update-downloaded', { version: '0.2.0' });
      expect(session.popover().update).toEqual({ version: '0.2.0' });
      expect(updater.installs).toBe(0);
      const popover = windows()[0] as FakeBrowserWindow;
      await fake.ipcMain.invoke(invokeChannel('restartToUpdate'), fromPopover(popover));
      expect(updater.installs).toBe(1);
    } finally {
      fake.app.isPackaged = false;
    }
  });

  it('in a checkout: no update checks', async () => {
    const before = autoUpdater.current?.checks ?? 0;
    await start();
    expect(autoUpdater.current?.checks ?? 0).toBe(before);
  });

  it('removes Electron’s default menu (reload, developer tools) on this platform', async () => {
    const { fake } = await start();
    expect(fake.Menu.applicationMenu).toBeNull();
  });

  it('serves pages from pacewatch://app with the strict CSP, and nothing outside the renderer folder', async () => {
    const { fake } = await start();
    const handler = fake.protocol.handlers.get('pacewatch');
    if (handler === undefined) throw new Error('no protocol handler');
    const page = await handler(new Request('pacewatch://app/popover.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(await page.text()).toContain('<script src="popover.js" defer></script>');
    for (const url of [
      'pacewatch://app/../main.cjs',
      'pacewatch://app/%2e%2e%2fmain.cjs',
      'pacewatch://elsewhere/popover.html',
      'pacewatch://app/nope.html',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });

  it('denies every permission and every request that is not for the app’s own files', async () => {
    const { fake } = await start();
    const session = fake.session.defaultSession;
    const granted: boolean[] = [];
    session.permissionRequest?.(
      {} as never,
      'notifications',
      (answer) => granted.push(answer),
      {} as never,
    );
    expect(granted).toEqual([false]);
    expect(session.permissionCheck?.({} as never, 'media', '', {} as never)).toBe(false);
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      session.beforeRequest?.({ url } as never, (response) => (result = response.cancel));
      return result;
    };
    expect(cancelled('pacewatch://app/popover.js')).toBe(false);
    expect(cancelled('https://api.anthropic.com/api/oauth/usage')).toBe(true);
    expect(cancelled('http://127.0.0.1:9/')).toBe(true);
  });

  it('runs a request only from its own pages’ top frames, with a valid payload', async () => {
    api.respond({ body: usage(20) });
    const { fake, session, windows } = await start();
    await firstTick(session);
    const popover = windows()[0] as FakeBrowserWindow;
    const channel = invokeChannel('getPopover');
    const model = (await fake.ipcMain.invoke(channel, fromPopover(popover))) as PopoverModel;
    expect(model.cards.map((card) => card.id)).toEqual(['five_hour', 'seven_day']);

    const stranger = {
      sender: { id: 9_999 },
      senderFrame: { url: 'pacewatch://app/popover.html', parent: null },
    };
    await expect(fake.ipcMain.invoke(channel, stranger)).rejects.toThrow(
      'Refused: not a Pacewatch page.',
    );
    await expect(
      fake.ipcMain.invoke(channel, fromPopover(popover, 'https://evil.example/')),
    ).rejects.toThrow('Refused: not a Pacewatch page.');
    await expect(
      fake.ipcMain.invoke(channel, fromPopover(popover, 'pacewatch://app/popover.html', {})),
    ).rejects.toThrow('Refused: not a Pacewatch page.');
    await expect(
      fake.ipcMain.invoke(channel, { sender: { id: popover.webContents.id }, senderFrame: null }),
    ).rejects.toThrow('Refused: not a Pacewatch page.');

    const save = invokeChannel('saveSettings');
    await expect(
      fake.ipcMain.invoke(save, fromPopover(popover), { thresholds: '50' }),
    ).rejects.toThrow('Refused: malformed saveSettings request: 0.thresholds (invalid_type)');
    await expect(
      fake.ipcMain.invoke(save, fromPopover(popover), { thresholds: [50], extra: true }),
    ).rejects.toThrow('Refused: malformed saveSettings request: 0 (unrecognized_keys)');
    const secret = 'sk-ant-sid01-test-session-abc';
    const store = invokeChannel('storeCredential');
    const refusal = await fake.ipcMain
      .invoke(store, fromPopover(popover), { id: 'web', value: secret, echo: secret })
      .catch((error: unknown) => (error as Error).message);
    expect(refusal).toBe('Refused: malformed storeCredential request: 0 (unrecognized_keys)');
    await expect(
      fake.ipcMain.invoke(invokeChannel('getPopover'), fromPopover(popover), 'extra'),
    ).rejects.toThrow('Refused: malformed getPopover request: arguments (too_big)');
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      INVOKE_NAMES.map(invokeChannel).sort(),
    );
  });

  it('shows the binding window in the tray and pushes each new popover to the pages', async () => {
    api.respond({ body: usage(80) });
    const { session, windows, tray } = await start();
    expect(tray.tooltip).toBe('Pacewatch: Reading your Claude usage…');
    await firstTick(session);
    await vi.waitFor(() => {
      expect(tray.tooltip).toMatch(
        /^Pacewatch\nSession 80% · resets in 2 h|^Pacewatch\nSession 80% · resets in 1 h 59 m/,
      );
    });
    expect(tray.title).toBeNull();
    expect(tray.menu).not.toBeNull();
    const popover = windows()[0] as FakeBrowserWindow;
    const pushed = popover.webContents.sent.filter(
      ([channel]) => channel === eventChannel('popover'),
    );
    expect((pushed.at(-1)?.[1] as PopoverModel).cards[0]?.utilization).toBe(80);
  });

  it('notifies only through the engine’s alert decisions, once machine-wide: a restarted app does not repeat it', async () => {
    api.respond({ body: usage(80) });
    const first = await start();
    await firstTick(first.session);
    await vi.waitFor(() => {
      expect(notified()).toEqual(['Claude session at 75%']);
    });
    await first.session.stop();

    vi.resetModules();
    const second = await start();
    await second.session.handlers.refresh();
    expect(notified()).toEqual(['Claude session at 75%']);
  });

  it('shows notifications with Electron’s Notification; clicking one opens the popover', async () => {
    api.respond({ body: usage(80) });
    const { session, windows } = await start();
    await firstTick(session);
    await vi.waitFor(() => {
      expect(notified()).toEqual(['Claude session at 75%']);
    });
    const shown = shownNotifications()[0] as FakeNotification;
    expect(shown.options.icon).toBe(join(DIST, 'notification-icon.png'));
    const popover = windows()[0] as FakeBrowserWindow;
    expect(popover.isVisible()).toBe(false);
    shown.click();
    expect(popover.isVisible()).toBe(true);
  });

  it('pauses polling on sleep and screen lock, and looks again once on wake', async () => {
    api.respond({ body: usage(20) });
    const { fake, session } = await start();
    await firstTick(session);
    const ticks: number[] = [];
    session.subscribe((event) => {
      if (event.name === 'popover') ticks.push(event.payload.assembledAt);
    });
    fake.powerMonitor.emit('lock-screen');
    fake.powerMonitor.emit('unlock-screen');
    await vi.waitFor(() => {
      expect(ticks.length).toBeGreaterThanOrEqual(1);
    });
  });

  it('quits with a sentence when the environment is invalid', async () => {
    vi.stubEnv('PACEWATCH_ANTHROPIC_URL', 'http://example.com');
    const { startApp } = await import('../../../electron/main/start-app');
    expect(await startApp({ logger: silent, dist: DIST })).toBeNull();
    expect(electron.current?.dialog.errors).toEqual([
      'Pacewatch cannot start: PACEWATCH_ANTHROPIC_URL must be an https:// URL, or an http:// URL on this machine (127.0.0.1, ::1 or localhost); got http://example.com. Fix it, or unset it.',
    ]);
    expect(electron.current?.app.quitCalls).toBe(1);
  });
});
