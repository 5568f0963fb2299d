import { findEndOfCentralDirectory, zip64Directory } from '../zipDirectory';
import type { ZipCodec } from './codec';

// Browser-safe. An .xlsx package read entry by entry and written again: every entry Budgetkoll
// does not change is copied as it was stored — its compressed bytes, CRC, sizes, method, times,
// name and extra fields as they are — so a chart, an image or a pivot cache comes out exactly as it
// went in. Only the entries given new content are packed again (by the injected codec).

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x0001;
const DATA_DESCRIPTOR = 0x0008;
const UTF8_NAME = 0x0800;
const ZIP64_EXTRA = 0x0001;

export interface PackageEntry {
  /** As the zip names it (no leading '/'). */
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
  localExtra: Uint8Array;
  centralExtra: Uint8Array;
  comment: Uint8Array;
  /** The entry's data as stored (still compressed). */
  stored: Uint8Array;
}

export interface ZipPackage {
  entries: PackageEntry[];
  /** The zip's own comment, kept. */
  comment: Uint8Array;
}

export class PackageError extends Error {}

/** The entries of a zip, or a PackageError saying why it is not read here (encrypted, another compression, damaged). */
export function readPackage(data: Uint8Array): ZipPackage {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new PackageError('no zip directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === MAX16 || offset === MAX32) {
    const zip64 = zip64Directory(view, eocd);
    if (!zip64) throw new PackageError('a damaged zip64 directory');
    ({ count, offset } = zip64);
  }
  const commentLength = view.getUint16(eocd + 20, true);
  const entries: PackageEntry[] = [];
  for (let n = 0, p = offset; n < count; n++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL) throw new PackageError('a damaged zip directory');
    const entry = centralEntry(data, view, p);
    entries.push(entry.entry);
    p = entry.next;
  }
  return { entries, comment: data.slice(eocd + 22, eocd + 22 + commentLength) };
}

function centralEntry(data: Uint8Array, view: DataView, p: number): { entry: PackageEntry; next: number } {
  const nameLength = view.getUint16(p + 28, true);
  const extraLength = view.getUint16(p + 30, true);
  const commentLength = view.getUint16(p + 32, true);
  const nameBytes = data.slice(p + 46, p + 46 + nameLength);
  const centralExtra = data.slice(p + 46 + nameLength, p + 46 + nameLength + extraLength);
  const flags = view.getUint16(p + 8, true);
  const method = view.getUint16(p + 10, true);
  const sizes = zip64Sizes(centralExtra, {
    size: view.getUint32(p + 24, true),
    compressedSize: view.getUint32(p + 20, true),
    localOffset: view.getUint32(p + 42, true),
  });
  if (flags & ENCRYPTED) throw new PackageError('an encrypted entry');
  if (method !== STORED && method !== DEFLATED) throw new PackageError(`compression method ${method}`);
  const local = sizes.localOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL) throw new PackageError('a local header is not where the directory says');
  const localNameLength = view.getUint16(local + 26, true);
  const localExtraLength = view.getUint16(local + 28, true);
  const start = local + 30 + localNameLength + localExtraLength;
  if (start + sizes.compressedSize > data.length) throw new PackageError('an entry runs past the end of the file');
  const entry: PackageEntry = {
    name: new TextDecoder(flags & UTF8_NAME ? 'utf-8' : 'latin1').decode(nameBytes),
    nameBytes,
    flags,
    method,
    time: view.getUint16(p + 12, true),
    date: view.getUint16(p + 14, true),
    crc: view.getUint32(p + 16, true),
    compressedSize: sizes.compressedSize,
    size: sizes.size,
    versionMadeBy: view.getUint16(p + 4, true),
    versionNeeded: view.getUint16(p + 6, true),
    internalAttributes: view.getUint16(p + 36, true),
    externalAttributes: view.getUint32(p + 38, true),
    localExtra: data.slice(local + 30 + localNameLength, start),
    centralExtra,
    comment: data.slice(p + 46 + nameLength + extraLength, p + 46 + nameLength + extraLength + commentLength),
    stored: data.subarray(start, start + sizes.compressedSize),
  };
  return { entry, next: p + 46 + nameLength + extraLength + commentLength };
}

type Sizes = { size: number; compressedSize: number; localOffset: number };

/** Sizes too big for 32 bits stand in the zip64 extra field, in this order. */
function zip64Sizes(extra: Uint8Array, sizes: Sizes): Sizes {
  if (sizes.size !== MAX32 && sizes.compressedSize !== MAX32 && sizes.localOffset !== MAX32) return sizes;
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length; p += 4 + view.getUint16(p + 2, true)) {
    if (view.getUint16(p, true) !== ZIP64_EXTRA) continue;
    let q = p + 4;
    const next = () => {
      const value = Number(view.getBigUint64(q, true));
      q += 8;
      return value;
    };
    const out = { ...sizes };
    if (out.size === MAX32) out.size = next();
    if (out.compressedSize === MAX32) out.compressedSize = next();
    if (out.localOffset === MAX32) out.localOffset = next();
    return out;
  }
  throw new PackageError('a zip64 entry without its sizes');
}

/** The entry's content, unpacked. */
export async function entryBytes(entry: PackageEntry, codec: ZipCodec): Promise<Uint8Array> {
  if (entry.method === STORED) return entry.stored;
  const unpacked = await codec.inflate(entry.stored, entry.size);
  if (unpacked.length !== entry.size) throw new PackageError(`${entry.name} does not unpack to its size`);
  return unpacked;
}

