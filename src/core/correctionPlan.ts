import type { CellMark } from './cellMarks';
import type { CheckSheetContent } from './checkSheetContent';
import type { CellFix, FixPlan } from './fixes';

// What Budgetkoll changes in a workbook, as plain data: planned once by the application layer
// (src/app/corrections.ts) and written by an adapter — into the open workbook by Office.js
// (src/excel), or into the corrected copy's package (src/files), which may import only the core.

export interface CorrectionPlan {
  /** Wrong and typed totals, and carry-over links, that become formulas. */
  fixes: CellFix[];
  /** The user's formulas that stay, with their results once the fixes are made. */
  stale: FixPlan['stale'];
  /** A fill and a note for every cell with findings. */
  marks: CellMark[];
}

/** The corrected copy's changes: the plan, and the check sheet that lists the findings and the fixes. */
export interface CorrectedCopyPlan extends CorrectionPlan {
  checkSheet: CheckSheetContent;
  /** The check sheet of an earlier correction, which this one replaces; null adds a new one. */
  replacesSheet: string | null;
}
