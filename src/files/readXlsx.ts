import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid, Sheet } from '../core/grid';

export type ReadResult = { ok: true; grid: Grid } | { ok: false; reason: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads an .xlsx file into the engine's Grid; every failure is a Swedish reason, never a throw. */
export async function readWorkbookFile(file: string): Promise<ReadResult> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'filen finns inte' };
    if (code === 'EISDIR') return { ok: false, reason: 'det är en mapp, inte en fil' };
    return { ok: false, reason: `filen kunde inte läsas (${code ?? 'okänt fel'})` };
  }
  return readWorkbookBuffer(data, path.extname(file).toLowerCase());
}

export async function readWorkbookBuffer(data: Buffer, extension = '.xlsx'): Promise<ReadResult> {
  const problem = formatProblem(data, extension);
  if (problem) return { ok: false, reason: problem };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'filen är skadad eller ingen giltig Excel-arbetsbok (.xlsx)' };
  }
  return { ok: true, grid: { sheets: workbook.worksheets.map(toSheet) } };
}

function formatProblem(data: Buffer, extension: string): string | null {
  if (data.length === 0) return 'filen är tom';
  if (data.subarray(0, 4).equals(OLE)) {
    // Encrypted .xlsx files are OLE containers holding an EncryptionInfo stream.
    const encrypted = data.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    return encrypted
      ? 'arbetsboken är lösenordsskyddad (krypterad) – spara en kopia utan lösenord'
      : 'filen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel';
  }
  if (!data.subarray(0, 4).equals(ZIP)) {
    if (extension === '.csv' || extension === '.txt') return 'en CSV- eller textfil är ingen arbetsbok – öppna den i Excel och spara som .xlsx';
    return 'filen är ingen Excel-arbetsbok (.xlsx)';
  }
  if (data.includes(Buffer.from('application/vnd.oasis.opendocument'))) {
    return 'filen är ett OpenDocument-kalkylblad (.ods) – spara den som .xlsx';
  }
  return null;
}

function toSheet(ws: ExcelJS.Worksheet): Sheet {
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
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((r) => r !== null);
  return { name: ws.name, rows, merges, hiddenRows };
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
