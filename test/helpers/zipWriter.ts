/**
 * A minimal zip writer for crafted test files: entries given as bytes (deflated here with zlib)
 * or already deflated (a zip bomb's stream, made of repeated blocks, never held unpacked).
 */
import * as zlib from 'zlib';

export type ZipInput =
  | { name: string; data: Uint8Array }
  | { name: string; deflated: Buffer; crc: number; size: number };

const DOS_DATE = ((2024 - 1980) << 9) | (10 << 5) | 1; // 2024-10-01, 00:00

export function writeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { deflated, crc, size } = 'data' in entry
      ? { deflated: zlib.deflateRawSync(entry.data, { level: 9 }), crc: crc32(entry.data), size: entry.data.length }
      : entry;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `head`, then `repeat` times `block`, then `tail`, as one deflate stream built from
 * independently flushed pieces: `repeat` × `block.length` bytes that never exist unpacked.
 */
export function repeatedDeflate(head: Buffer, block: Buffer, repeat: number, tail: Buffer): { deflated: Buffer; crc: number; size: number } {
  const piece = (data: Buffer, last: boolean) => {
    const deflate = zlib.deflateRawSync(data, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
    return deflate;
  };
  const blockDeflated = piece(block, false);
  const parts = [piece(head, false), ...Array<Buffer>(repeat).fill(blockDeflated), piece(tail, true)];
  let crc = crc32(head);
  for (let i = 0; i < repeat; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  return { deflated: Buffer.concat(parts), crc, size: head.length + repeat * block.length + tail.length };
}

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as zip uses it, continued from `previous`; zlib's own where Node has one (20.15+). */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, previous);
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
