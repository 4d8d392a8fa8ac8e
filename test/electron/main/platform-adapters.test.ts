import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchAtLoginFor } from '../../../electron/main/login-item';
import { followPower } from '../../../electron/main/power';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('pacewatch-adapters-');

describe('launch at login', () => {
  it('macOS and Windows: a login item through Electron', async () => {
    const calls: unknown[] = [];
    const app = {
      setLoginItemSettings: (s: unknown) => calls.push(s),
      isPackaged: true,
      getAppPath: () => '/app',
    };
    const launch = launchAtLoginFor(
      app,
      'darwin',
      {},
      '/Applications/Pacewatch.app/Contents/MacOS/Pacewatch',
    );
    await launch.apply(true);
    await launchAtLoginFor(app, 'win32', {}, 'C:\\Pacewatch.exe').apply(false);
    expect(calls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('Linux: an XDG autostart entry that starts the AppImage, removed when switched off', async () => {
    const config = tempDir();
    const app = {
      setLoginItemSettings: () => undefined,
      isPackaged: true,
      getAppPath: () => '/app',
    };
    const launch = launchAtLoginFor(
      app,
      'linux',
      { XDG_CONFIG_HOME: config, APPIMAGE: '/home/me/Apps/Pacewatch 0.1.AppImage' },
      '/tmp/.mount/pacewatch',
    );
    await launch.apply(true);
    const entry = join(config, 'autostart', 'pacewatch.desktop');
    expect(readFileSync(entry, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Pacewatch',
        'Comment=Claude usage in the menu bar',
        'Exec="/home/me/Apps/Pacewatch 0.1.AppImage"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    await launch.apply(false);
    expect(existsSync(entry)).toBe(false);
  });

  it('Linux from a checkout: starts Electron with the app folder', async () => {
    const config = tempDir();
    const app = {
      setLoginItemSettings: () => undefined,
      isPackaged: false,
      getAppPath: () => '/work/main',
    };
    await launchAtLoginFor(
      app,
      'linux',
      { XDG_CONFIG_HOME: config },
      '/work/main/node_modules/electron/dist/electron',
    ).apply(true);
    expect(readFileSync(join(config, 'autostart', 'pacewatch.desktop'), 'utf8')).toContain(
      'Exec=/work/main/node_modules/electron/dist/electron /work/main\n',
    );
  });
});

describe('power events', () => {
  it('sleep and screen lock pause polling; wake and unlock resume it', () => {
    const handlers = new Map<string, () => void>();
    const seen: string[] = [];
    followPower(
      { on: (event: string, listener: () => void) => handlers.set(event, listener) } as never,
      {
        pause: () => seen.push('pause'),
        resume: () => seen.push('resume'),
      },
    );
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen'])
      handlers.get(event)?.();
    expect(seen).toEqual(['pause', 'resume', 'pause', 'resume']);
  });
});
