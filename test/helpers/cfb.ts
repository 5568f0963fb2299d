/**
 * A small writer of Compound File Binary (OLE2, [MS-CFB] version 3, 512-byte sectors): the
 * container Excel writes for a password-protected workbook (an `EncryptionInfo` and an
 * `EncryptedPackage` stream beside a `\u0006DataSpaces` storage) and for the old .xls format.
 * Streams under 4 096 bytes go in the mini stream, as the format requires.
 */

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

export interface CfbStorage {
  name: string;
  children: CfbNode[];
}

export type CfbNode = CfbStream | CfbStorage;

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

interface DirEntry {
  name: string;
  type: 1 | 2 | 5;
  node: CfbNode | null;
  children: number[];
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

const isStorage = (node: CfbNode): node is CfbStorage => 'children' in node;

/** CFB's order of names in a storage: shorter first, then by upper-case code units. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export function writeCfb(root: CfbNode[]): Buffer {
  // 1. Directory entries, depth first; each storage's children as a binary search tree.
  const entries: DirEntry[] = [{ name: 'Root Entry', type: 5, node: null, children: [], left: NOSTREAM, right: NOSTREAM, child: NOSTREAM, start: ENDOFCHAIN, size: 0 }];
  const add = (nodes: CfbNode[], parent: number): void => {
    for (const node of nodes) {
      const index = entries.length;
      entries.push({ name: node.name, type: isStorage(node) ? 1 : 2, node, children: [], left: NOSTREAM, right: NOSTREAM, child: NOSTREAM, start: ENDOFCHAIN, size: 0 });
      entries[parent].children.push(index);
      if (isStorage(node)) add(node.children, index);
    }
  };
  add(root, 0);
  for (const entry of entries) {
    const sorted = [...entry.children].sort((a, b) => compareNames(entries[a].name, entries[b].name));
    const tree = (lo: number, hi: number): number => {
      if (lo > hi) return NOSTREAM;
      const mid = (lo + hi) >> 1;
      entries[sorted[mid]].left = tree(lo, mid - 1);
      entries[sorted[mid]].right = tree(mid + 1, hi);
      return sorted[mid];
    };
    entry.child = tree(0, sorted.length - 1);
  }

  // 2. Small streams in the mini stream, large ones in sectors of their own.
  const miniChunks: Uint8Array[] = [];
  const miniFat: number[] = [];
  const large: DirEntry[] = [];
  for (const entry of entries) {
    if (entry.type !== 2) continue;
    const data = (entry.node as CfbStream).data;
    entry.size = data.length;
    if (data.length === 0) continue;
    if (data.length >= CUTOFF) {
      large.push(entry);
      continue;
    }
    const first = miniFat.length;
    const count = Math.ceil(data.length / MINI);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : first + i + 1);
    const padded = new Uint8Array(count * MINI);
    padded.set(data);
    miniChunks.push(padded);
    entry.start = first;
  }
  const miniStream = concat(miniChunks);

  // 3. Sector layout: FAT, directory, mini FAT, mini stream, large streams.
  const dirSectors = Math.ceil((entries.length * 128) / SECTOR);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const miniStreamSectors = Math.ceil(miniStream.length / SECTOR);
  const largeSectors = large.reduce((n, e) => n + Math.ceil(e.size / SECTOR), 0);
  const payload = dirSectors + miniFatSectors + miniStreamSectors + largeSectors;
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < payload + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('writeCfb: too big for a header-only DIFAT');
  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const chain = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const first = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? ENDOFCHAIN : first + i + 1);
    return first;
  };
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  for (const entry of large) entry.start = chain(Math.ceil(entry.size / SECTOR));
  entries[0].start = miniStream.length > 0 ? miniStreamStart : ENDOFCHAIN;
  entries[0].size = miniStream.length;

  // 4. Bytes.
  const totalSectors = fat.length;
  const out = Buffer.alloc(SECTOR * (1 + totalSectors));
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  out.writeUInt16LE(0x003e, 24);
  out.writeUInt16LE(0x0003, 26);
  out.writeUInt16LE(0xfffe, 28);
  out.writeUInt16LE(9, 30);
  out.writeUInt16LE(6, 32);
  out.writeUInt32LE(0, 40);
  out.writeUInt32LE(fatSectors, 44);
  out.writeUInt32LE(dirStart, 48);
  out.writeUInt32LE(CUTOFF, 56);
  out.writeUInt32LE(miniFatSectors > 0 ? miniFatStart : ENDOFCHAIN, 60);
  out.writeUInt32LE(miniFatSectors, 64);
  out.writeUInt32LE(ENDOFCHAIN, 68);
  out.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i < fatSectors ? i : FREESECT, 76 + i * 4);
  const at = (sector: number) => SECTOR * (1 + sector);

  for (let i = 0; i < fatSectors * (SECTOR / 4); i++) out.writeUInt32LE(i < fat.length ? fat[i] : FREESECT, at(0) + i * 4);
  entries.forEach((entry, i) => writeEntry(out, at(dirStart) + i * 128, entry));
  for (let i = entries.length; i < dirSectors * 4; i++) writeEntry(out, at(dirStart) + i * 128, null);
  for (let i = 0; i < miniFatSectors * (SECTOR / 4); i++) out.writeUInt32LE(i < miniFat.length ? miniFat[i] : FREESECT, at(miniFatStart) + i * 4);
  if (miniStream.length > 0) out.set(miniStream, at(miniStreamStart));
  for (const entry of large) out.set((entry.node as CfbStream).data, at(entry.start));
  return out;
}

function writeEntry(out: Buffer, offset: number, entry: DirEntry | null): void {
  if (!entry) {
    out.writeUInt32LE(NOSTREAM, offset + 68);
    out.writeUInt32LE(NOSTREAM, offset + 72);
    out.writeUInt32LE(NOSTREAM, offset + 76);
    return;
  }
  if (entry.name.length > 31) throw new Error(`writeCfb: name too long: ${entry.name}`);
  out.write(entry.name, offset, 'utf16le');
  out.writeUInt16LE((entry.name.length + 1) * 2, offset + 64);
  out.writeUInt8(entry.type, offset + 66);
  out.writeUInt8(1, offset + 67); // black
  out.writeUInt32LE(entry.left, offset + 68);
  out.writeUInt32LE(entry.right, offset + 72);
  out.writeUInt32LE(entry.child, offset + 76);
  out.writeUInt32LE(entry.type === 1 ? 0 : entry.start, offset + 116);
  out.writeUInt32LE(entry.type === 1 ? 0 : entry.size, offset + 120);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
