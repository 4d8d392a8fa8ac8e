#!/usr/bin/env node
// Draws the packaging icons into build/: the app icon (1024 px, which electron-builder turns into
// .icns and .ico) and the Linux icon set. The drawing is the tray icon's (electron/app/
// tray-icon-raster.ts) on a rounded tile, so the app and its tray item look alike.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';

const bundled = await build({
  entryPoints: ['electron/app/tray-icon-raster.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const source = bundled.outputFiles[0].text;
const { encodePng, rasterTrayIcon } = await import(
  `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
);

/** The tray glyph (normal, 3/8 full) in white on a blue rounded tile. */
function appIcon(size) {
  const glyph = rasterTrayIcon('normal', 3, Math.round(size * 0.62), 'color');
  const rgba = new Uint8Array(size * size * 4);
  const radius = size * 0.22;
  const inset = size * 0.06;
  const offset = Math.round((size - glyph.width) / 2);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const dx = Math.max(inset + radius - x, 0, x - (size - inset - radius));
      const dy = Math.max(inset + radius - y, 0, y - (size - inset - radius));
      const inside = Math.hypot(dx, dy) <= radius;
      if (!inside) continue;
      let [r, g, b] = [36, 84, 168];
      const gx = x - offset;
      const gy = y - offset;
      if (gx >= 0 && gy >= 0 && gx < glyph.width && gy < glyph.height) {
        const j = (gy * glyph.width + gx) * 4;
        const a = glyph.rgba[j + 3] / 255;
        r = Math.round(glyph.rgba[j] * a + r * (1 - a));
        g = Math.round(glyph.rgba[j + 1] * a + g * (1 - a));
        b = Math.round(glyph.rgba[j + 2] * a + b * (1 - a));
      }
      rgba.set([r, g, b, 255], i);
    }
  }
  return encodePng({ width: size, height: size, rgba });
}

await mkdir('build/icons', { recursive: true });
await writeFile('build/icon.png', appIcon(1024));
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  await writeFile(`build/icons/${size}x${size}.png`, appIcon(size));
}
