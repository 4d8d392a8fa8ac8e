import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The popover's size; the page scrolls inside it rather than resizing (no jumps). */
const POPOVER_SIZE = { width: 360, height: 560 } as const;

/** Every page runs sandboxed and isolated, with no Node, no webviews, and only the preload's API. */
function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The popover: frameless, hidden until the tray is clicked, kept alive so it opens at once. */
export function popoverWindowOptions(
  preload: string,
  platform: NodeJS.Platform,
): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    // macOS: a panel that shows over full-screen apps without taking over the Space.
    ...(platform === 'darwin' ? { type: 'panel' } : {}),
    transparent: false,
    webPreferences: secureWebPreferences(preload),
  };
}

/** The settings window: an ordinary window, created when asked for. */
export function settingsWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 560,
    height: 720,
    minWidth: 420,
    minHeight: 420,
    show: false,
    title: 'Pacewatch settings',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  };
}
