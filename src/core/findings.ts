import type { Amount } from './amount';

export type FindingCode =
  | 'sum-mismatch' | 'rounding' | 'consequence' | 'carry-over-break'
  | 'reserve-excess' | 'negative-equity' | 'share-deviation'
  | 'title-years-mismatch' | 'text-number' | 'formula-omits-line' | 'hardcoded-totals'
  | 'error-value';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY: Record<FindingCode, Severity> = {
  'sum-mismatch': 'error',
  rounding: 'info',
  consequence: 'warning',
  'carry-over-break': 'error',
  'reserve-excess': 'warning',
  'negative-equity': 'error',
  'share-deviation': 'warning',
  'title-years-mismatch': 'warning',
  'text-number': 'warning',
  'formula-omits-line': 'error',
  'hardcoded-totals': 'info',
  'error-value': 'error',
};

/** A sheet position, 0-based; it becomes an A1 address only at the output boundary. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** What the catalog needs to say the finding in words. */
export interface FindingParams {
  /** Labels of the parts when the total is a difference or a carry (`Tillgängliga medel − Summa kostnader`). */
  formula?: string;
  causedByLabel?: string;
  causedByYear?: number;
  title?: string;
  titleYears?: string;
  columnYears?: string;
  text?: string;
  cellFormula?: string;
  omitted?: string;
  count?: number;
  total?: number;
  /** reserve-excess: the first year of the current run above the limit, and how the excess moves. */
  firstYear?: number | null;
  trend?: 'new' | 'rising' | 'falling' | 'steady';
  percent?: string;
  base?: 'allocation' | 'costs';
  baseAmount?: string;
  deficit?: string;
  projected?: boolean;
  /** share-deviation: the actual and expected share as decimal fractions, and the state's amount the others match. */
  share?: string;
  expectedShare?: string;
  stateAmount?: string;
  split?: boolean;
  /** formula-omits-line: the SUM's result is wrong beyond rounding (rules/oneFindingPerCause.ts). */
  wrongSum?: boolean;
  /** error-value: the cell is a total (its expected value is its lines' sum). */
  isTotal?: boolean;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  at: CellRef;
  rowLabel: string | null;
  year: number | null;
  stated: Amount | null;
  expected: Amount | null;
  /** Bottom-up: the value once every error above it is fixed (an extension of the JSON contract). */
  recomputed: Amount | null;
  difference: Amount | null;
  causedBy: CellRef | null;
  affects: CellRef[];
  params: FindingParams;
}

// What most findings have none of: one shared, frozen empty list and bag (nothing adds to them).
const NO_CELLS = Object.freeze([]) as unknown as CellRef[];
const NO_PARAMS: FindingParams = Object.freeze({});

export function makeFinding(code: FindingCode, at: CellRef, fields: Partial<Omit<Finding, 'code' | 'severity' | 'at'>> = {}): Finding {
  return {
    code,
    severity: SEVERITY[code],
    at,
    rowLabel: null,
    year: null,
    stated: null,
    expected: null,
    recomputed: null,
    difference: null,
    causedBy: null,
    affects: NO_CELLS,
    params: NO_PARAMS,
    ...fields,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by position: the order a reader wants. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.at.row - b.at.row || a.at.col - b.at.col);
}
