import { zipDocumentKind } from './fileKinds';
import { partName, storedBytes, zipEntries, type ZipEntry } from './zipDirectory';

// Browser-safe. What Budgetkoll reads at most, and what a file is when it is no workbook. A file
// beyond a limit gets one Swedish sentence before a reader unpacks or builds anything in memory:
// never an out-of-memory, never minutes of waiting.

export interface ReadLimits {
  /** The file as it is on disk. */
  maxFileBytes: number;
  /** The zip's entries unpacked, all together (a zip bomb stops here). */
  maxUnpackedBytes: number;
  /** Cells of all worksheets together, with a value or only a format: what a reader would build. */
  maxCells: number;
}

const MB = 1024 * 1024;

/**
 * Measured on the command (2 vCPU) when exceljs was the reader: some 100 000 cells a second and
 * about 0.5 KB per cell, so a million cells was 8–15 seconds and 500–650 MB. SheetJS took about
 * 0.7 of exceljs's time; with the cells of plain sheets read by Budgetkoll (plainSheets.ts) the
 * reader takes about 0.25 (scripts/bench-check.ts). A 990 000-cell ledger was read and checked
 * in 3 seconds and 520 MB by SheetJS alone. A budget workbook has a few thousand cells.
 * Counting the cells first (below) takes half a second for a million, and stops at twice the limit.
 */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 50 * MB,
  maxUnpackedBytes: 256 * MB,
  maxCells: 1_000_000,
});

const MIN_CELL_BYTES = 4;
const COPY_THE_BUDGET = 'kopiera budgetbladet till en egen arbetsbok och kontrollera den';

/** '62,3 MB' */
function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${(mb >= 10 ? Math.round(mb).toString() : mb.toFixed(1)).replace('.', ',')} MB`;
}

/** '1 200 000' */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The reason a file of this size is not read, or null. */
export function fileSizeProblem(bytes: number, limits: ReadLimits = DEFAULT_LIMITS): string | null {
  return bytes > limits.maxFileBytes
    ? `filen är för stor (${megabytes(bytes)}) – Budgetkoll läser arbetsböcker på högst ${megabytes(limits.maxFileBytes)}`
    : null;
}

/**
 * What is wrong with a zip file that should be an .xlsx: another kind of document, too big
 * unpacked, too many cells. Null when a reader may read it (and say itself if it is damaged).
 */
export async function zipProblem(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<string | null> {
  const entries = zipEntries(data);
  if (!entries) return null;
  const kind = zipDocumentKind(new Set(entries.map((e) => partName(e.name))));
  if (kind) return kind;
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > limits.maxUnpackedBytes) {
    return `arbetsboken är för stor uppackad (${megabytes(unpacked)}, högst ${megabytes(limits.maxUnpackedBytes)}) – ${COPY_THE_BUDGET}`;
  }
  // Every entry is counted, not only xl/worksheets/: a worksheet may be any part the workbook's
  // relationships name, and SheetJS unpacks every entry whether it is used or not. A cell takes
  // four bytes at the least (`<c/>`): a package this small cannot pass the limit, and a budget's
  // is far smaller. Counting costs some 4 ms per megabyte (a byte at a time: a native search for
  // each "<" measured twice as slow).
  if (unpacked <= MIN_CELL_BYTES * limits.maxCells && storedAsSaid(entries)) return null;
  const cells = await countCells(data, entries, limits);
  if (cells === 'too-big') {
    return `arbetsboken är för stor uppackad (mer än ${megabytes(limits.maxUnpackedBytes)}) – ${COPY_THE_BUDGET}`;
  }
  if (cells !== null && cells > limits.maxCells) {
    return `arbetsboken har för många celler (${cells > limits.maxCells * 2 ? 'mer än ' : ''}${count(Math.min(cells, limits.maxCells * 2))}, högst ${count(limits.maxCells)}) – ${COPY_THE_BUDGET}`;
  }
  return null;
}

/**
 * Whether the entries' sizes are what their data are: stored, not packed, so that the size the zip
 * states is the bytes there are (storedZip.ts makes such a copy). A packed entry may unpack to more
 * than it says: only counting tells.
 */
function storedAsSaid(entries: ZipEntry[]): boolean {
  return entries.every((e) => e.method === 0 && e.compressedSize === e.uncompressedSize);
}

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface Pipeable {
  pipeThrough(transform: unknown): { getReader(): ByteReader };
}
type Inflater = new (format: 'deflate-raw') => unknown;

/**
 * Counts the cells (`<c …>` elements) in the entries by unpacking them as a stream, a chunk at a
 * time: nothing is kept. Stops as soon as a limit is passed. Null when the count cannot be made
 * here (no DecompressionStream, an unknown compression, damaged data: the reader then says the
 * file is damaged); 'too-big' when the data unpack to more than the limit, whatever the zip said.
 */
async function countCells(data: Uint8Array, entries: ZipEntry[], limits: ReadLimits): Promise<number | 'too-big' | null> {
  const Inflate = (globalThis as { DecompressionStream?: Inflater }).DecompressionStream;
  const BlobType = (globalThis as { Blob?: new (parts: Uint8Array[]) => { stream(): Pipeable } }).Blob;
  const counter = new CellCounter();
  let unpacked = 0;
  for (const entry of entries) {
    const stored = storedBytes(data, entry);
    if (!stored) return null;
    if (entry.method === 0) {
      counter.scan(stored);
      unpacked += stored.length;
    } else if (entry.method === 8 && Inflate && BlobType) {
      const reader = new BlobType([stored]).stream().pipeThrough(new Inflate('deflate-raw')).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done || !value) break;
          counter.scan(value);
          unpacked += value.length;
          if (counter.cells > limits.maxCells * 2 || unpacked > limits.maxUnpackedBytes) {
            await reader.cancel().catch(() => undefined);
            break;
          }
        }
      } catch {
        return null;
      }
    } else {
      return null;
    }
    if (unpacked > limits.maxUnpackedBytes) return 'too-big';
    if (counter.cells > limits.maxCells * 2) break;
  }
  return counter.cells;
}

const LT = 0x3c;
const COLON = 0x3a;
const LOWER_C = 0x63;

/** A name character of an XML tag: letters, digits, '_', '-', '.'. */
function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e || b >= 0x80;
}

/**
 * Counts start tags named `c` (with or without a namespace prefix: `<c r="A1">`, `<x:c>`),
 * across chunk boundaries. `<col>`, `<cfRule>` and the end tag `</c>` are not cells.
 */
class CellCounter {
  cells = 0;
  private inName = false;
  private localLength = 0;
  private localIsC = false;

  scan(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      if (!this.inName) {
        // Outside a tag's name only the next '<' matters: found natively, not byte by byte.
        const next = bytes.indexOf(LT, i);
        if (next < 0) return;
        i = next;
        this.inName = true;
        this.localLength = 0;
        this.localIsC = false;
        continue;
      }
      const b = bytes[i];
      if (b === COLON) {
        this.localLength = 0;
        this.localIsC = false;
      } else if (isNameByte(b)) {
        this.localLength++;
        this.localIsC = this.localLength === 1 && b === LOWER_C;
      } else {
        if (this.localLength === 1 && this.localIsC) this.cells++;
        this.inName = b === LT;
        this.localLength = 0;
        this.localIsC = false;
      }
    }
  }
}
