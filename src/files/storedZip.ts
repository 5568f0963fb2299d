import * as zlib from 'zlib';

// Node only. The limits check (limits.ts, zipProblem) unpacks every worksheet to count its cells,
// through the browser's DecompressionStream: in Node a round trip to zlib's thread pool per
// chunk, most of it waiting. Handed the same zip with its entries stored instead of deflated, it
// reads them as they are and gives the same answer — the entries' names, sizes and unpacked
// bytes are all it reads — in a fraction of the time. SheetJS then reads the same copy: it copies
// stored entries where it would unpack deflated ones in JavaScript. This makes that copy,
// unpacking with zlib in one go (the same zlib DecompressionStream uses), and only where that is
// safe and exact.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x0001;
const DATA_DESCRIPTOR = 0x0008;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** Beyond this unpacked, no copy is made (a budget is far smaller; the original is checked as it is). */
const MAX_COPY_BYTES = 64 * 1024 * 1024;

interface Entry {
  /** The central directory record, and where in it the fields to change are. */
  record: Uint8Array;
  localHeader: Uint8Array;
  /** The data as the zip has them, and how: STORED or DEFLATED. */
  packed: Uint8Array;
  method: number;
  /** The size the directory states: the data must unpack to exactly this. */
  size: number;
}

/**
 * The zip with every entry stored, everything else byte for byte the same; null where it cannot be
 * made exactly (zip64, encryption, another compression, a size the data do not match, data that do
 * not unpack cleanly) or would unpack to more than `maxUnpackedBytes` (or 64 MB): the caller then
 * checks the original.
 */
export function storedCopy(data: Uint8Array, maxUnpackedBytes: number): Uint8Array | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd < 0 || eocd + 22 + view.getUint16(eocd + 20, true) !== data.length) return null;
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === MAX16 || directoryOffset === MAX32) return null;
  const limit = Math.min(maxUnpackedBytes, MAX_COPY_BYTES);
  const entries: Entry[] = [];
  let unpackedTotal = 0;
  for (let n = 0, p = directoryOffset; n < count; n++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const packedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const recordLength = 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (flags & ENCRYPTED || (method !== STORED && method !== DEFLATED) || size === MAX32 || packedSize === MAX32 || localOffset === MAX32) return null;
    unpackedTotal += size;
    if (unpackedTotal > limit || p + recordLength > data.length) return null;
    const local = localPart(data, view, localOffset, packedSize);
    if (!local) return null;
    if (method === STORED && packedSize !== size) return null;
    entries.push({ record: data.subarray(p, p + recordLength), localHeader: local.header, packed: local.packed, method, size });
    p += recordLength;
  }
  return writeStored(entries, data.subarray(eocd));
}

function endOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - MAX16; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

function localPart(data: Uint8Array, view: DataView, offset: number, packedSize: number): { header: Uint8Array; packed: Uint8Array } | null {
  if (offset + 30 > data.length || view.getUint32(offset, true) !== LOCAL) return null;
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start + packedSize > data.length) return null;
  return { header: data.subarray(offset, start), packed: data.subarray(start, start + packedSize) };
}

/** The raw deflate data unpacked, if they unpack to exactly `size` bytes and are used up doing it. */
function inflateExactly(packed: Uint8Array, size: number): Uint8Array | null {
  try {
    const { buffer, engine } = zlib.inflateRawSync(packed, { info: true, maxOutputLength: Math.max(size, 1) }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return engine.bytesWritten === packed.length ? buffer : null;
  } catch {
    return null;
  }
}

/**
 * Local headers and data, then the central directory and its end, each copied with the entry
 * stored; null when an entry does not unpack to exactly its stated size. The copy is made at its
 * final size up front and each entry unpacked into it in turn, so that no more than one entry's
 * unpacked data is held besides it.
 */
function writeStored(entries: Entry[], end: Uint8Array): Uint8Array | null {
  const localsLength = entries.reduce((n, e) => n + e.localHeader.length + e.size, 0);
  const directoryLength = entries.reduce((n, e) => n + e.record.length, 0);
  const out = new Uint8Array(localsLength + directoryLength + end.length);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (const { localHeader, packed, method, size, record } of entries) {
    offsets.push(p);
    out.set(localHeader, p);
    const recordView = new DataView(record.buffer, record.byteOffset, record.byteLength);
    view.setUint16(p + 6, view.getUint16(p + 6, true) & ~DATA_DESCRIPTOR, true);
    view.setUint16(p + 8, STORED, true);
    view.setUint32(p + 14, recordView.getUint32(16, true), true);
    view.setUint32(p + 18, size, true);
    view.setUint32(p + 22, size, true);
    p += localHeader.length;
    const unpacked = method === STORED ? packed : inflateExactly(packed, size);
    if (!unpacked || unpacked.length !== size) return null;
    out.set(unpacked, p);
    p += size;
  }
  const directory = p;
  entries.forEach(({ record, size }, i) => {
    out.set(record, p);
    view.setUint16(p + 10, STORED, true);
    view.setUint32(p + 20, size, true);
    view.setUint32(p + 42, offsets[i], true);
    p += record.length;
  });
  out.set(end, p);
  view.setUint32(p + 12, p - directory, true);
  view.setUint32(p + 16, directory, true);
  return out;
}
