import type { TableDiffReport, TotalReport } from './diffReport';

// The comparison laid out for a reader who sees the changes side by side (the command's text, the
// panes' tables): the years as columns, the totals whose stated value is not their recomputed one.
// Free of the engine's arithmetic, so the panes' views take it without decimal.js.

/** A year column both versions have, under the new version's header. */
export interface YearColumn {
  year: number;
  header: string;
}

/** The years both versions have, in the new version's column order: where changes are shown side by side. */
export const sharedYears = (table: TableDiffReport): YearColumn[] =>
  table.columns.filter((c) => c.old !== null && c.new !== null).map((c) => ({ year: c.year, header: c.new! }));

/**
 * A row's changes under the year columns: a change goes under its year; where a year has two
 * columns (`Budget 2023`, `Prognos 2023`), the row's changes come in column order and fill them so.
 */
export function bySharedYear<C extends { year: number }>(columns: readonly YearColumn[], changes: readonly C[]): (C | null)[] {
  const slots: (C | null)[] = columns.map(() => null);
  for (const change of changes) {
    const slot = columns.findIndex((h, i) => h.year === change.year && slots[i] === null);
    if (slot >= 0) slots[slot] = change;
  }
  return slots;
}

/** Whether a total states something else than its recomputed value, in either version. */
export function isStale(total: TotalReport): boolean {
  return total.oldStated !== total.old || total.newStated !== total.new;
}
