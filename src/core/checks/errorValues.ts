import { isErrorValue } from '../grid';
import { makeFinding, type Finding } from '../findings';
import { cellId, cellKey, type TableCell } from '../tableCells';
import { dependentsOf, relationsBuiltOn, type Dependents } from './relationOutcomes';
import { sheetRef, type Check } from './types';

/**
 * An error value (`#REF!`, `#DIV/0!`, `#N/A`) where the table has an amount. It is no number, so
 * it is not read as 0: a line with one leaves the totals over it unchecked (the recompute keeps
 * their stated values), and a total with one is recomputed from its lines, which this names.
 */
export const errorValueCheck: Check = {
  codes: ['error-value'],
  run(context) {
    const { table, recomputed } = context;
    const findings: Finding[] = [];
    let dependents: Dependents | undefined;
    // Plain loops: every cell of every table is looked at, and almost none is an error.
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      if (row.hasErrors === false) continue;
      for (let c = 0; c < row.cells.length; c++) {
        const value = row.cells[c]?.value;
        if (value === undefined || value === null || !isErrorValue(value)) continue;
        const at: TableCell = { row: r, col: c };
        const isTotal = recomputed.byTarget.has(cellKey(at));
        const rootKey = cellId(table, at);
        const builtOn = [...relationsBuiltOn(at, context, (dependents ??= dependentsOf(context))).entries()]
          .filter(([key]) => key !== rootKey)
          .map(([, rel]) => rel.target)
          .sort((a, b) => a.col - b.col || a.row - b.row);
        findings.push(makeFinding('error-value', sheetRef(table, at), {
          rowLabel: row.label,
          year: table.columns[c].year,
          expected: isTotal ? recomputed.amount(at) : null,
          affects: builtOn.map((t) => sheetRef(table, t)),
          params: { text: value.error, isTotal },
        }));
      }
    }
    return findings;
  },
};
