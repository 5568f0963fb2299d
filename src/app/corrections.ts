import { toA1 } from '../core/address';
import type { Analysis } from '../core/analyze';
import { cellMarks, fillOnlyText } from '../core/cellMarks';
import { checkSheetContent, type CheckSheetContent } from '../core/checkSheetContent';
import type { CorrectedCopyPlan, CorrectionPlan } from '../core/correctionPlan';
import type { CellRef } from '../core/findings';
import { planFixes } from '../core/fixes';
import type { Grid } from '../core/grid';
import type { Language } from '../core/messages';

// Plan the fixes: what Budgetkoll changes in a workbook, from one analysis — the same plan for
// the open workbook (the Excel pane writes it step by step) and for the corrected copy (the
// command and the page write it all at once into a copy of the file).

/** Every total to fix, every formula result that goes stale, every cell to mark. */
export function planCorrections(analysis: Analysis): CorrectionPlan {
  const plans = analysis.tables.map(planFixes);
  return { fixes: plans.flatMap((p) => p.fixes), stale: plans.flatMap((p) => p.stale), marks: cellMarks(analysis) };
}

/**
 * The corrected copy's changes: the plan, and a check sheet listing the findings and the fixes,
 * in place of the one an earlier correction added (found by its title in A1).
 */
export function planCorrectedCopy(analysis: Analysis, grid: Grid): CorrectedCopyPlan {
  const plan = planCorrections(analysis);
  const checkSheet = checkSheetContent(analysis, plan.fixes);
  const replacesSheet = grid.sheets.find((s) => s.rows[0]?.[0]?.value === checkSheet.title)?.name ?? null;
  return { ...plan, checkSheet, replacesSheet };
}

/** The check sheet the Excel pane adds: the findings (the fixes are a step of their own). */
export const paneCheckSheet = (analysis: Analysis): CheckSheetContent => checkSheetContent(analysis, []);

/** What the user is told of cells marked with the fill alone (they have a threaded comment); '' when none. */
export const fillOnlyNote = (cells: readonly CellRef[], language: Language = 'sv'): string =>
  fillOnlyText(cells.map((c) => `${c.sheet}!${toA1(c.row, c.col)}`), language);
