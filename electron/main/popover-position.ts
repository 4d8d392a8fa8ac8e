import type { Rectangle } from 'electron';

/** Where the popover goes, from the tray icon's bounds and the display's work area. */
export interface PositionInput {
  /** The tray icon's bounds; empty (all zero) where the platform does not say (most Linux panels). */
  readonly tray: Rectangle;
  readonly window: { readonly width: number; readonly height: number };
  /** The display's area without menu bar, taskbar or panels. */
  readonly workArea: Rectangle;
  readonly platform: NodeJS.Platform;
}

/** Space between the popover and the tray or the screen edge. */
export const POPOVER_GAP = 6;

type Side = 'top' | 'bottom' | 'left' | 'right';

/** The smallest popover: room for a banner and the buttons, whatever the page reports. */
export const MIN_POPOVER_HEIGHT = 160;

/**
 * The popover's height for content of `contentHeight` px: all of it when it fits in the work area
 * (less a gap at each end), else the work area's height, and the page scrolls between its fixed
 * header and footer.
 */
export function fittedHeight(contentHeight: number, workArea: Rectangle): number {
  const room = workArea.height - 2 * POPOVER_GAP;
  return Math.round(Math.max(Math.min(MIN_POPOVER_HEIGHT, room), Math.min(contentHeight, room)));
}

/** Whether the platform gave the tray icon's bounds (most Linux panels give all zero). */
export function hasBounds(tray: Rectangle): boolean {
  return tray.width > 0 && tray.height > 0;
}

/**
 * The popover's top-left corner. It hangs under (or sits above, or beside) the tray icon on the
 * side where the icon's bar is, centred on the icon, and never leaves the work area. Without tray
 * bounds it goes to the corner where tray items live: top right (macOS, Linux), bottom right (Windows).
 */
export function popoverPosition(input: PositionInput): { x: number; y: number } {
  return clamp(unclamped(input), input);
}

function unclamped(input: PositionInput): { x: number; y: number } {
  const { tray, window, workArea } = input;
  if (!hasBounds(tray)) {
    return {
      x: workArea.x + workArea.width - window.width - POPOVER_GAP,
      y:
        input.platform === 'win32'
          ? workArea.y + workArea.height - window.height - POPOVER_GAP
          : workArea.y + POPOVER_GAP,
    };
  }
  const centre = { x: tray.x + tray.width / 2, y: tray.y + tray.height / 2 };
  const alongX = Math.round(centre.x - window.width / 2);
  const alongY = Math.round(centre.y - window.height / 2);
  switch (traySide(centre, workArea)) {
    case 'top':
      return { x: alongX, y: Math.max(workArea.y, tray.y + tray.height) + POPOVER_GAP };
    case 'bottom':
      return {
        x: alongX,
        y: Math.min(workArea.y + workArea.height, tray.y) - window.height - POPOVER_GAP,
      };
    case 'left':
      return { x: Math.max(workArea.x, tray.x + tray.width) + POPOVER_GAP, y: alongY };
    case 'right':
      return {
        x: Math.min(workArea.x + workArea.width, tray.x) - window.width - POPOVER_GAP,
        y: alongY,
      };
  }
}

/** Which edge the tray's bar is on: the work-area edge nearest the icon's centre. */
function traySide(centre: { x: number; y: number }, area: Rectangle): Side {
  const distances: [Side, number][] = [
    ['top', centre.y - area.y],
    ['bottom', area.y + area.height - centre.y],
    ['left', centre.x - area.x],
    ['right', area.x + area.width - centre.x],
  ];
  distances.sort((a, b) => a[1] - b[1]);
  return distances[0]?.[0] ?? 'top';
}

function clamp(point: { x: number; y: number }, input: PositionInput): { x: number; y: number } {
  const { workArea, window } = input;
  const maxX = workArea.x + workArea.width - window.width - POPOVER_GAP;
  const maxY = workArea.y + workArea.height - window.height - POPOVER_GAP;
  return {
    x: Math.round(Math.max(workArea.x + POPOVER_GAP, Math.min(point.x, maxX))),
    y: Math.round(Math.max(workArea.y + POPOVER_GAP, Math.min(point.y, maxY))),
  };
}
