import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid, Sheet } from '../core/grid';

// Browser-safe: bytes in, Grid out. The Node wrapper that reads a path is readWorkbookFile.ts.

export type ReadResult = { ok: true; grid: Grid; workbook: ExcelJS.Workbook } | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads .xlsx bytes into the engine's Grid; every failure is a Swedish reason, never a throw. */
export async function readWorkbookBytes(data: Uint8Array, fileName = 'arbetsbok.xlsx'): Promise<ReadResult> {
  const problem = formatProblem(data, extensionOf(fileName));
  if (problem) return { ok: false, reason: problem };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'filen är skadad eller ingen giltig Excel-arbetsbok (.xlsx)' };
  }
  return { ok: true, grid: { sheets: workbook.worksheets.map(toSheet) }, workbook };
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
  const raw = cell.value as unknown;
  const numFmt = cell.numFmt || undefined;
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    const obj = raw as Record<string, unknown>;
    if ('formula' in obj || 'sharedFormula' in obj) {
      const formula = (obj.formula as string | undefined) ?? (cell.formula as string | undefined) ?? String(obj.sharedFormula);
      return { value: plainValue(obj.result), formula, numFmt };
    }
    return { value: plainValue(raw), numFmt };
  }
  return { value: plainValue(raw), numFmt };
}

function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const obj = raw as Record<string, unknown>;
    if (typeof obj.error === 'string') return { error: obj.error };
    if (Array.isArray(obj.richText)) return (obj.richText as { text: string }[]).map((t) => t.text).join('');
    if (typeof obj.text === 'string') return obj.text;
    if ('result' in obj) return plainValue(obj.result);
  }
  return null;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}
