import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, replacing Electron's default one (whose View menu reloads the page and
 * opens the developer tools). Windows and Linux get none: the app has no menu bar, the tray's
 * own menu is the way in. macOS gets a minimal one, because copy and paste in its text fields
 * (a pasted session key, a budget) only work through an Edit menu's roles.
 */
export function applicationMenu(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: 'Pacewatch',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
  ];
}
