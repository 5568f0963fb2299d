import ExcelJS from 'exceljs';
import type { Cell, Grid, Sheet } from '../core/grid';
import { gridCell } from './gridCell';
import { textDocumentKind } from './fileKinds';
import { DEFAULT_LIMITS, fileSizeProblem, zipProblem, type ReadLimits } from './limits';

// Browser-safe: bytes in, Grid out. The Node wrapper that reads a path is readWorkbookFile.ts.

export type ReadResult = { ok: true; grid: Grid; workbook: ExcelJS.Workbook } | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads .xlsx bytes into the engine's Grid; every failure is a Swedish reason, never a throw.
 * Beyond the limits (limits.ts) nothing is built: the reason says so.
 */
export async function readWorkbookBytes(data: Uint8Array, fileName = 'arbetsbok.xlsx', limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  const problem = await workbookProblem(data, fileName, limits);
  if (problem) return { ok: false, reason: problem };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  // Excel never saves a workbook without a worksheet: its sheets are missing or unreadable.
  if (workbook.worksheets.length === 0) return { ok: false, reason: NO_WORKSHEET };
  return { ok: true, grid: { sheets: workbook.worksheets.map(toSheet) }, workbook };
}

/** The reasons when exceljs cannot read the bytes, or reads no worksheet from them. */
export const DAMAGED = 'filen är skadad eller ingen giltig Excel-arbetsbok (.xlsx)';
export const NO_WORKSHEET = 'arbetsboken har inget kalkylblad som går att läsa – filen kan vara skadad';

/**
 * Why the bytes are not handed to exceljs at all (no .xlsx, beyond the limits), or null.
 * `zipToCheck` may give the same zip in a form zipProblem reads faster (storedZip.ts); it is
 * asked only once the bytes have passed the other checks.
 */
export async function workbookProblem(data: Uint8Array, fileName: string, limits: ReadLimits, zipToCheck: () => Uint8Array = () => data): Promise<string | null> {
  return formatProblem(data, extensionOf(fileName)) ?? fileSizeProblem(data.length, limits) ?? await zipProblem(zipToCheck(), limits);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

function formatProblem(data: Uint8Array, extension: string): string | null {
  if (data.length === 0) return 'filen är tom';
  if (startsWith(data, OLE)) {
    // Encrypted .xlsx files are OLE containers holding an EncryptionInfo stream.
    return contains(data, utf16le('EncryptionInfo'))
      ? 'arbetsboken är lösenordsskyddad (krypterad) – spara en kopia utan lösenord'
      : 'filen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel';
  }
  if (!startsWith(data, ZIP)) {
    const kind = textDocumentKind(data);
    if (kind) return kind;
    if (extension === '.csv' || extension === '.txt') return 'en CSV- eller textfil är ingen arbetsbok – öppna den i Excel och spara som .xlsx';
    return 'filen är ingen Excel-arbetsbok (.xlsx)';
  }
  // The mimetype entry is the zip's first file, stored uncompressed.
  if (contains(data.subarray(0, 200), ascii('application/vnd.oasis.opendocument'))) {
    return 'filen är ett OpenDocument-kalkylblad (.ods) – spara den som .xlsx';
  }
  return null;
}

export function toSheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const converted = toCell(cell);
      if (converted) cells[colNumber - 1] = converted;
    });
    rows[rowNumber - 1] = cells;
  });
  const merges = mergeRanges(ws).map(parseRange).filter((r) => r !== null);
  return { name: ws.name, rows, merges, hiddenRows };
}

/**
 * The sheet's merged ranges ('A1:B2'), in the order ws.model lists them. ws.model builds a model of
 * every row and cell to get there; the merges it reads are the worksheet's own map of them.
 */
function mergeRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges;
  if (!merges || typeof merges !== 'object') return (ws.model as { merges?: string[] }).merges ?? [];
  return Object.keys(merges).map((key) => merges[key].range);
}

function toCell(cell: ExcelJS.Cell): Cell | undefined {
  return gridCell(cell.value, cell.numFmt || undefined, () => cell.formula as string | undefined);
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}
