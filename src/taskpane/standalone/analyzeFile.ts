import { analyzeGrid, type Analysis, type AnalysisSettings } from '../../core/analyze';
import type { Grid } from '../../core/grid';
import { tableReport, type TableReport } from '../../core/report';
import { buildSections, mainTable } from '../../core/sections/buildSections';
import { readWorkbookBytes } from '../../files/readXlsx';
import type { Outcome, PlanSections } from '../model/source';

// The engine chunk: loaded by `import()` when the first workbook is chosen,
// so the pane's first load carries neither the engine nor exceljs.

export { fixWorkbookBytes } from '../../files/fixWorkbook';

/** .xlsx bytes → the engine's Grid, or the Swedish reason the file cannot be read. */
export async function readWorkbook(data: Uint8Array, fileName: string): Promise<Outcome<Grid>> {
  const read = await readWorkbookBytes(data, fileName);
  return read.ok ? { ok: true, value: read.grid } : read;
}

// The last analysis: the check and the sections of the same workbook and settings share it.
let last: { grid: Grid; settings: AnalysisSettings; analysis: Analysis } | null = null;

function analysisOf(grid: Grid, settings: AnalysisSettings): Analysis {
  if (last?.grid !== grid || last.settings !== settings) last = { grid, settings, analysis: analyzeGrid(grid, settings) };
  return last.analysis;
}

export function analyzeWorkbook(grid: Grid, settings: AnalysisSettings): TableReport[] {
  return analysisOf(grid, settings).tables.map((t) => tableReport(t));
}

/** Both steps at once. */
export async function analyzeFile(data: Uint8Array, fileName: string, settings: AnalysisSettings): Promise<Outcome<TableReport[]>> {
  const read = await readWorkbook(data, fileName);
  return read.ok ? { ok: true, value: analyzeWorkbook(read.value, settings) } : read;
}

/**
 * The Excel pane's snapshot of its check, stored in the workbook: the sections as they were
 * when the check was made there. The Excel pane does not write one yet, so there is none to
 * find; when it does, reading it goes here and the Word pane says when it was made.
 */
export function readSnapshot(_grid: Grid): PlanSections | null {
  return null;
}

/** The plan's sections: from the workbook's snapshot, else built from the checked numbers. No budget table: no sections. */
export function planSections(grid: Grid, settings: AnalysisSettings): PlanSections {
  const snapshot = readSnapshot(grid);
  if (snapshot) return snapshot;
  const analysis = analysisOf(grid, settings);
  const reports = analysis.tables.map((t) => tableReport(t));
  const main = mainTable(analysis);
  if (!main) return { sections: [], reports, errors: 0, snapshot: null };
  return {
    sections: buildSections(analysis),
    reports,
    errors: main.findings.filter((f) => f.severity === 'error').length,
    snapshot: null,
  };
}
