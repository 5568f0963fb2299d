import { rangeToA1, toA1 } from './address';
import type { Analysis, TableAnalysis } from './analyze';
import type { CellRef, Finding, Severity } from './findings';
import { findingMessage, type Language } from './messages';
import { decimalText, shareText, type Amount } from './amount';
import type { Unit } from './numbers';
import type { EquityYear } from './equity/projectEquity';
import type { ShareYear } from './rules/memberShares';

/** The `check --json` contract (docs: README, "Kommandoraden"). Version 1; extend, never change. */
export interface CheckReport {
  version: 1;
  files: FileReport[];
}

export interface FileReport {
  file: string;
  error: string | null;
  tables: TableReport[];
}

export interface TableReport {
  sheet: string;
  range: string;
  title: string | null;
  unit: Unit;
  columns: { cell: string; header: string; year: number; kind: string }[];
  rows: { row: number; label: string; role: string }[];
  findings: FindingReport[];
  equity: EquityReport[];
  shares: ShareReport[];
}

export interface EquityReport {
  year: number;
  opening: string;
  income: string;
  costs: string;
  closing: string;
  limit: string | null;
  excess: string | null;
  source: 'stated' | 'projected';
  /** Extensions of version 1: */
  result: string;
  statedClosing: string | null;
  allocation: string | null;
  percent: string | null;
}

export interface ShareReport {
  year: number;
  state: string;
  region: string;
  municipalities: string;
  /** Extensions of version 1: the amounts behind the shares. */
  allocation: string;
  amounts: { state: string; region: string; municipalities: string };
}

export interface FindingReport {
  code: string;
  severity: Severity;
  cell: string;
  row: string | null;
  year: number | null;
  stated: string | null;
  expected: string | null;
  difference: string | null;
  recomputed: string | null;
  causedBy: string | null;
  affects: string[];
  message: string;
}

const text = decimalText;
const decimal = (m: Amount | null): string | null => (m === null ? null : text(m));
const a1 = (ref: CellRef): string => toA1(ref.row, ref.col);

export function findingReport(f: Finding, unit: Unit, language: Language = 'sv'): FindingReport {
  return {
    code: f.code,
    severity: f.severity,
    cell: a1(f.at),
    row: f.rowLabel,
    year: f.year,
    stated: decimal(f.stated),
    expected: decimal(f.expected),
    difference: decimal(f.difference),
    recomputed: decimal(f.recomputed),
    causedBy: f.causedBy ? a1(f.causedBy) : null,
    affects: f.affects.map(a1),
    message: findingMessage(f, unit, language),
  };
}

export function equityReport(year: EquityYear): EquityReport {
  return {
    year: year.year,
    opening: text(year.opening),
    income: text(year.income),
    costs: text(year.costs),
    closing: text(year.closing),
    limit: decimal(year.limit),
    excess: decimal(year.excess),
    source: year.source,
    result: text(year.result),
    statedClosing: decimal(year.statedClosing),
    allocation: decimal(year.allocation),
    percent: decimal(year.percent),
  };
}

export function shareReport(year: ShareYear): ShareReport {
  const share = (m: Amount) => shareText(m, year.allocation);
  return {
    year: year.year,
    state: share(year.amounts.state),
    region: share(year.amounts.region),
    municipalities: share(year.amounts.municipalities),
    allocation: text(year.allocation),
    amounts: { state: text(year.amounts.state), region: text(year.amounts.region), municipalities: text(year.amounts.municipalities) },
  };
}

export function tableReport({ table, findings, equity, shares }: TableAnalysis, language: Language = 'sv'): TableReport {
  const { range } = table;
  return {
    sheet: table.sheet,
    range: rangeToA1(range.top, range.left, range.bottom, range.right),
    title: table.title?.text ?? null,
    unit: table.unit,
    columns: table.columns.map((c) => ({ cell: toA1(table.headerRow, c.col), header: c.header, year: c.year, kind: c.kind })),
    rows: table.rows.map((r) => ({ row: r.row + 1, label: r.label, role: r.role })),
    findings: findings.map((f) => findingReport(f, table.unit, language)),
    equity: equity.map(equityReport),
    shares: shares.map(shareReport),
  };
}

export function fileReport(file: string, result: { analysis: Analysis } | { error: string }): FileReport {
  if ('error' in result) return { file, error: result.error, tables: [] };
  return { file, error: null, tables: result.analysis.tables.map((t) => tableReport(t)) };
}
