// The add-in's icons (assets/icon-<size>.png): a green rounded square with a white check mark
// and, from 32 px up, two ledger lines. Drawn here with nothing but Node's zlib, so that anyone
// can redraw them: `npx ts-node --transpile-only scripts/make-icons.ts`. The PNGs are committed;
// test/addin/icons.test.ts checks that they are what this script draws.
//
// The manifest uses 16, 32 and 80 px on the ribbon, 32 px as IconUrl and 64 px as
// HighResolutionIconUrl; 128 px is for a catalog or store listing.
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { deflateSync } from 'zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const GREEN: Rgb = [0x10, 0x7c, 0x41]; // Excel's green
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 8; // per pixel and axis: 64 samples smooth the edges

type Rgb = readonly [number, number, number];
interface Point { x: number; y: number }

/** Distance from (px, py) to the segment a–b. */
function segmentDistance(px: number, py: number, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** Inside a rounded square from `inset` to 1 - inset with corner radius r (unit coordinates). */
function inRoundedSquare(px: number, py: number, inset: number, r: number): boolean {
  const lo = inset + r;
  const hi = 1 - inset - r;
  return Math.hypot(px - Math.max(lo, Math.min(hi, px)), py - Math.max(lo, Math.min(hi, py))) <= r;
}

function onPolyline(px: number, py: number, points: readonly Point[], width: number): boolean {
  for (let i = 1; i < points.length; i++) if (segmentDistance(px, py, points[i - 1], points[i]) <= width / 2) return true;
  return false;
}

const CHECK: readonly Point[] = [{ x: 0.25, y: 0.55 }, { x: 0.42, y: 0.72 }, { x: 0.76, y: 0.32 }];
const LEDGER: readonly (readonly Point[])[] = [
  [{ x: 0.24, y: 0.26 }, { x: 0.56, y: 0.26 }],
  [{ x: 0.24, y: 0.40 }, { x: 0.44, y: 0.40 }],
];

function blend(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

// What covers a point, topmost first: the check (white), the ledger lines (white over green), the square.
const NONE = -1;
const COLOURS: readonly Rgb[] = [GREEN, blend(GREEN, WHITE, 0.55), WHITE];

function colourAt(px: number, py: number, size: number): number {
  if (!inRoundedSquare(px, py, size <= 16 ? 0 : 1 / 32, 0.2)) return NONE;
  if (onPolyline(px, py, CHECK, size <= 16 ? 0.16 : 0.12)) return 2;
  if (size >= 32 && LEDGER.some((line) => onPolyline(px, py, line, 0.06))) return 1;
  return 0;
}

/** The icon as RGBA rows, 4 bytes a pixel, not premultiplied. */
export function drawIcon(size: number): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const counts = new Array<number>(COLOURS.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A pixel whose corners and centre are one colour is that colour (every shape here is wider
      // than a pixel); the others, on an edge, are SAMPLES × SAMPLES samples averaged.
      const probes = [colourAt(x / size, y / size, size), colourAt((x + 1) / size, y / size, size), colourAt(x / size, (y + 1) / size, size),
        colourAt((x + 1) / size, (y + 1) / size, size), colourAt((x + 0.5) / size, (y + 0.5) / size, size)];
      counts.fill(0);
      let samples: number;
      if (probes.every((c) => c === probes[0])) {
        if (probes[0] !== NONE) counts[probes[0]] = 1;
        samples = 1;
      } else {
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            const c = colourAt((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size, size);
            if (c !== NONE) counts[c]++;
          }
        }
        samples = SAMPLES * SAMPLES;
      }
      const covered = counts.reduce((sum, n) => sum + n, 0);
      if (covered === 0) continue;
      const o = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) rgba[o + k] = Math.round(COLOURS.reduce((sum, colour, c) => sum + colour[k] * counts[c], 0) / covered);
      rgba[o + 3] = Math.round((covered / samples) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGBA PNG (colour type 6), every row with filter 0. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export function iconFile(size: number): string {
  return `icon-${size}.png`;
}

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, iconFile(size));
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../assets');
  for (const file of writeIcons(dir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
