import type { BrowserWindow } from 'electron';

/** The settings window: one at a time, created when asked for and forgotten when closed. */
export interface SettingsWindow {
  readonly open: () => void;
  readonly current: () => BrowserWindow | null;
}

/** Opens the settings window, or brings the open one to the front. */
export function createSettingsWindow(deps: {
  readonly create: () => BrowserWindow;
  readonly url: string;
}): SettingsWindow {
  let window: BrowserWindow | null = null;
  return {
    open() {
      if (window !== null && !window.isDestroyed()) {
        window.show();
        window.focus();
        return;
      }
      const created = deps.create();
      window = created;
      created.once('ready-to-show', () => {
        created.show();
      });
      created.on('closed', () => {
        window = null;
      });
      void created.loadURL(deps.url);
    },
    current: () => (window !== null && !window.isDestroyed() ? window : null),
  };
}
