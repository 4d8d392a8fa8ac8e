import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle, Tray } from 'electron';
import type { TrayState, TrayView } from '../../shared/domain/tray-view';

/** What the tray controller needs. */
export interface TrayDeps {
  readonly tray: Pick<
    Tray,
    'setImage' | 'setToolTip' | 'setTitle' | 'on' | 'setContextMenu' | 'popUpContextMenu'
  >;
  readonly platform: NodeJS.Platform;
  readonly icon: (state: TrayState, level: number) => NativeImage;
  readonly menus: Pick<typeof Menu, 'buildFromTemplate'>;
  readonly menu: readonly MenuItemConstructorOptions[];
  /** The panel's look ("dark", "light"), part of the icon cache key; the same always without it. */
  readonly variant?: () => string;
  /** A left click, with the icon's bounds (empty where the platform does not give them). */
  readonly onClick: (bounds: Rectangle) => void;
}

/** Keeps the tray item in step with the tray view. */
export interface TrayController {
  update(view: TrayView): void;
}

/**
 * The tray item: left click toggles the popover; right click opens the menu. On Linux the menu is
 * attached outright, since many panels (AppIndicator) show only a menu and send no clicks.
 */
export function createTrayController(deps: TrayDeps): TrayController {
  const { tray, platform } = deps;
  const icons = new Map<string, NativeImage>();
  let shown = '';
  const menu = deps.menus.buildFromTemplate([...deps.menu]);
  tray.on('click', (_event, bounds) => {
    deps.onClick(bounds);
  });
  if (platform === 'linux') tray.setContextMenu(menu);
  else
    tray.on('right-click', () => {
      tray.popUpContextMenu(menu);
    });
  return {
    update(view) {
      const key = `${deps.variant?.() ?? ''}:${view.state}:${view.level}`;
      let icon = icons.get(key);
      if (icon === undefined) {
        icon = deps.icon(view.state, view.level);
        icons.set(key, icon);
      }
      if (key !== shown) tray.setImage(icon);
      shown = key;
      tray.setToolTip(view.tooltip);
      if (platform === 'darwin') tray.setTitle(view.title, { fontType: 'monospacedDigit' });
    },
  };
}
