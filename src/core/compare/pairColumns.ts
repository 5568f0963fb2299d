import type { TableColumn } from '../model';
import type { ColumnPair } from './types';

/**
 * Columns are the same year in both versions: `2023(prel.)` and `2023` are 2023, and a plan rolled
 * forward a year shares the years that overlap. Where a year has several columns (`Budget 2023`
 * and `Prognos 2023`), the same kind pairs first, then what is left of the year in order.
 */
export function pairColumns(oldColumns: readonly TableColumn[], newColumns: readonly TableColumn[]): ColumnPair[] {
  const pairs: ColumnPair[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pass = (same: (a: TableColumn, b: TableColumn) => boolean) => {
    oldColumns.forEach((a, i) => {
      if (usedOld.has(i)) return;
      const j = newColumns.findIndex((b, k) => !usedNew.has(k) && same(a, b));
      if (j < 0) return;
      usedOld.add(i);
      usedNew.add(j);
      pairs.push({ year: a.year, old: i, new: j });
    });
  };
  pass((a, b) => a.year === b.year && a.kind === b.kind);
  pass((a, b) => a.year === b.year);
  oldColumns.forEach((a, i) => { if (!usedOld.has(i)) pairs.push({ year: a.year, old: i, new: null }); });
  newColumns.forEach((b, j) => { if (!usedNew.has(j)) pairs.push({ year: b.year, old: null, new: j }); });
  return pairs.sort((a, b) => a.year - b.year || position(a) - position(b));
}

/** Within a year, the order the columns stand in (either version's, as both keep it). */
function position(pair: ColumnPair): number {
  return pair.new ?? pair.old ?? 0;
}

/** The columns both versions have: the years amounts are compared in. */
export function sharedColumns(pairs: readonly ColumnPair[]): { year: number; old: number; new: number }[] {
  return pairs.filter((p): p is { year: number; old: number; new: number } => p.old !== null && p.new !== null);
}
