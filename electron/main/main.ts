// The Electron app's entry: what must happen before `ready`, then the composition root.
import { app, protocol } from 'electron';
import { scrubSecrets } from '../../shared/domain/secret';
import { createFileLogger } from '../core/adapters/file-logger';
import { dataDir, processPathEnv } from '../core/platform/paths';
import { dataLayout } from '../core/stores/data-layout';
import type { Logger } from '../core/ports';
import { registerAppScheme } from './app-protocol';
import { hardenContents } from './harden';
import { APP_ID, startApp } from './start-app';

const consoleLogger: Logger = {
  info: (message) => {
    console.log(scrubSecrets(message));
  },
  warn: (message) => {
    console.warn(scrubSecrets(message));
  },
  error: (message) => {
    console.error(scrubSecrets(message));
  },
};
// The log file for bug reports, in the data dir (settings open it): scrubbed, capped, rotated.
const pathEnv = processPathEnv();
const logger = createFileLogger({ path: dataLayout(dataDir(pathEnv)).log, echo: consoleLogger });

// One data dir with the `pacewatch` CLI: one cache, one alert ledger, one history.
app.setPath('userData', dataDir(pathEnv));
app.setAppUserModelId(APP_ID);
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.dock?.hide();
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents);
  });
  // A menu-bar app lives on when its settings window closes.
  app.on('window-all-closed', () => undefined);
  void app.whenReady().then(() => startApp({ logger, dist: __dirname }));
}
