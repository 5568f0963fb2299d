import type ExcelJS from 'exceljs';
import { analyzeGrid, type Analysis, type AnalysisSettings } from '../core/analyze';
import { planFixes, type CellFix } from '../core/fixes';
import type { CellRef } from '../core/findings';
import type { Money } from '../core/money';
import { tableReport, type TableReport } from '../core/report';
import { readWorkbookBytes } from './readXlsx';
import { addCheckSheet } from './checkSheet';
import { markFindings } from './marks';

export type FixResult =
  | { ok: true; bytes: Uint8Array; reports: TableReport[]; fixes: CellFix[]; analysis: Analysis }
  | { ok: false; reason: string };

/**
 * The corrected copy of a workbook: wrong and typed totals become formulas
 * (with their computed values cached), cells with findings are marked and get
 * a note, and a `Budgetkoll` sheet lists the findings. Browser-safe.
 */
export async function fixWorkbookBytes(data: Uint8Array, fileName: string, settings: AnalysisSettings = {}): Promise<FixResult> {
  const read = await readWorkbookBytes(data, fileName);
  if (!read.ok) return read;
  const analysis = analyzeGrid(read.grid, settings);
  const plans = analysis.tables.map(planFixes);
  const fixes = plans.flatMap((p) => p.fixes);
  applyFixes(read.workbook, fixes);
  refreshResults(read.workbook, plans.flatMap((p) => p.stale));
  markFindings(read.workbook, analysis);
  addCheckSheet(read.workbook, analysis, fixes);
  // Excel and LibreOffice recompute every formula when the copy is opened.
  read.workbook.calcProperties = { ...read.workbook.calcProperties, fullCalcOnLoad: true };
  const bytes = new Uint8Array(await read.workbook.xlsx.writeBuffer());
  return { ok: true, bytes, reports: analysis.tables.map((t) => tableReport(t)), fixes, analysis };
}

/** Formulas kept as they were, with the results they compute now that their parts are fixed. */
function refreshResults(workbook: ExcelJS.Workbook, stale: { at: CellRef; value: Money }[]): void {
  for (const { at, value } of stale) {
    const cell = workbook.getWorksheet(at.sheet)?.getCell(at.row + 1, at.col + 1);
    if (!cell || typeof cell.value !== 'object' || cell.value === null || !('formula' in cell.value || 'sharedFormula' in cell.value)) continue;
    cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result: value.toNumber() };
  }
}

export function applyFixes(workbook: ExcelJS.Workbook, fixes: CellFix[]): void {
  for (const fix of fixes) {
    const sheet = workbook.getWorksheet(fix.at.sheet);
    if (!sheet) continue;
    const cell = sheet.getCell(fix.at.row + 1, fix.at.col + 1);
    cell.value = { formula: fix.formula, result: fix.value.toNumber() } as ExcelJS.CellFormulaValue;
  }
}
