// The Electron app's entry: what must happen before `ready`, then the composition root.
import { app, protocol } from 'electron';
import { scrubSecrets } from '../../shared/domain/secret';
import { dataDir, processPathEnv } from '../core/platform/paths';
import type { Logger } from '../core/ports';
import { registerAppScheme } from './app-protocol';
import { hardenContents } from './harden';
import { APP_ID, startApp } from './start-app';

const logger: Logger = {
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

// One data dir with the `pacewatch` CLI: one cache, one alert ledger, one history.
app.setPath('userData', dataDir(processPathEnv()));
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
