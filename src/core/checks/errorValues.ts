import { isErrorValue } from '../grid';
import { makeFinding, type Finding } from '../findings';
import { CellMap, cellId, type CellRelation, type TableCell } from '../recompute';
import { dependentsOf } from './relationOutcomes';
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
    let targets: CellMap<CellRelation> | undefined;
    let dependents: ReturnType<typeof dependentsOf> | undefined;
    // Plain loops: every cell of every table is looked at, and almost none is an error.
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      for (let c = 0; c < row.cells.length; c++) {
        const value = row.cells[c]?.value;
        if (value === undefined || value === null || !isErrorValue(value)) continue;
        const at: TableCell = { row: r, col: c };
        if (!targets) {
          targets = new CellMap(table);
          for (const rel of recomputed.relations) targets.set(rel.target, rel);
        }
        const isTotal = targets.get(at) !== undefined;
        const affects = downstream(at, table, (dependents ??= dependentsOf(context)));
        findings.push(makeFinding('error-value', sheetRef(table, at), {
          rowLabel: row.label,
          year: table.columns[c].year,
          expected: isTotal ? recomputed.value(at) : null,
          affects: affects.map((t) => sheetRef(table, t)),
          params: { text: value.error, isTotal },
        }));
      }
    }
    return findings;
  },
};

/** Every total built on the cell, directly or through other totals, by column and row. */
function downstream(root: TableCell, table: Parameters<typeof cellId>[0], dependents: ReturnType<typeof dependentsOf>): TableCell[] {
  const seen = new Set<number | string>([cellId(table, root)]);
  const found: TableCell[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const rel of dependents.get(cellId(table, queue.shift()!)) ?? []) {
      const key = cellId(table, rel.target);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(rel.target);
      queue.push(rel.target);
    }
  }
  return found.sort((a, b) => a.col - b.col || a.row - b.row);
}
