import type { Grid } from './grid';
import type { BudgetTable } from './model';
import { sortFindings, type Finding } from './findings';
import { recognizeTables } from './recognize/recognizeTables';
import { roundingTolerance } from './rules/roundingTolerance';
import { recomputeTotals, type Recomputed } from './recompute';
import { CHECKS, type CheckContext } from './checks';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { equityShape } from './equity/shape';
import { projectEquity, yearFlows, type EquityYear, type YearFlow } from './equity/projectEquity';
import { identifyMembers, memberShares, type ShareYear } from './rules/memberShares';
import { oneFindingPerCause } from './rules/oneFindingPerCause';

export interface AnalysisSettings extends Partial<Settings> {
  /** Only this sheet (the command's --sheet). */
  sheet?: string;
}

export interface TableAnalysis {
  table: BudgetTable;
  recomputed: Recomputed;
  findings: Finding[];
  equity: EquityYear[];
  shares: ShareYear[];
  /** Income, costs and result per year, also where the table states no equity. */
  flows: YearFlow[];
}

export interface Analysis {
  tables: TableAnalysis[];
}

/** The engine's front door: cells in, recognised tables with their findings out. */
export function analyzeGrid(grid: Grid, settings: AnalysisSettings = {}): Analysis {
  const sheets = settings.sheet ? grid.sheets.filter((s) => s.name === settings.sheet) : grid.sheets;
  const resolved: Settings = { ...DEFAULT_SETTINGS, ...withoutUndefined(settings) };
  const tables = recognizeTables({ sheets }).map((table) => analyzeTable(table, resolved));
  return { tables };
}

export function analyzeTable(table: BudgetTable, settings: Settings = DEFAULT_SETTINGS): TableAnalysis {
  const tolerance = roundingTolerance(table.unit);
  const recomputed = recomputeTotals(table, tolerance);
  const shape = equityShape(table);
  const flows = yearFlows(table, recomputed, shape);
  const equity = projectEquity(table, recomputed, shape, settings, flows);
  const members = identifyMembers(table, shape);
  const shares = memberShares(table, recomputed, shape, members);
  const context: CheckContext = { table, recomputed, tolerance, settings, shape, equity, members, shares };
  const findings = sortFindings(oneFindingPerCause(CHECKS.flatMap((check) => check.run(context))));
  return { table, recomputed, findings, equity, shares, flows };
}

function withoutUndefined(settings: AnalysisSettings): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (settings.reserve) out.reserve = settings.reserve;
  if (settings.openingEquity !== undefined) out.openingEquity = settings.openingEquity;
  if (settings.municipalSplit !== undefined) out.municipalSplit = settings.municipalSplit;
  return out;
}

export function hasErrors(analysis: Analysis): boolean {
  return analysis.tables.some((t) => t.findings.some((f) => f.severity === 'error'));
}
