import { amountOf } from '../amount';
import { fromA1 } from '../address';
import { biggestChangeFirst } from './amounts';
import type { ChangeReport, DiffReport, LineReport, TableDiffReport, TotalReport } from './diffReport';
import { formerLabel } from './labelKey';

// The comparison as a reader goes through it, the same in the command's text and in the panes:
// per table the changed lines with the biggest change first, the added and removed lines, and
// the changed totals by row, the biggest first. Built from the `diff --json` contract alone.

export interface DiffTableView {
  table: TableDiffReport;
  /** Lines whose amounts changed (or that were renamed), the biggest change in any year first. */
  changed: LineReport[];
  added: LineReport[];
  removed: LineReport[];
  /** The changed years of each total row (Samsund has two rows called `Totalt`), the biggest change first. */
  totals: TotalReport[][];
}

export interface DiffView {
  report: DiffReport;
  tables: DiffTableView[];
}

export function diffView(report: DiffReport): DiffView {
  return { report, tables: report.tables.map(diffTableView) };
}

export function diffTableView(table: TableDiffReport): DiffTableView {
  return {
    table,
    changed: biggestFirst(table.lines.filter((l) => l.status === 'changed'), (l) => l.changes),
    added: table.lines.filter((l) => l.status === 'added'),
    removed: table.lines.filter((l) => l.status === 'removed'),
    totals: biggestFirst(totalsByRow(table.totals), (group) => group),
  };
}

/** The label, and the old one where the line was renamed (a year rolled forward goes without saying). */
export function rowLabel(row: { label: string; oldLabel: string | null }): string {
  const former = formerLabel(row);
  return former ? `${row.label} (tidigare ${former})` : row.label;
}

/** By the biggest change in any year, whatever its sign; equal ones keep the table's order. */
export const biggestFirst = <T>(items: T[], changesOf: (item: T) => ChangeReport[]): T[] =>
  biggestChangeFirst(items, (item) => changesOf(item).map((c) => amountOf(c.difference)));

/** The changed years of each total row, in order. */
export const totalsByRow = (totals: TotalReport[]): TotalReport[][] => byRow(totals, (t) => fromA1(t.newCell!)!.row);

/** Items grouped by the row they stand on, the groups in the order their rows first come. */
export function byRow<T>(items: readonly T[], rowOf: (item: T) => number): T[][] {
  const rows = new Map<number, T[]>();
  for (const item of items) {
    const row = rowOf(item);
    const group = rows.get(row);
    if (group) group.push(item);
    else rows.set(row, [item]);
  }
  return [...rows.values()];
}
