import { join } from 'node:path';
import notifier from 'node-notifier';
import { notificationFailure } from '../core/adapters/node-notifier';
import type { Notification, Notifier } from '../core/ports';

/**
 * Inside a packaged app, node-notifier's helper binaries cannot run from the asar archive:
 * electron-builder unpacks them (`asarUnpack`) next to it, in `app.asar.unpacked`.
 */
export function unpackedPath(path: string): string {
  return path.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
}

/** The helper node-notifier runs on this platform, or null where it uses the system's (Linux). */
export function notifierHelperPath(
  platform: NodeJS.Platform,
  arch: string,
  packageDir: string,
): string | null {
  if (platform === 'darwin') {
    return unpackedPath(
      join(
        packageDir,
        'vendor',
        'mac.noindex',
        'terminal-notifier.app',
        'Contents',
        'MacOS',
        'terminal-notifier',
      ),
    );
  }
  if (platform === 'win32') {
    const bits = arch === 'ia32' ? 'x86' : 'x64';
    return unpackedPath(join(packageDir, 'vendor', 'snoreToast', `snoretoast-${bits}.exe`));
  }
  return null;
}

/**
 * The app's notifications through node-notifier (Notification Center, Windows toasts,
 * notify-send), with the helpers taken from outside the asar. The engine's alert service is its
 * only caller, so every notification has passed the machine-wide ledger.
 */
export function createAppNotifier(options: {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly appId: string;
  /** The app's folder (`app.getAppPath()`): the checkout, or `…/app.asar` when packaged. */
  readonly appPath: string;
}): Notifier {
  const packageDir = join(options.appPath, 'node_modules', 'node-notifier');
  const customPath = notifierHelperPath(options.platform, options.arch, packageDir);
  const helper = customPath === null ? {} : { customPath };
  const instance =
    options.platform === 'darwin'
      ? new notifier.NotificationCenter(helper)
      : options.platform === 'win32'
        ? new notifier.WindowsToaster(helper)
        : new notifier.NotifySend({});
  return {
    notify(notification: Notification) {
      return new Promise<void>((resolve, reject) => {
        instance.notify(
          {
            title: notification.title,
            message: notification.message,
            wait: false,
            'app-name': 'Pacewatch',
            appID: options.appId,
          } as Parameters<typeof instance.notify>[0],
          (error: Error | null) => {
            if (error) reject(new Error(notificationFailure(error)));
            else resolve();
          },
        );
      });
    },
  };
}
