import type { UpdateCheckResult, UpdateDownloadedEvent } from 'electron-updater';
import type { Updater } from '../app/update-service';

/** The part of electron-updater's `autoUpdater` the app uses (start-app passes the real one). */
export interface AutoUpdater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  checkForUpdates(): Promise<UpdateCheckResult | null>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: UpdateDownloadedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error, message?: string) => void): unknown;
}

/**
 * electron-updater over GitHub Releases (the builder config's `publish`) as the app's Updater:
 * a newer version downloads in the background and installs when the user clicks "Restart to
 * update", or when they quit. Its own logging is off: the update service writes the one line
 * that matters to the app's log.
 */
export function electronUpdater(auto: AutoUpdater): Updater {
  auto.autoDownload = true;
  auto.autoInstallOnAppQuit = true;
  auto.logger = null;
  return {
    async check() {
      const result = await auto.checkForUpdates();
      // A failed download is reported through 'error' as well: this copy of it is not needed.
      result?.downloadPromise?.catch(() => undefined);
    },
    onDownloaded(listener) {
      auto.on('update-downloaded', (info) => {
        listener(info.version);
      });
    },
    onError(listener) {
      auto.on('error', (error) => {
        listener(error);
      });
    },
    quitAndInstall() {
      auto.quitAndInstall();
    },
  };
}
