import { markNoteText, SEVERITY_FILL_RGB } from '../core/cellMarks';
import type { CorrectedCopyPlan } from '../core/correctionPlan';
import type { CellRef } from '../core/findings';
import { failure, ok, type Result } from '../core/result';
import { webCodec, type ZipCodec } from './ooxml/codec';
import { patchWorkbook, type CellChange, type PatchedWorkbook, type WorkbookChanges } from './ooxml/patchWorkbook';

export interface CorrectedCopy {
  bytes: Uint8Array;
  /** Cells marked with the fill alone: they have a threaded comment, beside which Excel allows no note. */
  fillOnly: CellRef[];
}

/** The plan (src/app/corrections.ts) as the package's changes: cells with their values, fills, notes, the check sheet. */
function changesOf(plan: CorrectedCopyPlan): WorkbookChanges {
  const cells: CellChange[] = [
    ...plan.fixes.map((f) => ({ sheet: f.at.sheet, row: f.at.row, col: f.at.col, formula: f.formula, value: f.value.toNumber() })),
    ...plan.stale.map((s) => ({ sheet: s.at.sheet, row: s.at.row, col: s.at.col, value: s.value.toNumber() })),
    ...plan.marks.map((m) => ({ sheet: m.at.sheet, row: m.at.row, col: m.at.col, fill: SEVERITY_FILL_RGB[m.severity] })),
  ];
  return {
    cells,
    notes: plan.marks.map((m) => ({ sheet: m.at.sheet, row: m.at.row, col: m.at.col, text: markNoteText(m) })),
    checkSheet: plan.checkSheet,
    replacesSheet: plan.replacesSheet,
  };
}

/**
 * The corrected copy of a workbook, as planned from its analysis: wrong and typed totals become
 * formulas (with their computed values cached, and the cached results of the user's formulas that
 * read them brought up to date), cells with findings are coloured and get a note, and a
 * `Budgetkoll` sheet lists the findings. The original package is patched (ooxml/patchWorkbook.ts):
 * every part Budgetkoll does not change — charts, drawings, pivot tables, Excel tables, macros —
 * stays byte for byte. Browser-safe; `codec` packs the changed parts (nodeCodec.ts in the command).
 */
export async function correctedCopy(data: Uint8Array, plan: CorrectedCopyPlan, codec: ZipCodec = webCodec): Promise<Result<CorrectedCopy>> {
  let patched: PatchedWorkbook;
  try {
    patched = await patchWorkbook(data, changesOf(plan), codec);
  } catch (e) {
    // The detail is for whoever helps the user (IT): the parts' own words.
    return failure(`den rättade kopian kunde inte skapas: arbetsboken har en del som Budgetkoll inte kan ändra säkert – originalet är oförändrat (teknisk orsak: ${e instanceof Error ? e.message : String(e)})`);
  }
  return ok({ bytes: patched.bytes, fillOnly: patched.threaded });
}
