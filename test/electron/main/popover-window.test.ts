import { describe, expect, it } from 'vitest';
import { BLUR_CLICK_MS, createPopover } from '../../../electron/main/popover-window';
import { popoverWindowOptions } from '../../../electron/main/window-options';
import { FakeBrowserWindow } from './fake-electron';

const TRAY = { x: 1000, y: 0, width: 24, height: 24 };
const workArea = { x: 0, y: 25, width: 1440, height: 875 };

function popover() {
  let now = 10_000;
  let created = 0;
  const window = new FakeBrowserWindow(popoverWindowOptions('/dist/preload.cjs', 'darwin'));
  const control = createPopover({
    create: () => {
      created++;
      return window as never;
    },
    url: 'pacewatch://app/popover.html',
    screen: {
      getDisplayMatching: () => ({ workArea }) as never,
      getDisplayNearestPoint: () => ({ workArea }) as never,
      getCursorScreenPoint: () => ({ x: 0, y: 0 }),
    },
    platform: 'darwin',
    now: () => now,
  });
  return {
    window,
    control,
    created: () => created,
    advance: (ms: number) => (now += ms),
  };
}

describe('the popover window', () => {
  it('is created once, hidden, and loaded before the first click, so it opens at once', () => {
    const { window, created } = popover();
    expect(created()).toBe(1);
    expect(window.visible).toBe(false);
    expect(window.url).toBe('pacewatch://app/popover.html');
    expect(window.options).toMatchObject({
      show: false,
      frame: false,
      type: 'panel',
      alwaysOnTop: true,
    });
  });

  it('a tray click shows it under the icon; the next click hides it', () => {
    const { window, control } = popover();
    control.toggle(TRAY);
    expect(window.visible).toBe(true);
    expect(window.position).toEqual([1012 - 180, 31]);
    control.toggle(TRAY);
    expect(window.visible).toBe(false);
  });

  it('hides on blur; the click that caused the blur does not reopen it, a later one does', () => {
    const { window, control, advance } = popover();
    control.toggle(TRAY);
    window.emit('blur');
    expect(window.visible).toBe(false);
    advance(BLUR_CLICK_MS - 1);
    control.toggle(TRAY);
    expect(window.visible).toBe(false);
    advance(1);
    control.toggle(TRAY);
    expect(window.visible).toBe(true);
  });

  it('stays open on blur while its developer tools are open', () => {
    const { window, control } = popover();
    control.toggle(TRAY);
    window.webContents.devTools = true;
    window.emit('blur');
    expect(window.visible).toBe(true);
  });

  it('Escape in the page hides it (the hidePopover request)', () => {
    const { window, control } = popover();
    control.show(TRAY);
    control.hide();
    expect(window.visible).toBe(false);
  });
});
