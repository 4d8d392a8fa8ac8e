import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  clipboard,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  screen,
  session as sessions,
  shell,
  utilityProcess,
} from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { autoUpdater } from 'electron-updater';
import { pageUrl } from '../app/app-assets';
import { createAppSession, type AppSession } from '../app/app-session';
import { createFetchHttp } from '../core/adapters/fetch-http';
import { pacewatchOnPath } from '../app/statusline-setup';
import { createCore } from '../core/create-core';
import { createUpdateService } from '../app/update-service';
import { PACEWATCH_VERSION } from '../../shared/domain/version';
import { nodeTimers } from '../core/create-engine';
import type { Logger } from '../core/ports';
import { checkRoute } from '../core/route/check-route';
import { applicationMenu } from './app-menu';
import { serveAppProtocol } from './app-protocol';
import { hardenSession } from './harden';
import { registerIpc, sendToPages } from './ipc';
import { openLogFile } from './log-file';
import { launchAtLoginFor } from './login-item';
import { createElectronNotifier } from './notifications';
import { createPopover } from './popover-window';
import { followPower } from './power';
import { createSettingsWindow } from './settings-window';
import { createTrayController } from './tray';
import { trayIcon } from './tray-icons';
import { electronUpdater } from './updater';
import { utilityForkScript } from './utility-fork';
import { popoverWindowOptions, settingsWindowOptions } from './window-options';

/** The Windows AppUserModelID, the same as electron-builder's appId. */
export const APP_ID = 'dev.pacewatch.app';

const quitApp = () => {
  app.quit();
};
/** The app icon notifications carry on Windows and Linux (copied into dist/ by the build). */
const NOTIFICATION_ICON = 'notification-icon.png';
/** Where the tray icon is not known (a menu item, a second launch): the popover's corner is used. */
const NO_BOUNDS = { x: 0, y: 0, width: 0, height: 0 };

/** Builds the app once Electron is ready: engine, pages, tray, IPC and power events. Only wires. */
export async function startApp(options: {
  readonly logger: Logger;
  /** The folder holding preload.cjs and renderer/ (the bundle's own folder). */
  readonly dist: string;
}): Promise<AppSession | null> {
  const { logger, dist } = options;
  // Chromium's network stack: the system's proxy settings (PAC files included), like a browser.
  const created = await createCore({
    http: (allowedOrigins, limits) =>
      createFetchHttp({ allowedOrigins, ...limits, fetch: (url, init) => net.fetch(url, init) }),
  });
  if (!created.ok) {
    dialog.showErrorBox('Pacewatch cannot start', created.message);
    app.quit();
    return null;
  }
  const { core } = created;
  logger.info(`Pacewatch ${PACEWATCH_VERSION} started (${process.platform} ${process.arch}).`);
  const appMenu = applicationMenu(process.platform);
  Menu.setApplicationMenu(appMenu === null ? null : Menu.buildFromTemplate(appMenu));
  const preload = join(dist, 'preload.cjs');
  hardenSession(sessions.defaultSession);
  serveAppProtocol(protocol, join(dist, 'renderer'));

  const popover = createPopover({
    create: () => new BrowserWindow(popoverWindowOptions(preload, process.platform)),
    url: pageUrl('popover'),
    screen,
    platform: process.platform,
    now: Date.now,
  });
  const settings = createSettingsWindow({
    create: () => new BrowserWindow(settingsWindowOptions(preload)),
    url: pageUrl('settings'),
  });
  // electron-updater runs in a packaged app only (a checkout has no release to update from).
  const updates = app.isPackaged
    ? createUpdateService({
        updater: electronUpdater(autoUpdater),
        enabled: () => core.settings().autoUpdate,
        timers: nodeTimers,
        logger,
      })
    : null;
  const session = createAppSession({
    core,
    ...(updates === null ? {} : { updates }),
    notifier: createElectronNotifier({
      Notification,
      icon: process.platform === 'darwin' ? null : join(dist, NOTIFICATION_ICON),
      onClick: () => {
        showNearTray();
      },
      logger,
    }),
    logger,
    timers: nodeTimers,
    forkScript: utilityForkScript(utilityProcess),
    shell: {
      openSettings: settings.open,
      hidePopover: popover.hide,
      fitPopover: popover.fit,
      copyText: async (text) => {
        try {
          await clipboard.writeText(text);
          return { ok: true, value: null };
        } catch (error) {
          return { ok: false, message: `Could not copy: ${(error as Error).message}` };
        }
      },
      quit: quitApp,
      openLogFile: () => openLogFile(shell, core.layout.log),
    },
    launchAtLogin: launchAtLoginFor(app, process.platform, process.env, process.execPath),
    checkRoute: () => checkRoute({ processLabel: 'the app' }),
    statusLineCommand: () => pacewatchOnPath(process.env),
  });
  const showNearTray = () => {
    popover.show(NO_BOUNDS);
  };
  const pages = () =>
    [popover.window.webContents, settings.current()?.webContents].filter(
      (page) => page !== undefined,
    );
  registerIpc(ipcMain, session.handlers, pages, logger);

  const menu: MenuItemConstructorOptions[] = [
    { label: 'Show usage', click: showNearTray },
    {
      label: 'Refresh',
      click: () => {
        void session.handlers.refresh();
      },
    },
    { label: 'Settings…', click: settings.open },
    { type: 'separator' },
    { label: 'Quit Pacewatch', click: quitApp },
  ];
  const tray = createTrayController({
    tray: new Tray(trayIcon(nativeImage, 'stale', 0, process.platform)),
    platform: process.platform,
    // Windows and Linux panels follow the system theme: dark inks on a light panel.
    icon: (state, level) =>
      trayIcon(nativeImage, state, level, process.platform, nativeTheme.shouldUseDarkColors),
    variant: () => (nativeTheme.shouldUseDarkColors ? 'dark' : 'light'),
    menus: Menu,
    menu,
    onClick: popover.toggle,
  });
  tray.update(session.tray());
  nativeTheme.on('updated', () => {
    tray.update(session.tray());
  });
  session.subscribe((event) => {
    if (event.name === 'tray') tray.update(event.payload);
    else sendToPages(pages(), event);
  });
  followPower(powerMonitor, session);
  app.on('second-instance', showNearTray);
  app.on('before-quit', () => {
    void session.stop();
  });
  session.start();
  return session;
}
