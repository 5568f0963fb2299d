import * as path from 'path';
import { drawIcon, ICON_SIZES, iconFile } from '../../scripts/make-icons';
import { readPng, ROOT } from './manifestXml';

// assets/icon-<size>.png: real PNGs, and what scripts/make-icons.ts draws (redraw them with
// `npx ts-node --transpile-only scripts/make-icons.ts` after changing it).

describe('the icons in assets/', () => {
  it.each(ICON_SIZES.map((size) => [size]))('icon-%i.png is an RGBA PNG of that size, drawn by scripts/make-icons.ts', (size) => {
    const png = readPng(path.join(ROOT, 'assets', iconFile(size)));
    expect({ width: png.width, height: png.height, colorType: png.colorType }).toEqual({ width: size, height: size, colorType: 6 });
    expect(png.rgba?.equals(drawIcon(size))).toBe(true);
  });

  it('are a green square with a white check mark: green in a corner, white on the check, transparent outside the rounded corner', () => {
    const size = 64;
    const rgba = drawIcon(size);
    const pixel = (x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0); // the rounded corner
    const [r, g, b, a] = pixel(12, 52); // inside the square, away from the check and the lines
    expect(a).toBe(255);
    expect(g).toBeGreaterThan(r + 40);
    expect(g).toBeGreaterThan(b + 40);
    expect(pixel(Math.round(0.42 * size), Math.round(0.72 * size) - 1)).toEqual([255, 255, 255, 255]); // the check's corner
  });
});
