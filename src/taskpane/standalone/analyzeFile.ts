import { ok, type Result } from '../../core/result';
import { analyzeGrid, type Analysis, type AnalysisSettings } from '../../core/analyze';
import type { Grid } from '../../core/grid';
import type { TableReport } from '../../core/report';
import { snapshotFromXml, type AnalysisSnapshot } from '../../core/snapshot';
import { reportsOf } from '../../app/checkWorkbook';
import { fillOnlyNote, planCorrectedCopy } from '../../app/corrections';
import { sectionsWithSnapshot, type PlanSections } from '../../app/snapshot';
import { correctedCopy } from '../../files/fixWorkbook';
import { zipEntries } from '../../files/zipDirectory';
import { zipEntryText } from '../../files/zipText';
import { readGridBytes } from '../../files/readGrid';
import type { CorrectedWorkbook } from '../model/source';

export { sectionSettings } from '../../app/snapshot';

// The engine chunk: loaded by `import()` when the first workbook is chosen,
// so the pane's first load carries neither the engine nor a workbook reader (SheetJS).

/** .xlsx bytes → the engine's Grid, or the Swedish reason the file cannot be read. */
export const readWorkbook = (data: Uint8Array, fileName: string): Promise<Result<Grid>> => readGridBytes(data, fileName);

// The last analysis: the check and the sections of the same workbook and settings share it.
let last: { grid: Grid; settings: AnalysisSettings; analysis: Analysis } | null = null;

function analysisOf(grid: Grid, settings: AnalysisSettings): Analysis {
  if (last?.grid !== grid || last.settings !== settings) last = { grid, settings, analysis: analyzeGrid(grid, settings) };
  return last.analysis;
}

export function analyzeWorkbook(grid: Grid, settings: AnalysisSettings): TableReport[] {
  return reportsOf(analysisOf(grid, settings));
}

/**
 * The corrected copy of the workbook read, from the analysis the check made (the page's own
 * streams pack what changes); `fileName` is the copy's.
 */
export async function correctWorkbook(data: Uint8Array, grid: Grid, settings: AnalysisSettings, fileName: string): Promise<Result<CorrectedWorkbook>> {
  const analysis = analysisOf(grid, settings);
  const fixed = await correctedCopy(data, planCorrectedCopy(analysis, grid));
  if (!fixed.ok) return fixed;
  return ok({ fileName, bytes: fixed.value.bytes, reports: reportsOf(analysis), fillOnlyNote: fillOnlyNote(fixed.value.fillOnly) });
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
