import { makeFinding, type Finding } from '../findings';
import type { TableCell } from '../tableCells';
import { sheetRef, type Check } from './types';

/** A number typed as text looks right but Excel's SUM leaves it out. */
export const textNumberCheck: Check = {
  codes: ['text-number'],
  run({ table }) {
    const findings: Finding[] = [];
    table.rows.forEach((row, r) => {
      for (const c of row.textNumbers) {
        findings.push(makeFinding('text-number', sheetRef(table, { row: r, col: c }), {
          rowLabel: row.label,
          year: table.columns[c].year,
          stated: row.values[c]!,
          params: { text: String(row.cells[c]?.value ?? '') },
        }));
      }
    });
    return findings;
  },
};

/** One note per table: typed totals do not follow when a line changes. */
export const hardcodedTotalsCheck: Check = {
  codes: ['hardcoded-totals'],
  run({ table, recomputed }) {
    let total = 0;
    let typed = 0;
    let first: TableCell | null = null;
    for (const r of recomputed.relations) {
      const row = table.rows[r.target.row];
      if (r.kind !== 'sum' || row.values[r.target.col] === null) continue;
      total++;
      if (row.cells[r.target.col]?.formula) continue;
      typed++;
      first ??= r.target;
    }
    if (!first) return [];
    return [makeFinding('hardcoded-totals', sheetRef(table, first), { params: { count: typed, total } })];
  },
};
