import { ZERO, millisOfMoney, type Money } from './money';
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
  const width = table.columns.length;
  const height = table.rows.length;
  // One object per cell of the table, shared by every relation that names it (nothing changes them).
  const cells: (TableCell | undefined)[] = new Array(width * height);
  const cellOf = (row: number, col: number): TableCell => {
    if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 0 && row < height && col >= 0 && col < width)) return { row, col };
    return (cells[row * width + col] ??= { row, col });
  };
  const expand = (terms: Term[], col: number) => terms.map((t) => ({ cell: cellOf(t.row, col), sign: t.sign }));
  for (const rel of table.relations) {
    for (let col = 0; col < width; col++) {
      let anyValue = table.rows[rel.target].values[col] !== null;
      for (let i = 0; !anyValue && i < rel.terms.length; i++) anyValue = table.rows[rel.terms[i].row].values[col] !== null;
      if (anyValue) out.push({ kind: 'sum', target: cellOf(rel.target, col), terms: expand(rel.terms, col) });
    }
  }
  for (const carry of table.carry) {
    for (const [from, to] of carry.links) out.push({ kind: 'carry', target: cellOf(carry.target, to), terms: expand(carry.terms, from) });
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
  /**
   * The stated target less the stated sum, in whole thousandths, where that is exact without
   * Decimals (every value a whole number of thousandths, the sum a safe integer); NaN otherwise.
   */
  statedDifferenceMillis?(rel: CellRelation): number;
}

/**
 * Values by table cell: an array indexed row-major for the cells of the table, and a Map by
 * cellKey for anything else a caller may name (a hand-built table can name cells outside it), so
 * that no two cells ever share an entry.
 */
export class CellMap<T> {
  private readonly inside: (T | undefined)[];
  private outside: Map<string, T> | undefined;
  private readonly width: number;
  private readonly height: number;

  constructor(table: BudgetTable) {
    this.width = table.columns.length;
    this.height = table.rows.length;
    this.inside = new Array(this.width * this.height);
  }

  private index(c: TableCell): number {
    const { row, col } = c;
    return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && row < this.height && col >= 0 && col < this.width ? row * this.width + col : -1;
  }

  get(c: TableCell): T | undefined {
    const i = this.index(c);
    return i >= 0 ? this.inside[i] : this.outside?.get(cellKey(c));
  }

  set(c: TableCell, value: T): void {
    const i = this.index(c);
    if (i >= 0) this.inside[i] = value;
    else (this.outside ??= new Map()).set(cellKey(c), value);
  }
}

/** A key for a table cell in a Set or Map: a small number for the table's own cells, cellKey for any other. */
export function cellId(table: BudgetTable, c: TableCell): number | string {
  const { row, col } = c;
  const width = table.columns.length;
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && row < table.rows.length && col >= 0 && col < width ? row * width + col : cellKey(c);
}

/**
 * A total within rounding of its recomputed parts keeps its stated value:
 * rounding is accepted, not fixed, so it does not ripple into later years.
 *
 * Most totals keep their stated value, so deciding that is the bulk of the work. Where the values
 * are whole thousandths (money.ts, millisOfMoney), the decision is made on exact integers in
 * doubles, and a Decimal sum is computed only for a total that takes its recomputed value — the
 * same Decimal sum as always. Where they are not, every decision is made on Decimals.
 */
