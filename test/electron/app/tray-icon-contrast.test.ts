import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodePng,
  rasterTrayIcon,
  type IconStyle,
  type Raster,
} from '../../../electron/app/tray-icon-raster';
import { TRAY_STATES } from '../../../shared/domain/tray-view';

// Every state on a light and a dark panel at 16, 22 and 32 px: the glyph keeps a WCAG contrast of
// at least 3:1 against the panel, and at 16 px every state has its own shape. The pictures go to
// test/e2e/screenshots/ (git-ignored) to be looked at.

type Rgb = readonly [number, number, number];
const PANELS: readonly { name: string; rgb: Rgb; style: IconStyle }[] = [
  { name: 'light', rgb: [243, 243, 243], style: 'color-light' },
  { name: 'white', rgb: [255, 255, 255], style: 'color-light' },
  { name: 'dark', rgb: [32, 33, 36], style: 'color' },
  { name: 'black', rgb: [0, 0, 0], style: 'color' },
];
const SIZES = [16, 22, 32];
const OUT = join(__dirname, '..', '..', 'e2e', 'screenshots', 'tray-icons');

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lowest contrast of any fully drawn glyph pixel against the panel. */
function worstContrast(raster: Raster, panel: Rgb): number {
  let worst = Infinity;
  for (let i = 0; i < raster.rgba.length; i += 4) {
    if ((raster.rgba[i + 3] ?? 0) < 250) continue;
    const rgb: Rgb = [raster.rgba[i] ?? 0, raster.rgba[i + 1] ?? 0, raster.rgba[i + 2] ?? 0];
    worst = Math.min(worst, contrast(rgb, panel));
  }
  return worst;
}

/** The raster composited on the panel colour, as the PNG a person looks at. */
function onPanel(raster: Raster, panel: Rgb): Raster {
  const rgba = new Uint8Array(raster.rgba.length);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = (raster.rgba[i + 3] ?? 0) / 255;
    for (let c = 0; c < 3; c++) {
      rgba[i + c] = Math.round((raster.rgba[i + c] ?? 0) * a + (panel[c] ?? 0) * (1 - a));
    }
    rgba[i + 3] = 255;
  }
  return { ...raster, rgba };
}

describe('tray icons on light and dark panels', () => {
  it.each(PANELS)(
    'keep 3:1 contrast on a $name panel at 16, 22 and 32 px',
    ({ name, rgb, style }) => {
      mkdirSync(OUT, { recursive: true });
      const worst: Record<string, number> = {};
      for (const size of SIZES) {
        for (const state of TRAY_STATES) {
          const raster = rasterTrayIcon(state, 5, size, style);
          writeFileSync(join(OUT, `${name}-${size}-${state}.png`), encodePng(onPanel(raster, rgb)));
          worst[`${size} ${state}`] = Number(worstContrast(raster, rgb).toFixed(2));
        }
      }
      const failing = Object.entries(worst).filter(([, ratio]) => !(ratio >= 3));
      expect(failing).toEqual([]);
    },
  );

  it('gives every state its own shape at 16 px, critical and warning included', () => {
    const mask = (state: (typeof TRAY_STATES)[number]) =>
      Array.from(rasterTrayIcon(state, 5, 16, 'color').rgba.filter((_, i) => i % 4 === 3)).map(
        (alpha) => alpha >= 128,
      );
    for (const a of TRAY_STATES) {
      for (const b of TRAY_STATES) {
        if (a >= b) continue;
        const [ma, mb] = [mask(a), mask(b)];
        const differing = ma.filter((on, i) => on !== mb[i]).length;
        expect({ pair: `${a}/${b}`, differing: differing >= 6 }).toEqual({
          pair: `${a}/${b}`,
          differing: true,
        });
      }
    }
  });
});
