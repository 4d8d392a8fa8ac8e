import type { Updater } from '../../electron/app/update-service';

/** A typed fake updater: counts checks and installs; the test fires its events. */
export function fakeUpdater(options: { failCheck?: Error } = {}) {
  const downloaded: ((version: string) => void)[] = [];
  const errors: ((error: Error) => void)[] = [];
  const calls = { checks: 0, installs: 0 };
  const updater: Updater = {
    check: () => {
      calls.checks += 1;
      return options.failCheck === undefined
        ? Promise.resolve()
        : Promise.reject(options.failCheck);
    },
    onDownloaded: (listener) => downloaded.push(listener),
    onError: (listener) => errors.push(listener),
    quitAndInstall: () => {
      calls.installs += 1;
    },
  };
  return {
    updater,
    calls,
    download: (version: string) => {
      for (const listener of downloaded) listener(version);
    },
    fail: (error: Error) => {
      for (const listener of errors) listener(error);
    },
  };
}
