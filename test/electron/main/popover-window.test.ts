import { describe, expect, it } from 'vitest';
import {
  MIN_POPOVER_HEIGHT,
  POPOVER_GAP,
  fittedHeight,
} from '../../../electron/main/popover-position';
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

  it('takes its content height, and moves to stay under the tray icon', () => {
    const { window, control } = popover();
    control.show(TRAY);
    control.fit(412);
    expect(window.getBounds()).toEqual({ x: 1012 - 180, y: 31, width: 360, height: 412 });
  });

  it('content taller than the work area: as tall as the work area less a gap at each end', () => {
    const { window, control } = popover();
    control.fit(2000);
    control.show(TRAY);
    expect(window.getBounds()).toEqual({
      x: 1012 - 180,
      y: 25 + POPOVER_GAP,
      width: 360,
      height: 875 - 2 * POPOVER_GAP,
    });
  });

  it('above a bottom taskbar, a taller content grows the popover upwards', () => {
    const bottomArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const window = new FakeBrowserWindow(popoverWindowOptions('/dist/preload.cjs', 'win32'));
    const control = createPopover({
      create: () => window as never,
      url: 'pacewatch://app/popover.html',
      screen: {
        getDisplayMatching: () => ({ workArea: bottomArea }) as never,
        getDisplayNearestPoint: () => ({ workArea: bottomArea }) as never,
        getCursorScreenPoint: () => ({ x: 0, y: 0 }),
      },
      platform: 'win32',
      now: () => 0,
    });
    const taskbarIcon = { x: 1700, y: 1040, width: 24, height: 40 };
    control.show(taskbarIcon);
    control.fit(300);
    expect(window.getBounds()).toEqual({
      x: 1532,
      y: 1040 - 300 - POPOVER_GAP,
      width: 360,
      height: 300,
    });
    control.fit(700);
    expect(window.getBounds()).toEqual({
      x: 1532,
      y: 1040 - 700 - POPOVER_GAP,
      width: 360,
      height: 700,
    });
  });
});

describe('the popover height for its content', () => {
  const workArea = { x: 0, y: 25, width: 1440, height: 875 };
  it.each([
    { content: 412, expected: 412 },
    { content: 863, expected: 863 },
    { content: 864, expected: 863 },
    { content: 5000, expected: 863 },
    { content: 40, expected: MIN_POPOVER_HEIGHT },
    { content: 412.6, expected: 413 },
  ])('$content px of content → a $expected px window', ({ content, expected }) => {
    expect(fittedHeight(content, workArea)).toBe(expected);
  });

  it('a work area smaller than the minimum: the work area wins', () => {
    expect(fittedHeight(400, { x: 0, y: 0, width: 800, height: 120 })).toBe(120 - 2 * POPOVER_GAP);
  });
});
