import type { TableAnalysis } from '../analyze';
import type { CellRef, Finding } from '../findings';
import type { Unit } from '../numbers';
import type { Amount } from './amounts';

/** A year of the comparison and the table column that holds it in each version (index into columns). */
export interface ColumnPair {
  year: number;
  old: number | null;
  new: number | null;
}

/** A row of the old table and its counterpart in the new one (indexes into rows; null: none). */
export interface RowPair {
  old: number | null;
  new: number | null;
}

export type LineStatus = 'changed' | 'added' | 'removed' | 'unchanged';

/** One year's amount in both versions, in the comparison's unit. */
export interface AmountChange {
  year: number;
  /** null: the row is not in that version. */
  old: Amount | null;
  new: Amount | null;
  difference: Amount;
  oldCell: CellRef | null;
  newCell: CellRef | null;
}

export interface LineChange {
  /** The new version's label (the old one's for a removed line). */
  label: string;
  /** The old version's label where it says something else (a renamed line), else null. */
  oldLabel: string | null;
  status: LineStatus;
  rows: RowPair;
  /** Only the years whose amount changed, in year order. */
  changes: AmountChange[];
}

/** A total whose recomputed value changed in a year; what each version states beside it. */
export interface TotalChange extends AmountChange {
  label: string;
  oldLabel: string | null;
  old: Amount;
  new: Amount;
  oldStated: Amount | null;
  newStated: Amount | null;
}

export interface EquityChange {
  year: number;
  /** Closing equity (recomputed), null where that version's chain has no such year. */
  old: Amount | null;
  new: Amount | null;
  difference: Amount | null;
}

export interface FindingsDelta {
  /** In the old version only. */
  fixed: Finding[];
  /** In the new version only. */
  new: Finding[];
  remaining: { old: Finding; new: Finding }[];
}

export interface TableComparison {
  /** null: a table only the other version has. */
  old: TableAnalysis | null;
  new: TableAnalysis | null;
  /** The unit of every amount here: the finer of the two tables' units. */
  unit: Unit;
  columns: ColumnPair[];
  lines: LineChange[];
  totals: TotalChange[];
  equity: EquityChange[];
  findings: FindingsDelta;
}

export interface Comparison {
  tables: TableComparison[];
}
