import { analyzeGrid, type Analysis, type AnalysisSettings } from '../../core/analyze';
import type { Grid } from '../../core/grid';
import { toA1 } from '../../core/address';
import { fillOnlyText } from '../../core/cellMarks';
import type { CellRef } from '../../core/findings';
import type { TableReport } from '../../core/report';
import { snapshotFromXml, type AnalysisSnapshot } from '../../core/snapshot';
import { reportsOf } from '../../app/checkWorkbook';
import { sectionsWithSnapshot, type PlanSections } from '../../app/snapshot';
import { zipEntries } from '../../files/zipDirectory';
import { zipEntryText } from '../../files/zipText';
import { readGridBytes } from '../../files/readGrid';
import type { Outcome } from '../model/source';

// The engine chunk: loaded by `import()` when the first workbook is chosen,
// so the pane's first load carries neither the engine nor a workbook reader (SheetJS).

/** The corrected copy of the workbook read (the page's own streams pack what changes). */
export { correctedCopy } from '../../files/fixWorkbook';

/** What the page tells of cells the copy marked with the fill alone (they have a threaded comment). */
export const fillOnlyNote = (cells: readonly CellRef[]): string => fillOnlyText(cells.map((c) => `${c.sheet}!${toA1(c.row, c.col)}`));

/** .xlsx bytes → the engine's Grid, or the Swedish reason the file cannot be read. */
export async function readWorkbook(data: Uint8Array, fileName: string): Promise<Outcome<Grid>> {
  const read = await readGridBytes(data, fileName);
  return read.ok ? { ok: true, value: read.grid } : read;
}

// The last analysis: the check and the sections of the same workbook and settings share it.
let last: { grid: Grid; settings: AnalysisSettings; analysis: Analysis } | null = null;

function analysisOf(grid: Grid, settings: AnalysisSettings): Analysis {
  if (last?.grid !== grid || last.settings !== settings) last = { grid, settings, analysis: analyzeGrid(grid, settings) };
  return last.analysis;
}

export function analyzeWorkbook(grid: Grid, settings: AnalysisSettings): TableReport[] {
  return reportsOf(analysisOf(grid, settings));
}

/** Both steps at once. */
export async function analyzeFile(data: Uint8Array, fileName: string, settings: AnalysisSettings): Promise<Outcome<TableReport[]>> {
  const read = await readWorkbook(data, fileName);
  return read.ok ? { ok: true, value: analyzeWorkbook(read.value, settings) } : read;
}

/**
 * The Excel pane's snapshot of its check, stored in the workbook as a custom XML part
 * (customXml/itemN.xml in the saved file): the sections as they were when the check was made
 * in Excel, with the settings chosen there. Null when the workbook holds none (or one this
 * version cannot read: then the file's numbers are used, as without one).
 */
export async function readSnapshot(data: Uint8Array): Promise<AnalysisSnapshot | null> {
  const parts = (zipEntries(data) ?? []).filter((entry) => /^customXml\/item\d+\.xml$/i.test(entry.name)).sort((a, b) => a.name.localeCompare(b.name));
  for (const part of parts) {
    const text = await zipEntryText(data, part);
    const found = text === null ? null : snapshotFromXml(text);
    if (found?.ok) return found.value;
  }
  return null;
}

/**
 * The plan's sections: from the Excel pane's snapshot while the workbook still holds the numbers
 * it was made from, else built from the checked numbers (src/app/snapshot.ts).
 */
export function planSections(grid: Grid, settings: AnalysisSettings, snapshot: AnalysisSnapshot | null = null): PlanSections {
  return sectionsWithSnapshot((used) => analysisOf(grid, used), settings, snapshot);
}
