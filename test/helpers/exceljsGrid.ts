import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid, Sheet } from '../../src/core/grid';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/files/limits';
import { DAMAGED, NO_WORKSHEET, workbookProblem } from '../../src/files/workbookProblem';

// The Grid exceljs reads — the product's reader until SheetJS replaced it (issue 12) — kept for the
// tests only: the seeds and examples must read to the same Grid as they did then (the goldens stand
// on it), and the limits hold for it too. exceljs is a devDependency.

export type ReadResult = { ok: true; grid: Grid; workbook: ExcelJS.Workbook } | { ok: false; reason: string };

/**
 * Reads .xlsx bytes into exceljs's workbook and the Grid exceljs reads from it; every failure is a Swedish reason, never a throw. Beyond the limits (limits.ts) nothing
 * is built: the reason says so.
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

/**
 * One exceljs cell value (what `cell.value` returns) as the engine's Cell. `raw` is the cell's
 * value, `numFmt` its number format; `formulaOf` gives `cell.formula`, asked only for a formula
 * value without its own text (a shared formula's other cells).
 */
function gridCell(raw: unknown, numFmt: string | undefined, formulaOf: () => string | undefined): Cell | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    const obj = raw as Record<string, unknown>;
    if ('formula' in obj || 'sharedFormula' in obj) {
      const formula = (obj.formula as string | undefined) ?? formulaOf() ?? String(obj.sharedFormula);
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
