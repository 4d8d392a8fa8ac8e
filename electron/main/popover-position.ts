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

/**
 * The popover's top-left corner. It hangs under (or sits above, or beside) the tray icon on the
 * side where the icon's bar is, centred on the icon, and never leaves the work area. Without tray
 * bounds it goes to the corner where tray items live: top right (macOS, Linux), bottom right (Windows).
 */
export function popoverPosition(input: PositionInput): { x: number; y: number } {
  const { tray, window, workArea } = input;
  const known = tray.width > 0 && tray.height > 0;
  if (!known) {
    const x = workArea.x + workArea.width - window.width - POPOVER_GAP;
    const y =
      input.platform === 'win32'
        ? workArea.y + workArea.height - window.height - POPOVER_GAP
        : workArea.y + POPOVER_GAP;
    return clamp({ x, y }, input);
  }
  const centreX = tray.x + tray.width / 2;
  const centreY = tray.y + tray.height / 2;
  const side = traySide(tray, workArea);
  const along = {
    x: Math.round(centreX - window.width / 2),
    y: Math.round(centreY - window.height / 2),
  };
  switch (side) {
    case 'top':
      return clamp(
        { x: along.x, y: Math.max(workArea.y, tray.y + tray.height) + POPOVER_GAP },
        input,
      );
    case 'bottom':
      return clamp(
        {
          x: along.x,
          y: Math.min(workArea.y + workArea.height, tray.y) - window.height - POPOVER_GAP,
        },
        input,
      );
    case 'left':
      return clamp(
        { x: Math.max(workArea.x, tray.x + tray.width) + POPOVER_GAP, y: along.y },
        input,
      );
    case 'right':
      return clamp(
        {
          x: Math.min(workArea.x + workArea.width, tray.x) - window.width - POPOVER_GAP,
          y: along.y,
        },
        input,
      );
  }
}

/** Which edge the tray's bar is on: the work-area edge nearest the icon's centre. */
function traySide(tray: Rectangle, area: Rectangle): Side {
  const cx = tray.x + tray.width / 2;
  const cy = tray.y + tray.height / 2;
  const distances: [Side, number][] = [
    ['top', cy - area.y],
    ['bottom', area.y + area.height - cy],
    ['left', cx - area.x],
    ['right', area.x + area.width - cx],
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
