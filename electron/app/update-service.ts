import type { Logger, Timers } from '../core/ports';

/** Hours between two looks for a new version while auto-update is on. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 3_600_000;

/**
 * The part of an auto-updater the app uses (electron-updater's, over GitHub Releases, in
 * electron/main/updater.ts): a check that downloads a newer version in the background, its two
 * events, and the install the user asks for.
 */
export interface Updater {
  /** Looks for a newer version; one is downloaded in the background. */
  check(): Promise<void>;
  onDownloaded(listener: (version: string) => void): void;
  onError(listener: (error: Error) => void): void;
  /** Quits, installs the downloaded version and starts it again. */
  quitAndInstall(): void;
}

/** Auto-update as the app runs it: checks while the setting is on, restarts only when asked. */
export interface UpdateService {
  /** Checks now (when on), then every UPDATE_CHECK_INTERVAL_MS. */
  start(): void;
  stop(): void;
  /** The auto-update setting may have changed: switched on, it checks now. */
  settingsChanged(): void;
  /** The version downloaded and waiting for "Restart to update"; null while there is none. */
  downloaded(): string | null;
  /** The user clicked "Restart to update": installs the downloaded version. */
  restart(): void;
  /** Called when a version finished downloading (the popover shows its line). */
  subscribe(listener: () => void): () => void;
}

/**
 * Runs the updater while `enabled()` (settings.autoUpdate): a check at start and every few hours,
 * the download in the background, and a restart only when the user clicks the popover's line, so
 * it never restarts on its own while the user works (quitting the app installs it too). A failed
 * check or download is one quiet log line; the next check tries again.
 */
export function createUpdateService(deps: {
  readonly updater: Updater;
  readonly enabled: () => boolean;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly intervalMs?: number;
}): UpdateService {
  const { updater, logger } = deps;
  const interval = deps.intervalMs ?? UPDATE_CHECK_INTERVAL_MS;
  const listeners = new Set<() => void>();
  let downloaded: string | null = null;
  let cancel: (() => void) | null = null;
  let wasEnabled = false;
  let checking = false;

  const quiet = (error: unknown) => {
    logger.warn(`Update check failed: ${(error as Error).message}`);
  };
  updater.onError(quiet);
  updater.onDownloaded((version) => {
    downloaded = version;
    logger.info(`Pacewatch ${version} is downloaded; it installs on "Restart to update" or quit.`);
    for (const listener of listeners) listener();
  });

  const check = () => {
    if (!deps.enabled() || downloaded !== null || checking) return;
    checking = true;
    updater
      .check()
      .catch(quiet)
      .finally(() => {
        checking = false;
      });
  };
  const schedule = () => {
    cancel = deps.timers.setTimeout(() => {
      check();
      schedule();
    }, interval);
  };

  return {
    start() {
      if (cancel !== null) return;
      wasEnabled = deps.enabled();
      check();
      schedule();
    },
    stop() {
      cancel?.();
      cancel = null;
    },
    settingsChanged() {
      const enabled = deps.enabled();
      if (enabled && !wasEnabled && cancel !== null) check();
      wasEnabled = enabled;
    },
    downloaded: () => downloaded,
    restart() {
      if (downloaded !== null) updater.quitAndInstall();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
