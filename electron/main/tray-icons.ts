import type { NativeImage, nativeImage as NativeImageModule } from 'electron';
import type { TrayState } from '../../shared/domain/tray-view';
import { encodePng, rasterTrayIcon } from '../app/tray-icon-raster';

/** The icon size in points: the macOS menu bar and Windows tray use 16, Linux panels 22. */
export function trayIconSize(platform: NodeJS.Platform): number {
  return platform === 'linux' ? 22 : 16;
}

/**
 * The tray image for a state and fill level, at 1x and 2x. On macOS it is a template image (the
 * system tints it for light and dark menu bars); elsewhere it follows the panel: light inks on a
 * dark panel, dark inks on a light one.
 */
export function trayIcon(
  images: Pick<typeof NativeImageModule, 'createEmpty'>,
  state: TrayState,
  level: number,
  platform: NodeJS.Platform,
  /** Whether the panel is dark (Electron's nativeTheme.shouldUseDarkColors); ignored on macOS. */
  darkPanel = true,
): NativeImage {
  const size = trayIconSize(platform);
  const style = platform === 'darwin' ? 'template' : darkPanel ? 'color' : 'color-light';
  const image = images.createEmpty();
  for (const scaleFactor of [1, 2]) {
    const raster = rasterTrayIcon(state, level, size * scaleFactor, style);
    image.addRepresentation({ scaleFactor, width: size, height: size, buffer: encodePng(raster) });
  }
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}
