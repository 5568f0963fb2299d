/**
 * The entries of a zip as stored — name, CRC, sizes, method and the compressed bytes — read from
 * its central directory by hand (not by the code that wrote it), to compare two packages entry by
 * entry: which entries a corrected copy added, removed or changed, and that all others are the
 * same bytes.
 */
import { createHash } from 'crypto';

export interface StoredEntry {
  name: string;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  /** sha256 of the compressed bytes as stored. */
  storedHash: string;
}

export function storedEntries(zip: Uint8Array): Map<string, StoredEntry> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, StoredEntry>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`no directory record at ${p}`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const compressedSize = buf.readUInt32LE(p + 20);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, {
      name,
      crc: buf.readUInt32LE(p + 16),
      method: buf.readUInt16LE(p + 10),
      compressedSize,
      size: buf.readUInt32LE(p + 24),
      storedHash: createHash('sha256').update(buf.subarray(start, start + compressedSize)).digest('hex'),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Which entries differ between two packages: added, removed, and changed (any of CRC, sizes, method, stored bytes). */
export function entryDifferences(original: Uint8Array, copy: Uint8Array): { added: string[]; removed: string[]; changed: string[]; same: string[] } {
  const before = storedEntries(original);
  const after = storedEntries(copy);
  const result = { added: [] as string[], removed: [] as string[], changed: [] as string[], same: [] as string[] };
  for (const [name, entry] of before) {
    const now = after.get(name);
    if (!now) result.removed.push(name);
    else if (now.crc !== entry.crc || now.size !== entry.size || now.compressedSize !== entry.compressedSize || now.method !== entry.method || now.storedHash !== entry.storedHash) result.changed.push(name);
    else result.same.push(name);
  }
  for (const name of after.keys()) if (!before.has(name)) result.added.push(name);
  return result;
}

/** Every entry's content, unpacked (by JSZip), by name: XML parts as text, others in base64. */
export async function partContents(zip: Uint8Array): Promise<Map<string, string>> {
  const { default: JSZip } = await import('jszip');
  const loaded = await JSZip.loadAsync(zip);
  const out = new Map<string, string>();
  for (const name of Object.keys(loaded.files).sort()) {
    if (loaded.files[name].dir) continue;
    const bytes = await loaded.files[name].async('nodebuffer');
    out.set(name, bytes.toString(/\.(xml|rels|vml)$/i.test(name) ? 'utf8' : 'base64'));
  }
  return out;
}

/**
 * The parts of a corrected copy but its check sheet (which lists what that correction did) and
 * its notes (a finding whose numbers moved with the fix is noted again, after the first note):
 * what a correction of the copy must leave as it was.
 */
export async function partsButCheckSheetAndNotes(zip: Uint8Array, checkSheetPart: string): Promise<Map<string, string>> {
  const parts = await partContents(zip);
  parts.delete(checkSheetPart);
  for (const name of [...parts.keys()]) if (/comments\d*\.xml$|vmlDrawing\d*\.vml$/.test(name)) parts.delete(name);
  return parts;
}