export function recomputeTotals(table: BudgetTable, tolerance: Money): Recomputed {
  const relations = cellRelations(table);
  // The last relation of a target wins, as in a Map built from the list.
  const relationAt = new CellMap<CellRelation>(table);
  for (const rel of relations) relationAt.set(rel.target, rel);
  let byTarget: Map<string, CellRelation> | undefined;
  const stated = (c: TableCell): Money => statedValue(table, c);
  const toleranceMillis = millisOfMoney(tolerance);
  // Thousandths of a stated value (0 where blank, as statedValue reads it; NaN where not exact).
  const statedMillis = (c: TableCell): number => {
    const v = table.rows[c.row].values[c.col];
    return v === null || v === undefined ? 0 : millisOfMoney(v);
  };
  // Sums depend only on the Money objects they add, and Money never changes: each relation's
  // stated sum is computed once, and serves as its recomputed sum too while every part's
  // value is its stated one (the same object).
  const statedSums = new Map<CellRelation, Money>();
  const statedSum = (rel: CellRelation): Money => {
    let sum = statedSums.get(rel);
    if (!sum) {
      sum = sumOf(rel, stated);
      statedSums.set(rel, sum);
    }
    return sum;
  };
  // The value of each cell once known; VISITING while its parts are being summed.
  const memo = new CellMap<Money | typeof VISITING>(table);
  // Thousandths of a memoised value that is not the stated one (NaN where not exact).
  const memoMillis = new CellMap<number>(table);
  const recomputedSum = (rel: CellRelation): Money => {
    for (const t of rel.terms) if (value(t.cell) !== stated(t.cell)) return sumOf(rel, value);
    return statedSum(rel);
  };
  const value = (cell: TableCell): Money => {
    const known = memo.get(cell);
    if (known && known !== VISITING) return known;
    const rel = relationAt.get(cell);
    // A cycle can only come from a misread table; the stated value breaks it.
    if (!rel || known === VISITING) return statedValue(table, cell);
    memo.set(cell, VISITING);
    // The parts' values, in the order the Decimal sum reads them, and their exact sum.
    let sumMillis = Number.isNaN(toleranceMillis) ? NaN : 0;
    for (const t of rel.terms) {
      const part = value(t.cell);
      if (Number.isNaN(sumMillis)) continue;
      const millis = part === stated(t.cell) ? statedMillis(t.cell) : memoMillis.get(t.cell) ?? NaN;
      sumMillis = t.sign === 1 ? sumMillis + millis : sumMillis - millis;
      // A safe integer stays exact; NaN fails the test too.
      if (!(Math.abs(sumMillis) <= Number.MAX_SAFE_INTEGER)) sumMillis = NaN;
    }
    const own = table.rows[cell.row].values[cell.col];
    const ownMillis = own === null || own === undefined ? NaN : statedMillis(cell);
    let v: Money;
    let millis = NaN;
    if (!Number.isNaN(sumMillis) && (own === null || !Number.isNaN(ownMillis))) {
      // |own − sum| ≤ tolerance, exactly: a difference past the safe integers is past any tolerance.
      if (own !== null && Math.abs(ownMillis - sumMillis) <= toleranceMillis) {
        v = own;
      } else {
        v = recomputedSum(rel);
        millis = sumMillis;
      }
    } else {
      const sum = recomputedSum(rel);
      v = own !== null && own.minus(sum).abs().lte(tolerance) ? own : sum;
    }
    memo.set(cell, v);
    if (v !== own) memoMillis.set(cell, millis);
    return v;
  };
  const statedDifferenceMillis = (rel: CellRelation): number => {
    let difference = statedMillis(rel.target);
    for (const t of rel.terms) {
      difference = t.sign === 1 ? difference - statedMillis(t.cell) : difference + statedMillis(t.cell);
      if (!(Math.abs(difference) <= Number.MAX_SAFE_INTEGER)) return NaN;
    }
    return difference;
  };
  return {
    relations,
    get byTarget() {
      byTarget ??= new Map(relations.map((r) => [cellKey(r.target), r]));
      return byTarget;
    },
    value,
    statedSum,
    recomputedSum,
    statedDifferenceMillis,
  };
}

/** Marks a cell whose value is being computed. */
const VISITING = Symbol('visiting');

function sumOf(rel: CellRelation, valueOf: (c: TableCell) => Money): Money {
  let acc = ZERO;
  for (const t of rel.terms) acc = t.sign === 1 ? acc.plus(valueOf(t.cell)) : acc.minus(valueOf(t.cell));
  return acc;
}
