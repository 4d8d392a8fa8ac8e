import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, rasterTrayIcon } from '../../../electron/app/tray-icon-raster';
import { TRAY_STATES } from '../../../shared/domain/tray-view';

const key = (rgba: Uint8Array) => Buffer.from(rgba).toString('base64');

describe('tray icon drawing', () => {
  it('gives every state its own shape, even as a monochrome template', () => {
    const shapes = TRAY_STATES.map((state) => key(rasterTrayIcon(state, 4, 32, 'template').rgba));
    expect(new Set(shapes).size).toBe(TRAY_STATES.length);
  });

  it('fills with usage: each level of the normal icon differs', () => {
    const levels = Array.from({ length: 9 }, (_, level) =>
      key(rasterTrayIcon('normal', level, 32, 'template').rgba),
    );
    expect(new Set(levels).size).toBe(9);
  });

  it('a template is black with alpha only, so macOS can tint it', () => {
    const { rgba } = rasterTrayIcon('critical', 6, 32, 'template');
    const colours = new Set<string>();
    for (let i = 0; i < rgba.length; i += 4)
      if ((rgba[i + 3] ?? 0) > 0) colours.add(`${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`);
    expect([...colours]).toEqual(['0,0,0']);
  });

  it('encodes a valid PNG of the right size', () => {
    const png = encodePng(rasterTrayIcon('locked', 8, 22, 'color'));
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([22, 22]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe((22 * 4 + 1) * 22);
  });
});