/** The entry with new content: packed by the codec (stored where it cannot pack), CRC and sizes new, the rest as it was. */
export async function withContent(entry: PackageEntry, content: Uint8Array, codec: ZipCodec): Promise<PackageEntry> {
  const packed = content.length === 0 ? null : await codec.deflate(content);
  return {
    ...entry,
    flags: entry.flags & ~DATA_DESCRIPTOR,
    method: packed ? DEFLATED : STORED,
    versionNeeded: Math.max(entry.versionNeeded, 20),
    crc: codec.crc32 ? codec.crc32(content) : crc32(content),
    compressedSize: packed ? packed.length : content.length,
    size: content.length,
    stored: packed ?? content,
  };
}

/** A new entry, dated like `like` (so that the same input gives the same bytes). */
export function newEntry(name: string, like: PackageEntry): PackageEntry {
  const nameBytes = new TextEncoder().encode(name);
  const ascii = nameBytes.every((b) => b < 0x80);
  return {
    name, nameBytes, flags: ascii ? 0 : UTF8_NAME, method: STORED, time: like.time, date: like.date, crc: 0, compressedSize: 0, size: 0,
    versionMadeBy: 20, versionNeeded: 20, internalAttributes: 0, externalAttributes: 0,
    localExtra: new Uint8Array(0), centralExtra: new Uint8Array(0), comment: new Uint8Array(0), stored: new Uint8Array(0),
  };
}

/** The zip written: each entry's local header and stored data, then the directory. */
export function writePackage(pkg: ZipPackage): Uint8Array {
  const locals = pkg.entries.map((e) => ({ entry: e, localExtra: withoutZip64(e.localExtra), centralExtra: withoutZip64(e.centralExtra) }));
  const localLength = locals.reduce((n, l) => n + 30 + l.entry.nameBytes.length + l.localExtra.length + l.entry.stored.length, 0);
  const centralLength = locals.reduce((n, l) => n + 46 + l.entry.nameBytes.length + l.centralExtra.length + l.entry.comment.length, 0);
  if (localLength > MAX32 || pkg.entries.length >= MAX16) throw new PackageError('the copy would need zip64');
  const out = new Uint8Array(localLength + centralLength + 22 + pkg.comment.length);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (const { entry: e, localExtra } of locals) {
    offsets.push(p);
    view.setUint32(p, LOCAL, true);
    view.setUint16(p + 4, e.versionNeeded, true);
    writeCommon(view, p + 6, e);
    view.setUint16(p + 26, e.nameBytes.length, true);
    view.setUint16(p + 28, localExtra.length, true);
    out.set(e.nameBytes, p + 30);
    out.set(localExtra, p + 30 + e.nameBytes.length);
    p += 30 + e.nameBytes.length + localExtra.length;
    out.set(e.stored, p);
    p += e.stored.length;
  }
  const directory = p;
  locals.forEach(({ entry: e, centralExtra }, i) => {
    view.setUint32(p, CENTRAL, true);
    view.setUint16(p + 4, e.versionMadeBy, true);
    view.setUint16(p + 6, e.versionNeeded, true);
    writeCommon(view, p + 8, e);
    view.setUint16(p + 28, e.nameBytes.length, true);
    view.setUint16(p + 30, centralExtra.length, true);
    view.setUint16(p + 32, e.comment.length, true);
    view.setUint16(p + 34, 0, true);
    view.setUint16(p + 36, e.internalAttributes, true);
    view.setUint32(p + 38, e.externalAttributes, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(e.nameBytes, p + 46);
    out.set(centralExtra, p + 46 + e.nameBytes.length);
    out.set(e.comment, p + 46 + e.nameBytes.length + centralExtra.length);
    p += 46 + e.nameBytes.length + centralExtra.length + e.comment.length;
  });
  view.setUint32(p, EOCD, true);
  view.setUint16(p + 8, pkg.entries.length, true);
  view.setUint16(p + 10, pkg.entries.length, true);
  view.setUint32(p + 12, p - directory, true);
  view.setUint32(p + 16, directory, true);
  view.setUint16(p + 20, pkg.comment.length, true);
  out.set(pkg.comment, p + 22);
  return out;
}

/** Flags to sizes, as local headers and directory records both have them. Sizes go in the header, never in a data descriptor. */
function writeCommon(view: DataView, p: number, e: PackageEntry): void {
  view.setUint16(p, e.flags & ~DATA_DESCRIPTOR, true);
  view.setUint16(p + 2, e.method, true);
  view.setUint16(p + 4, e.time, true);
  view.setUint16(p + 6, e.date, true);
  view.setUint32(p + 8, e.crc, true);
  view.setUint32(p + 12, e.compressedSize, true);
  view.setUint32(p + 16, e.size, true);
}

/** Extra fields without a zip64 field: the copy states its sizes in 32 bits. */
function withoutZip64(extra: Uint8Array): Uint8Array {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const kept: Uint8Array[] = [];
  for (let p = 0; p + 4 <= extra.length;) {
    const end = Math.min(extra.length, p + 4 + view.getUint16(p + 2, true));
    if (view.getUint16(p, true) !== ZIP64_EXTRA) kept.push(extra.subarray(p, end));
    p = end;
  }
  if (kept.length === 1 && kept[0].length === extra.length) return extra;
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  let q = 0;
  for (const k of kept) {
    out.set(k, q);
    q += k.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
