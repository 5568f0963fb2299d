import { ZERO, millisOfMoney, type Money } from './money';
import type { BudgetTable } from './model';
import { CellMap, cellKey, indexInTable, type TableCell } from './tableCells';
import { TableRelation, cellRelations, hasErrorPart, type CellRelation } from './relations';

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
  const relationAt = new CellMap<TableRelation>(table);
  for (const rel of relations) relationAt.set(rel.target, rel);
  let byTarget: Map<string, CellRelation> | undefined;
  const rows = table.rows;
  const width = table.columns.length;
  const height = rows.length;
  // statedValue by row and column.
  const statedAt = (row: number, col: number): Money => rows[row].values[col] ?? ZERO;
  // The thousandths of every stated value (0 where blank, as statedValue reads it; NaN where not
  // exact), in one pass: relations read most cells two or three times. The recognizer has them
  // already; a table built by hand has them read from each Money once.
  const statedMillis = new Float64Array(width * height);
  for (let row = 0; row < height; row++) {
    const { values, millis } = rows[row];
    if (millis && millis.length === width) statedMillis.set(millis, row * width);
    else for (let col = 0; col < width; col++) statedMillis[row * width + col] = millisOfStated(values[col]);
  }
  const statedMillisAt = (row: number, col: number): number => {
    const i = indexInTable(width, height, row, col);
    return i >= 0 ? statedMillis[i] : millisOfStated(rows[row].values[col]);
  };
  const toleranceMillis = millisOfMoney(tolerance);
  // Sums depend only on the Money objects they add, and Money never changes: each relation's
  // stated sum is computed once, and serves as its recomputed sum too while every part's
  // value is its stated one (the same object).
  const statedSums = new Map<CellRelation, Money>();
  const statedSum = (rel: CellRelation): Money => {
    let sum = statedSums.get(rel);
    if (!sum) {
      sum = rel instanceof TableRelation ? sumOfParts(rel, statedAt) : sumOfTerms(rel, (c) => statedAt(c.row, c.col));
      statedSums.set(rel, sum);
    }
    return sum;
  };
  // The value of each cell once known; VISITING while its parts are being summed.
  const memo = new CellMap<Money | typeof VISITING>(table);
  // Thousandths of a memoised value that is not the stated one (NaN where not exact).
  const memoMillis = new CellMap<number>(table);
  const recomputedSumOf = (rel: TableRelation): Money => {
    const col = rel.partCol;
    for (const t of rel.parts) if (valueAt(t.row, col) !== statedAt(t.row, col)) return sumOfParts(rel, valueAt);
    return statedSum(rel);
  };
  const recomputedSum = (rel: CellRelation): Money => {
    if (rel instanceof TableRelation) return recomputedSumOf(rel);
    for (const t of rel.terms) if (value(t.cell) !== statedAt(t.cell.row, t.cell.col)) return sumOfTerms(rel, value);
    return statedSum(rel);
  };
  const valueAt = (row: number, col: number): Money => {
    const known = memo.getAt(row, col);
    if (known && known !== VISITING) return known;
    const rel = relationAt.getAt(row, col);
    // A cycle can only come from a misread table; the stated value breaks it.
    if (!rel || known === VISITING) return statedAt(row, col);
    memo.setAt(row, col, VISITING);
    // A part that is an error value has no amount: the total keeps what it states.
    if (hasErrorPart(table, rel)) {
      const stated = statedAt(row, col);
      memo.setAt(row, col, stated);
      if (stated !== rows[row].values[col]) memoMillis.setAt(row, col, 0);
      return stated;
    }
    // The parts' values, in the order the Decimal sum reads them, and their exact sum.
    let sumMillis = Number.isNaN(toleranceMillis) ? NaN : 0;
    const partCol = rel.partCol;
    for (const t of rel.parts) {
      const part = valueAt(t.row, partCol);
      if (Number.isNaN(sumMillis)) continue;
      const millis = part === statedAt(t.row, partCol) ? statedMillisAt(t.row, partCol) : memoMillis.getAt(t.row, partCol) ?? NaN;
      sumMillis = t.sign === 1 ? sumMillis + millis : sumMillis - millis;
      // A safe integer stays exact; NaN fails the test too.
      if (!(Math.abs(sumMillis) <= Number.MAX_SAFE_INTEGER)) sumMillis = NaN;
    }
    const own = rows[row].values[col];
    const ownMillis = own === null || own === undefined ? NaN : statedMillisAt(row, col);
    let v: Money;
    let millis = NaN;
    if (!Number.isNaN(sumMillis) && (own === null || !Number.isNaN(ownMillis))) {
      // |own − sum| ≤ tolerance, exactly: a difference past the safe integers is past any tolerance.
      if (own !== null && Math.abs(ownMillis - sumMillis) <= toleranceMillis) {
        v = own;
      } else {
        v = recomputedSumOf(rel);
        millis = sumMillis;
      }
    } else {
      const sum = recomputedSumOf(rel);
      v = own !== null && own.minus(sum).abs().lte(tolerance) ? own : sum;
    }
    memo.setAt(row, col, v);
    if (v !== own) memoMillis.setAt(row, col, millis);
    return v;
  };
  const value = (cell: TableCell): Money => valueAt(cell.row, cell.col);
  const statedDifferenceMillis = (rel: CellRelation): number => {
    let difference = statedMillisAt(rel.target.row, rel.target.col);
    if (rel instanceof TableRelation) {
      const col = rel.partCol;
      for (const t of rel.parts) {
        difference = t.sign === 1 ? difference - statedMillisAt(t.row, col) : difference + statedMillisAt(t.row, col);
        if (!(Math.abs(difference) <= Number.MAX_SAFE_INTEGER)) return NaN;
      }
      return difference;
    }
    for (const t of rel.terms) {
      difference = t.sign === 1 ? difference - statedMillisAt(t.cell.row, t.cell.col) : difference + statedMillisAt(t.cell.row, t.cell.col);
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

/** Thousandths of a stated value: 0 where blank, as statedValue reads it; NaN where not exact. */
function millisOfStated(v: Money | null | undefined): number {
  return v === null || v === undefined ? 0 : millisOfMoney(v);
}

/** Marks a cell whose value is being computed. */
const VISITING = Symbol('visiting');

// The same Decimal sum, in the same order, over the engine's own relations and over any other.
function sumOfParts(rel: TableRelation, valueAt: (row: number, col: number) => Money): Money {
  let acc = ZERO;
  const col = rel.partCol;
  for (const t of rel.parts) acc = t.sign === 1 ? acc.plus(valueAt(t.row, col)) : acc.minus(valueAt(t.row, col));
  return acc;
}

function sumOfTerms(rel: CellRelation, valueOf: (c: TableCell) => Money): Money {
  let acc = ZERO;
  for (const t of rel.terms) acc = t.sign === 1 ? acc.plus(valueOf(t.cell)) : acc.minus(valueOf(t.cell));
  return acc;
}
