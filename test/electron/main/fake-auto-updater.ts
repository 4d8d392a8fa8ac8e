import { EventEmitter } from 'node:events';
import type { UpdateCheckResult } from 'electron-updater';
import type { AutoUpdater } from '../../../electron/main/updater';

/** A typed fake of electron-updater's autoUpdater. */
export class FakeAutoUpdater extends EventEmitter implements AutoUpdater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = console;
  checks = 0;
  installs = 0;
  result: UpdateCheckResult | null = null;
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    this.checks += 1;
    return Promise.resolve(this.result);
  }
  quitAndInstall(): void {
    this.installs += 1;
  }
}
