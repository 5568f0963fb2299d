import type { Severity } from '../../core/findings';
import type { Language } from '../../core/messages';
import type { Unit } from '../../core/numbers';
import type { EquityReport, FindingReport, TableReport } from '../../core/report';
import { SEVERITY_ORDER, keepAmountsTogether } from './format';
import { PANE_TEXT } from './paneText';

// What the components show, built from the JSON contract only, so the same
// components serve the browser (a chosen file) and Excel (the open workbook).

export type SeverityCounts = Record<Severity, number>;

export interface TableView {
  /** `Budget 2024!A3:E36`: unique within a workbook. */
  id: string;
  sheet: string;
  range: string;
  title: string | null;
  /** The title, or the sheet's name where the table has none. */
  heading: string;
  unit: Unit;
  /** `2023–2026` */
  years: string;
  columns: TableReport['columns'];
  rows: TableReport['rows'];
  counts: SeverityCounts;
  equity: EquityPoint[];
}

export interface FindingView {
  /** Unique within the view model. */
  id: string;
  tableId: string;
  severity: Severity;
  code: string;
  /** `C10` */
  cell: string;
  sheet: string;
  row: string | null;
  year: number | null;
  message: string;
  causedBy: string | null;
  affects: string[];
}

export interface EquityPoint {
  year: number;
  opening: string;
  result: string;
  closing: string;
  limit: string | null;
  excess: string | null;
  percent: string | null;
  source: 'stated' | 'projected';
}

export interface ViewModel {
  tables: TableView[];
  /** Errors first, then by table and position (the engine's order within a table). */
  findings: FindingView[];
  counts: SeverityCounts;
  /** More than one sheet: addresses need the sheet's name. */
  manySheets: boolean;
}

export const noCounts = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

function countOf(findings: FindingReport[]): SeverityCounts {
  const counts = noCounts();
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function yearsOf(columns: TableReport['columns']): string {
  const years = [...new Set(columns.map((c) => c.year))].sort((a, b) => a - b);
  if (years.length === 0) return '';
  return years.length === 1 ? String(years[0]) : `${years[0]}\u2013${years[years.length - 1]}`;
}

const point = (e: EquityReport): EquityPoint => ({
  year: e.year, opening: e.opening, result: e.result, closing: e.closing,
  limit: e.limit, excess: e.excess, percent: e.percent, source: e.source,
});

export function buildViewModel(reports: TableReport[]): ViewModel {
  const tables: TableView[] = reports.map((r) => ({
    id: `${r.sheet}!${r.range}`,
    sheet: r.sheet,
    range: r.range,
    title: r.title,
    heading: r.title ?? r.sheet,
    unit: r.unit,
    years: yearsOf(r.columns),
    columns: r.columns,
    rows: r.rows,
    counts: countOf(r.findings),
    equity: r.equity.map(point),
  }));
  const findings = reports.flatMap((r, t) => r.findings.map((f, i): FindingView => ({
    id: `${t}-${i}`,
    tableId: tables[t].id,
    severity: f.severity,
    code: f.code,
    cell: f.cell,
    sheet: r.sheet,
    row: f.row,
    year: f.year,
    message: keepAmountsTogether(f.message),
    causedBy: f.causedBy,
    affects: f.affects,
  })));
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  // A stable sort keeps each table's own order within a severity.
  findings.sort((a, b) => rank(a.severity) - rank(b.severity));
  const counts = noCounts();
  for (const t of tables) for (const s of SEVERITY_ORDER) counts[s] += t.counts[s];
  return { tables, findings, counts, manySheets: new Set(reports.map((r) => r.sheet)).size > 1 };
}

/** How a row was read: `summa`, `ingående eget kapital` (in English `total`, `opening equity`); an unknown role as it is. */
export const roleName = (role: string, language: Language = 'sv'): string => PANE_TEXT[language].roles[role] ?? role;

/** A year column's kind: `budget`, `prognos` (in English `budget`, `forecast`); an unknown kind as it is. */
export const kindName = (kind: string, language: Language = 'sv'): string => PANE_TEXT[language].kinds[kind] ?? kind;
