import { deflateSync } from 'node:zlib';
import type { TrayState } from '../../shared/domain/tray-view';
import { TRAY_LEVELS } from '../../shared/domain/tray-view';

/** An RGBA image, row by row, 4 bytes a pixel (straight alpha). */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/**
 * `template`: black + alpha for macOS (the system tints it); `color`: for dark Windows and Linux
 * panels; `color-light`: for light ones (Windows 11's default, light GNOME/KDE), darker inks so
 * the glyph keeps a 3:1 contrast against the panel.
 */
export type IconStyle = 'template' | 'color' | 'color-light';

type Rgb = readonly [number, number, number];
const INK: Rgb = [0, 0, 0];
const LIGHT: Rgb = [232, 234, 237];
const COLORS: Readonly<Record<TrayState, Rgb>> = {
  normal: [138, 180, 248],
  warning: [242, 177, 72],
  critical: [255, 107, 107],
  locked: [255, 107, 107],
  stale: [154, 160, 166],
  error: [255, 107, 107],
  'signed-out': [154, 160, 166],
};

const DARK_INK: Rgb = [32, 33, 36];
const COLORS_ON_LIGHT: Readonly<Record<TrayState, Rgb>> = {
  normal: [25, 103, 210],
  warning: [166, 86, 0],
  critical: [197, 34, 31],
  locked: [197, 34, 31],
  stale: [95, 99, 104],
  error: [197, 34, 31],
  'signed-out': [95, 99, 104],
};

/** A shape: how much of a point it covers (0 or 1) and in which colour. */
type Layer = (x: number, y: number) => { cover: boolean; rgb: Rgb; alpha: number } | null;

/**
 * Draws the tray icon at `size` pixels square: a ring whose inner pie fills with usage, and a
 * distinct shape per state (badge dot for warning, triangle for critical, padlock for locked,
 * dashed ring for stale and signed out, a cross for error), so the state reads even in the
 * monochrome template macOS uses.
 */
export function rasterTrayIcon(
  state: TrayState,
  level: number,
  size: number,
  style: IconStyle,
): Raster {
  const ink = style === 'template' ? INK : style === 'color-light' ? DARK_INK : LIGHT;
  const accent =
    style === 'template' ? INK : style === 'color-light' ? COLORS_ON_LIGHT[state] : COLORS[state];
  const layers = layersFor(
    state,
    Math.min(TRAY_LEVELS, Math.max(0, level)) / TRAY_LEVELS,
    ink,
    accent,
  );
  const rgba = new Uint8Array(size * size * 4);
  const SS = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let a = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          // Coordinates in a unit square, so one drawing serves every size.
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          const hit = paint(layers, x, y);
          if (hit === null) continue;
          a += hit.alpha;
          r += hit.rgb[0] * hit.alpha;
          g += hit.rgb[1] * hit.alpha;
          b += hit.rgb[2] * hit.alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

/** The topmost layer at a point; a layer with alpha 0 punches a hole through those below. */
function paint(layers: readonly Layer[], x: number, y: number): { rgb: Rgb; alpha: number } | null {
  for (let i = layers.length - 1; i >= 0; i--) {
    const hit = layers[i]?.(x, y) ?? null;
    if (hit?.cover) return hit.alpha === 0 ? null : hit;
  }
  return null;
}

const C = 0.5;
const R = 0.44;
const RING = 0.1;

function layersFor(state: TrayState, fill: number, ink: Rgb, accent: Rgb): Layer[] {
  const dashed = state === 'stale' || state === 'signed-out';
  const ring = ringLayer(ink, dashed);
  switch (state) {
    case 'locked':
      return padlock(accent);
    case 'error':
      return [ring, cross(accent)];
    case 'signed-out':
      return [ring, minus(ink)];
    case 'stale':
      return [ring, pie(fill, ink, 0.5)];
    case 'warning':
      return [ring, pie(fill, accent, 1), ...badge(false, accent)];
    case 'critical':
      return [ring, pie(fill, accent, 1), ...badge(true, accent)];
    case 'normal':
      return [ring, pie(fill, accent, 1)];
  }
}

function ringLayer(rgb: Rgb, dashed: boolean): Layer {
  return (x, y) => {
    const d = Math.hypot(x - C, y - C);
    if (d > R || d < R - RING) return null;
    if (dashed) {
      const turn = (Math.atan2(x - C, C - y) / (2 * Math.PI) + 1) % 1;
      if (Math.floor(turn * 12) % 2 === 1) return null;
    }
    return { cover: true, rgb, alpha: 1 };
  };
}

/** The usage wedge, clockwise from 12 o'clock. */
function pie(fill: number, rgb: Rgb, alpha: number): Layer {
  return (x, y) => {
    if (fill <= 0 || Math.hypot(x - C, y - C) > R - RING * 1.8) return null;
    const turn = (Math.atan2(x - C, C - y) / (2 * Math.PI) + 1) % 1;
    return turn <= fill ? { cover: true, rgb, alpha } : null;
  };
}

/** A badge at the top right, cut out of what is beneath: a dot (warning) or a triangle (critical). */
function badge(triangle: boolean, rgb: Rgb): Layer[] {
  const bx = 0.8;
  const by = 0.2;
  const size = 0.2;
  const inside = (x: number, y: number, grow: number) =>
    triangle
      ? y <= by + size + grow &&
        y >= by - size - grow &&
        Math.abs(x - bx) <= (y - (by - size - grow)) * 0.6
      : Math.hypot(x - bx, y - by) <= size + grow;
  return [
    (x, y) => (inside(x, y, 0.07) ? { cover: true, rgb, alpha: 0 } : null),
    (x, y) => (inside(x, y, 0) ? { cover: true, rgb, alpha: 1 } : null),
  ];
}

function cross(rgb: Rgb): Layer {
  return (x, y) => {
    const u = x - C;
    const v = y - C;
    const near = Math.min(Math.abs(u - v), Math.abs(u + v)) / Math.SQRT2;
    return near <= 0.06 && Math.abs(u) <= 0.2 && Math.abs(v) <= 0.2
      ? { cover: true, rgb, alpha: 1 }
      : null;
  };
}

function minus(rgb: Rgb): Layer {
  return (x, y) =>
    Math.abs(y - C) <= 0.06 && Math.abs(x - C) <= 0.2 ? { cover: true, rgb, alpha: 1 } : null;
}

function padlock(rgb: Rgb): Layer[] {
  const body: Layer = (x, y) =>
    x >= 0.2 && x <= 0.8 && y >= 0.45 && y <= 0.92 ? { cover: true, rgb, alpha: 1 } : null;
  const keyhole: Layer = (x, y) =>
    Math.hypot(x - C, y - 0.62) <= 0.07 || (Math.abs(x - C) <= 0.03 && y >= 0.62 && y <= 0.78)
      ? { cover: true, rgb, alpha: 0 }
      : null;
  const shackle: Layer = (x, y) => {
    if (y > 0.45) return null;
    const d = Math.hypot(x - C, y - 0.38);
    return (y <= 0.38 && d <= 0.24 && d >= 0.14) ||
      (y > 0.38 && (Math.abs(x - 0.31) <= 0.05 || Math.abs(x - 0.69) <= 0.05))
      ? { cover: true, rgb, alpha: 1 }
      : null;
  };
  return [shackle, body, keyhole];
}

/** A raster as a PNG file (8-bit RGBA, no filtering): for `build/` icons and previews. */
export function encodePng(raster: Raster): Buffer {
  const { width, height, rgba } = raster;
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      rows,
      y * (width * 4 + 1) + 1,
    );
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
