import { ZERO, type Money } from './money';
import type { BudgetTable, Term } from './model';

/** A relation on single cells: table row and table column indexes. */
export interface CellRelation {
  kind: 'sum' | 'carry';
  target: TableCell;
  terms: { cell: TableCell; sign: 1 | -1 }[];
}

export interface TableCell {
  row: number;
  col: number;
}

export const cellKey = (c: TableCell): string => `${c.row}:${c.col}`;

/** Every row relation, column by column, and every link of the equity chain. */
export function cellRelations(table: BudgetTable): CellRelation[] {
  const out: CellRelation[] = [];
  const expand = (terms: Term[], col: number) => terms.map((t) => ({ cell: { row: t.row, col }, sign: t.sign }));
  for (const rel of table.relations) {
    table.columns.forEach((_, col) => {
      const terms = expand(rel.terms, col);
      const anyValue = table.rows[rel.target].values[col] !== null || terms.some((t) => table.rows[t.cell.row].values[col] !== null);
      if (anyValue) out.push({ kind: 'sum', target: { row: rel.target, col }, terms });
    });
  }
  for (const carry of table.carry) {
    for (const [from, to] of carry.links) out.push({ kind: 'carry', target: { row: carry.target, col: to }, terms: expand(carry.terms, from) });
  }
  return out;
}

export function statedValue(table: BudgetTable, cell: TableCell): Money {
  return table.rows[cell.row].values[cell.col] ?? ZERO;
}

export interface Recomputed {
  relations: CellRelation[];
  byTarget: Map<string, CellRelation>;
  /** The value bottom-up: every total from its recomputed parts, every opening from last year's recomputed closing. */
  value(cell: TableCell): Money;
  statedSum(rel: CellRelation): Money;
  recomputedSum(rel: CellRelation): Money;
}

/**
 * A total within rounding of its recomputed parts keeps its stated value:
 * rounding is accepted, not fixed, so it does not ripple into later years.
 */
export function recomputeTotals(table: BudgetTable, tolerance: Money): Recomputed {
  const relations = cellRelations(table);
  const byTarget = new Map(relations.map((r) => [cellKey(r.target), r]));
  const memo = new Map<string, Money>();
  const visiting = new Set<string>();
  const value = (cell: TableCell): Money => {
    const key = cellKey(cell);
    const known = memo.get(key);
    if (known) return known;
    const rel = byTarget.get(key);
    // A cycle can only come from a misread table; the stated value breaks it.
    if (!rel || visiting.has(key)) return statedValue(table, cell);
    visiting.add(key);
    const sum = sumOf(rel, value);
    const stated = table.rows[cell.row].values[cell.col];
    const v = stated !== null && stated.minus(sum).abs().lte(tolerance) ? stated : sum;
    visiting.delete(key);
    memo.set(key, v);
    return v;
  };
  return {
    relations,
    byTarget,
    value,
    statedSum: (rel) => sumOf(rel, (c) => statedValue(table, c)),
    recomputedSum: (rel) => sumOf(rel, value),
  };
}

function sumOf(rel: CellRelation, valueOf: (c: TableCell) => Money): Money {
  return rel.terms.reduce((acc, t) => (t.sign === 1 ? acc.plus(valueOf(t.cell)) : acc.minus(valueOf(t.cell))), ZERO);
}
