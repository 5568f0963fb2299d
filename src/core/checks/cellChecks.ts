import { makeFinding, type Finding } from '../findings';
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
          stated: row.values[c],
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
    const totals = recomputed.relations.filter((r) => r.kind === 'sum' && table.rows[r.target.row].values[r.target.col] !== null);
    const typed = totals.filter((r) => !table.rows[r.target.row].cells[r.target.col]?.formula);
    if (typed.length === 0) return [];
    const first = typed[0].target;
    return [makeFinding('hardcoded-totals', sheetRef(table, first), { params: { count: typed.length, total: totals.length } })];
  },
};
