import { analyzeGrid, type Analysis, type AnalysisSettings } from '../core/analyze';
import { cellMarks, markNoteText, SEVERITY_FILL_RGB } from '../core/cellMarks';
import { checkSheetContent } from '../core/checkSheetContent';
import { planFixes, type CellFix } from '../core/fixes';
import type { CellRef } from '../core/findings';
import type { Grid } from '../core/grid';
import { tableReport, type TableReport } from '../core/report';
import { webCodec, type ZipCodec } from './ooxml/codec';
import { patchWorkbook, type CellChange, type PatchedWorkbook, type WorkbookChanges } from './ooxml/patchWorkbook';
import { readGridBytes } from './readGrid';

export type FixResult =
  | {
    ok: true; bytes: Uint8Array; reports: TableReport[]; fixes: CellFix[]; analysis: Analysis;
    /** Cells marked with the fill alone: they have a threaded comment, beside which Excel allows no note. */
    fillOnly: CellRef[];
  }
  | { ok: false; reason: string };

/**
 * The corrected copy of a workbook whose Grid is read: wrong and typed totals become formulas
 * (with their computed values cached, and the cached results of the user's formulas that read
 * them brought up to date), cells with findings are coloured and get a note, and a `Budgetkoll`
 * sheet lists the findings. The original package is patched (ooxml/patchWorkbook.ts): every part
 * Budgetkoll does not change — charts, drawings, pivot tables, Excel tables, macros — stays byte
 * for byte. Browser-safe; `codec` packs the changed parts (nodeCodec.ts in the command).
 */
export async function correctedCopy(data: Uint8Array, grid: Grid, settings: AnalysisSettings = {}, codec: ZipCodec = webCodec): Promise<FixResult> {
  const analysis = analyzeGrid(grid, settings);
  const plans = analysis.tables.map(planFixes);
  const fixes = plans.flatMap((p) => p.fixes);
  const checkSheet = checkSheetContent(analysis, fixes);
  const marks = cellMarks(analysis);
  const cells: CellChange[] = [
    ...fixes.map((f) => ({ sheet: f.at.sheet, row: f.at.row, col: f.at.col, formula: f.formula, value: f.value.toNumber() })),
    ...plans.flatMap((p) => p.stale).map((s) => ({ sheet: s.at.sheet, row: s.at.row, col: s.at.col, value: s.value.toNumber() })),
    ...marks.map((m) => ({ sheet: m.at.sheet, row: m.at.row, col: m.at.col, fill: SEVERITY_FILL_RGB[m.severity] })),
  ];
  const changes: WorkbookChanges = {
    cells,
    notes: marks.map((m) => ({ sheet: m.at.sheet, row: m.at.row, col: m.at.col, text: markNoteText(m) })),
    checkSheet,
    replacesSheet: grid.sheets.find((s) => s.rows[0]?.[0]?.value === checkSheet.title)?.name ?? null,
  };
  let patched: PatchedWorkbook;
  try {
    patched = await patchWorkbook(data, changes, codec);
  } catch (e) {
    // The detail is for whoever helps the user (IT): the parts' own words.
    return { ok: false, reason: `den rättade kopian kunde inte skapas: arbetsboken har en del som Budgetkoll inte kan ändra säkert – originalet är oförändrat (teknisk orsak: ${e instanceof Error ? e.message : String(e)})` };
  }
  return { ok: true, bytes: patched.bytes, reports: analysis.tables.map((t) => tableReport(t)), fixes, analysis, fillOnly: patched.threaded };
}

/** Reads the workbook, then makes its corrected copy (correctedCopy). */
export async function fixWorkbookBytes(data: Uint8Array, fileName: string, settings: AnalysisSettings = {}, codec: ZipCodec = webCodec): Promise<FixResult> {
  const read = await readGridBytes(data, fileName);
  if (!read.ok) return read;
  return correctedCopy(data, read.grid, settings, codec);
}
