import { describe, expect, it } from 'vitest';
import { POPOVER_GAP, popoverPosition } from '../../../electron/main/popover-position';

const WINDOW = { width: 360, height: 560 };
const NONE = { x: 0, y: 0, width: 0, height: 0 };

describe('where the popover opens', () => {
  it.each([
    {
      case: 'macOS: centred under the tray icon, just below the menu bar',
      tray: { x: 1000, y: 0, width: 24, height: 24 },
      workArea: { x: 0, y: 25, width: 1440, height: 875 },
      platform: 'darwin' as const,
      expected: { x: 1012 - 180, y: 25 + POPOVER_GAP },
    },
    {
      case: 'macOS: an icon near the right edge keeps the popover on screen',
      tray: { x: 1420, y: 0, width: 20, height: 24 },
      workArea: { x: 0, y: 25, width: 1440, height: 875 },
      platform: 'darwin' as const,
      expected: { x: 1440 - 360 - POPOVER_GAP, y: 25 + POPOVER_GAP },
    },
    {
      case: 'Windows: above a bottom taskbar, centred on the icon',
      tray: { x: 1700, y: 1040, width: 24, height: 40 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      platform: 'win32' as const,
      expected: { x: 1712 - 180, y: 1040 - 560 - POPOVER_GAP },
    },
    {
      case: 'Windows: beside a taskbar on the left',
      tray: { x: 0, y: 400, width: 40, height: 24 },
      workArea: { x: 40, y: 0, width: 1880, height: 1080 },
      platform: 'win32' as const,
      expected: { x: 40 + POPOVER_GAP, y: 412 - 280 },
    },
    {
      case: 'Windows: beside a taskbar on the right, clamped to the bottom',
      tray: { x: 1880, y: 1050, width: 40, height: 24 },
      workArea: { x: 0, y: 0, width: 1880, height: 1080 },
      platform: 'win32' as const,
      expected: { x: 1880 - 360 - POPOVER_GAP, y: 1080 - 560 - POPOVER_GAP },
    },
    {
      case: 'Linux without tray bounds: the top-right corner of the work area',
      tray: NONE,
      workArea: { x: 0, y: 32, width: 1920, height: 1048 },
      platform: 'linux' as const,
      expected: { x: 1920 - 360 - POPOVER_GAP, y: 32 + POPOVER_GAP },
    },
    {
      case: 'Windows without tray bounds: the bottom-right corner',
      tray: NONE,
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      platform: 'win32' as const,
      expected: { x: 1920 - 360 - POPOVER_GAP, y: 1040 - 560 - POPOVER_GAP },
    },
    {
      case: 'a second display to the left (negative coordinates)',
      tray: { x: -300, y: 0, width: 24, height: 24 },
      workArea: { x: -1920, y: 25, width: 1920, height: 1055 },
      platform: 'darwin' as const,
      expected: { x: -288 - 180, y: 25 + POPOVER_GAP },
    },
  ])('$case', ({ tray, workArea, platform, expected }) => {
    expect(popoverPosition({ tray, window: WINDOW, workArea, platform })).toEqual(expected);
  });
});
