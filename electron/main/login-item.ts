import { homedir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import type { LaunchAtLogin } from '../app/app-session';
import { linuxAutostart } from '../app/linux-autostart';

/**
 * Launch at login: a login item on macOS and the Run key on Windows (both through Electron), an
 * XDG autostart entry on Linux (for an AppImage, the image itself, which survives updates).
 */
export function launchAtLoginFor(
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  execPath: string,
): LaunchAtLogin {
  if (platform === 'darwin' || platform === 'win32') {
    return {
      supported: true,
      note: null,
      apply(enabled) {
        app.setLoginItemSettings({ openAtLogin: enabled });
        return Promise.resolve();
      },
    };
  }
  if (platform !== 'linux')
    return {
      supported: false,
      note: 'Pacewatch cannot do this on this system: add it to your startup programs yourself.',
      apply: () => Promise.resolve(),
    };
  const executable = env.APPIMAGE ?? execPath;
  return linuxAutostart({
    configHome: env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config'),
    command: app.isPackaged ? [executable] : [executable, app.getAppPath()],
  });
}
