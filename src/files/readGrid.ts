import type { Grid } from '../core/grid';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import { gridOfModel } from './modelGrid';
import { parseWorkbookModel } from './parsedWorkbook';
import { DAMAGED, readWorkbookBytes, workbookProblem } from './readXlsx';
import { storedCopy } from './storedZip';

export type GridReadResult = { ok: true; grid: Grid } | { ok: false; reason: string };

/**
 * The check's reader (Node: storedZip.ts unpacks with zlib): .xlsx bytes to the same Grid, and the
 * same reasons, as readWorkbookBytes — without building exceljs's worksheets, which a check never
 * writes to (modelGrid.ts), and with the limits checked on a stored copy of the zip (storedZip.ts).
 */
export async function readWorkbookGrid(data: Uint8Array, fileName = 'arbetsbok.xlsx', limits: ReadLimits = DEFAULT_LIMITS): Promise<GridReadResult> {
  // The zip with its entries unpacked by zlib (null for anything else: no zip, or beyond the
  // limits): the limits check reads it, and so does exceljs, whose JSZip then copies the entries
  // instead of unpacking them in JavaScript (pako).
  const zip = storedCopy(data, limits.maxUnpackedBytes) ?? data;
  const problem = await workbookProblem(data, fileName, limits, () => zip);
  if (problem) return { ok: false, reason: problem };
  let model;
  try {
    // As a Buffer (a view, no copy), as exceljs's own readFile hands it over: JSZip then reads the
    // entries as Node buffers, and parses a workbook this size about a tenth faster.
    model = await parseWorkbookModel(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  if (!model) return readWorkbookBytes(data, fileName, limits);
  return gridOfModel(model);
}
