import { analyzeGrid, type AnalysisSettings } from '../../core/analyze';
import type { Grid } from '../../core/grid';
import { tableReport, type TableReport } from '../../core/report';
import { readWorkbookBytes } from '../../files/readXlsx';
import type { Outcome } from '../model/source';

// The engine chunk: loaded by `import()` when the first workbook is chosen,
// so the pane's first load carries neither the engine nor exceljs.

export { fixWorkbookBytes } from '../../files/fixWorkbook';

/** .xlsx bytes → the engine's Grid, or the Swedish reason the file cannot be read. */
export async function readWorkbook(data: Uint8Array, fileName: string): Promise<Outcome<Grid>> {
  const read = await readWorkbookBytes(data, fileName);
  return read.ok ? { ok: true, value: read.grid } : read;
}

export function analyzeWorkbook(grid: Grid, settings: AnalysisSettings): TableReport[] {
  return analyzeGrid(grid, settings).tables.map((t) => tableReport(t));
}

/** Both steps at once. */
export async function analyzeFile(data: Uint8Array, fileName: string, settings: AnalysisSettings): Promise<Outcome<TableReport[]>> {
  const read = await readWorkbook(data, fileName);
  return read.ok ? { ok: true, value: analyzeWorkbook(read.value, settings) } : read;
}
