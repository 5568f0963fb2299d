import type { Analysis, TableAnalysis } from '../analyze';
import { isZero } from '../amount';
import { amountString, finerUnit, type Amount } from './amounts';
import { comparedRows, type ComparedRow } from './comparedRows';
import { equityChanges } from './equityChanges';
import { findingChanges } from './findingChanges';
import { lineAndTotalChanges } from './lineChanges';
import { pairColumns, sharedColumns } from './pairColumns';
import { pairRows } from './pairRows';
import { pairTables } from './pairTables';
import type { Comparison, TableComparison } from './types';
import { Version } from './version';

/**
 * What changed between two versions of a budget (the preliminary and the adopted plan): tables
 * paired, their lines, recomputed totals, equity chain and findings compared. Pure: two analyses
 * in, the differences out, every amount exact.
 */
export function compareAnalyses(oldAnalysis: Analysis, newAnalysis: Analysis): Comparison {
  const tables = pairTables(oldAnalysis.tables, newAnalysis.tables).map((pair) =>
    compareTables(pair.old === null ? null : oldAnalysis.tables[pair.old], pair.new === null ? null : newAnalysis.tables[pair.new]));
  return { tables };
}

export function compareTables(oldTable: TableAnalysis | null, newTable: TableAnalysis | null): TableComparison {
  const present = (oldTable ?? newTable)!;
  const unit = finerUnit(oldTable?.table.unit ?? present.table.unit, newTable?.table.unit ?? present.table.unit);
  const oldVersion = oldTable && new Version(oldTable, unit);
  const newVersion = newTable && new Version(newTable, unit);
  const columns = pairColumns(oldTable?.table.columns ?? [], newTable?.table.columns ?? []);
  const shared = sharedColumns(columns);
  const oldRows = oldTable ? comparedRows(oldTable) : [];
  const newRows = newTable ? comparedRows(newTable) : [];
  const amountsIn = (version: Version | null, side: 'old' | 'new') => (row: number) =>
    version && amountsKey(shared.map((s) => version.amount(row, s[side])));
  const pairs = pairRows({ old: oldRows, new: newRows, oldAmounts: amountsIn(oldVersion, 'old'), newAmounts: amountsIn(newVersion, 'new') });
  const { lines, totals } = lineAndTotalChanges({
    // A table of one version only has no rows in the other, whose Version is then never asked.
    old: oldVersion ?? newVersion!, new: newVersion ?? oldVersion!, shared,
    oldComputed: computedIndexes(oldRows), newComputed: computedIndexes(newRows),
  }, pairs);
  return {
    old: oldTable, new: newTable, unit, columns, lines, totals,
    equity: equityChanges(oldVersion, newVersion),
    findings: findingChanges(oldTable, newTable, pairs),
  };
}

/** The amounts as one string, or null where all are zero (nothing to recognise a line by). */
function amountsKey(amounts: Amount[]): string | null {
  const texts = amounts.map(amountString);
  return texts.every((t) => t === '0') ? null : texts.join(' ');
}

function computedIndexes(rows: ComparedRow[]): Set<number> {
  return new Set(rows.filter((r) => r.computed).map((r) => r.index));
}

/** Whether the comparison found any difference at all (two identical files: none). */
export function hasDifferences(comparison: Comparison): boolean {
  return comparison.tables.some((t) =>
    t.old === null || t.new === null
    || t.columns.some((c) => c.old === null || c.new === null)
    || t.lines.some((l) => l.status !== 'unchanged')
    || t.totals.length > 0
    || t.equity.some((e) => e.difference === null || !isZero(e.difference))
    || t.findings.fixed.length > 0 || t.findings.new.length > 0);
}

