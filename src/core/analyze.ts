import type { Grid } from './grid';
import type { BudgetTable } from './model';
import { sortFindings, type Finding } from './findings';
import { recognizeTables, toleranceFor } from './recognize/recognizeTables';
import { recomputeTotals, type Recomputed } from './recompute';
import { CHECKS } from './checks';

export interface AnalysisSettings {
  /** Only this sheet (the command's --sheet). */
  sheet?: string;
}

export interface TableAnalysis {
  table: BudgetTable;
  recomputed: Recomputed;
  findings: Finding[];
}

export interface Analysis {
  tables: TableAnalysis[];
}

/** The engine's front door: cells in, recognised tables with their findings out. */
export function analyzeGrid(grid: Grid, settings: AnalysisSettings = {}): Analysis {
  const sheets = settings.sheet ? grid.sheets.filter((s) => s.name === settings.sheet) : grid.sheets;
  const tables = recognizeTables({ sheets }).map(analyzeTable);
  return { tables };
}

export function analyzeTable(table: BudgetTable): TableAnalysis {
  const tolerance = toleranceFor(table.unit);
  const recomputed = recomputeTotals(table, tolerance);
  const context = { table, recomputed, tolerance };
  const findings = sortFindings(CHECKS.flatMap((check) => check.run(context)));
  return { table, recomputed, findings };
}

export function hasErrors(analysis: Analysis): boolean {
  return analysis.tables.some((t) => t.findings.some((f) => f.severity === 'error'));
}
