import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenu } from '../../../electron/main/app-menu';

/** Every role in a menu template, submenus included, in order. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('is removed on Windows and Linux (no menu bar, no reload or developer tools)', () => {
    expect(applicationMenu('win32')).toBeNull();
    expect(applicationMenu('linux')).toBeNull();
  });

  it('on macOS keeps only the app menu and the Edit roles copy and paste need', () => {
    const menu = applicationMenu('darwin') ?? [];
    expect(menu.map((item) => item.label)).toEqual(['Pacewatch', 'Edit']);
    expect(roles(menu)).toEqual([
      'about',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });
});
