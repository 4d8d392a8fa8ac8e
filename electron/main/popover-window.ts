import type { BrowserWindow, Rectangle, Screen } from 'electron';
import { fittedHeight, hasBounds, popoverPosition } from './popover-position';

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
  /** The page's content height (CSS px): the window takes it, up to the work area's height. */
  readonly fit: (contentHeight: number) => void;
}

/**
 * A click on the tray icon while the popover is open first blurs (hiding it) and then clicks:
 * a click this soon after a blur-hide means "close", not "open again".
 */
export const BLUR_CLICK_MS = 300;

/** Creates the popover window and its show / hide / position / fit behaviour. */
export function createPopover(deps: PopoverDeps): PopoverController {
  const window = deps.create();
  let hiddenByBlurAt = -Infinity;
  let tray: Rectangle = { x: 0, y: 0, width: 0, height: 0 };
  let contentHeight: number | null = null;
  void window.loadURL(deps.url);

  const display = () =>
    hasBounds(tray)
      ? deps.screen.getDisplayMatching(tray)
      : deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint());
  // Size first, then position: the corner depends on the height when the tray is at the bottom.
  const place = () => {
    const { workArea } = display();
    const { width, height: current } = window.getBounds();
    const height = contentHeight === null ? current : fittedHeight(contentHeight, workArea);
    const at = popoverPosition({
      tray,
      window: { width, height },
      workArea,
      platform: deps.platform,
    });
    window.setBounds({ x: at.x, y: at.y, width, height }, false);
  };
  const hide = () => {
    if (window.isVisible()) window.hide();
  };
  const show = (trayBounds: Rectangle) => {
    tray = trayBounds;
    place();
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
    fit(height) {
      if (height === contentHeight) return;
      contentHeight = height;
      place();
    },
  };
}
