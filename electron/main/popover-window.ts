import type { BrowserWindow, Rectangle, Screen } from 'electron';
import { hasBounds, popoverPosition } from './popover-position';

/** What the popover controller needs. */
export interface PopoverDeps {
  /** Builds the window (hidden, frameless, secure); called once. */
  readonly create: () => BrowserWindow;
  readonly url: string;
  readonly screen: Pick<
    Screen,
    'getDisplayMatching' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'
  >;
  readonly platform: NodeJS.Platform;
  readonly now: () => number;
}

/** The popover: created once and kept hidden, so it opens at once. */
export interface PopoverController {
  readonly window: BrowserWindow;
  /** A tray click: shows it under the icon, or hides it when shown. */
  readonly toggle: (trayBounds: Rectangle) => void;
  readonly show: (trayBounds: Rectangle) => void;
  readonly hide: () => void;
}

/**
 * A click on the tray icon while the popover is open first blurs (hiding it) and then clicks:
 * a click this soon after a blur-hide means "close", not "open again".
 */
export const BLUR_CLICK_MS = 300;

/** Creates the popover window and its show / hide / position behaviour. */
export function createPopover(deps: PopoverDeps): PopoverController {
  const window = deps.create();
  let hiddenByBlurAt = -Infinity;
  void window.loadURL(deps.url);

  const hide = () => {
    if (window.isVisible()) window.hide();
  };
  const show = (trayBounds: Rectangle) => {
    const display = hasBounds(trayBounds)
      ? deps.screen.getDisplayMatching(trayBounds)
      : deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint());
    const { width, height } = window.getBounds();
    const at = popoverPosition({
      tray: trayBounds,
      window: { width, height },
      workArea: display.workArea,
      platform: deps.platform,
    });
    window.setPosition(at.x, at.y, false);
    window.show();
    window.focus();
  };

  window.on('blur', () => {
    if (window.webContents.isDevToolsOpened()) return;
    if (window.isVisible()) hiddenByBlurAt = deps.now();
    hide();
  });

  return {
    window,
    show,
    hide,
    toggle(trayBounds) {
      if (window.isVisible()) hide();
      else if (deps.now() - hiddenByBlurAt >= BLUR_CLICK_MS) show(trayBounds);
    },
  };
}
