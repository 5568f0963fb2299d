import { rangeToA1, toA1 } from '../address';
import type { TableAnalysis } from '../analyze';
import type { CellRef } from '../findings';
import type { Unit } from '../numbers';
import type { Language } from '../messages';
import { findingReport, type FindingReport } from '../report';
import { amountString, type Amount } from './amounts';
import type { AmountChange, Comparison, LineChange, LineStatus, TableComparison } from './types';

/**
 * The `diff --json` contract (docs: README, "Kommandoraden"). Version 1; extend, never change.
 * Amounts are decimal strings in the table's unit, as in `check --json`.
 */
export interface DiffReport {
  version: 1;
  old: string;
  new: string;
  tables: TableDiffReport[];
}

export interface TableDiffReport {
  /** null: a table only the other version has. */
  old: TableRef | null;
  new: TableRef | null;
  columns: { year: number; old: string | null; new: string | null }[];
  lines: LineReport[];
  totals: TotalReport[];
  equity: { year: number; old: string | null; new: string | null; difference: string | null }[];
  findings: { fixed: FindingReport[]; new: FindingReport[]; remaining: FindingReport[] };
  /** Extensions of version 1: the unit of every amount above, and the lines counted by status. */
  unit: Unit;
  counts: Record<LineStatus, number>;
}

export interface TableRef {
  sheet: string;
  range: string;
  title: string | null;
  /** Extension of version 1. */
  unit: Unit;
}

export interface ChangeReport {
  year: number;
  old: string | null;
  new: string | null;
  difference: string;
  /** Extensions of version 1: where the amount stands in each file. */
  oldCell: string | null;
  newCell: string | null;
}

export interface LineReport {
  label: string;
  status: LineStatus;
  changes: ChangeReport[];
  /** Extension of version 1: the old label of a renamed line, else null. */
  oldLabel: string | null;
}

export interface TotalReport extends ChangeReport {
  label: string;
  old: string;
  new: string;
  /** Extensions of version 1: the old label of a renamed total, and what each file states. */
  oldLabel: string | null;
  oldStated: string | null;
  newStated: string | null;
}

/** `language`: of the findings' messages (Swedish unless the Excel pane speaks English). */
export function diffReport(comparison: Comparison, files: { old: string; new: string }, language: Language = 'sv'): DiffReport {
  return { version: 1, old: files.old, new: files.new, tables: comparison.tables.map((t) => tableDiffReport(t, language)) };
}

function tableDiffReport(t: TableComparison, language: Language): TableDiffReport {
  const header = (analysis: TableAnalysis | null, index: number | null) => (analysis && index !== null ? analysis.table.columns[index].header : null);
  return {
    old: tableRef(t.old),
    new: tableRef(t.new),
    columns: t.columns.map((c) => ({ year: c.year, old: header(t.old, c.old), new: header(t.new, c.new) })),
    lines: t.lines.map(lineReport),
    totals: t.totals.map((total) => ({
      label: total.label, ...changeReport(total), old: amountString(total.old), new: amountString(total.new),
      oldLabel: total.oldLabel, oldStated: optional(total.oldStated), newStated: optional(total.newStated),
    })),
    equity: t.equity.map((e) => ({ year: e.year, old: optional(e.old), new: optional(e.new), difference: optional(e.difference) })),
    findings: {
      fixed: t.findings.fixed.map((f) => findingReport(f, t.old!.table.unit, language)),
      new: t.findings.new.map((f) => findingReport(f, t.new!.table.unit, language)),
      remaining: t.findings.remaining.map((r) => findingReport(r.new, t.new!.table.unit, language)),
    },
    unit: t.unit,
    counts: countByStatus(t.lines),
  };
}

function tableRef(analysis: TableAnalysis | null): TableRef | null {
  if (!analysis) return null;
  const { sheet, range, title, unit } = analysis.table;
  return { sheet, range: rangeToA1(range.top, range.left, range.bottom, range.right), title: title?.text ?? null, unit };
}

function lineReport(line: LineChange): LineReport {
  return { label: line.label, status: line.status, changes: line.changes.map(changeReport), oldLabel: line.oldLabel };
}

function changeReport(c: AmountChange): ChangeReport {
  return { year: c.year, old: optional(c.old), new: optional(c.new), difference: amountString(c.difference), oldCell: cellA1(c.oldCell), newCell: cellA1(c.newCell) };
}

function countByStatus(lines: LineChange[]): Record<LineStatus, number> {
  const counts: Record<LineStatus, number> = { changed: 0, added: 0, removed: 0, unchanged: 0 };
  for (const line of lines) counts[line.status]++;
  return counts;
}

const optional = (a: Amount | null): string | null => (a === null ? null : amountString(a));
const cellA1 = (ref: CellRef | null): string | null => (ref === null ? null : toA1(ref.row, ref.col));
