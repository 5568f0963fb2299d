import { isErrorValue } from './grid';
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

/**
 * The engine's own relations. Their parts are kept as the table's row terms and the one column they
 * are read in; `terms` (an object per part) is made only when a caller reads it. The recomputation
 * and most checks read the parts directly, so on a large workbook most relations never make them
 * (they were a tenth of all the engine allocated).
 */
class TableRelation implements CellRelation {
  private expanded: CellRelation['terms'] | undefined;

  constructor(
    readonly kind: 'sum' | 'carry',
    readonly target: TableCell,
    /** The row terms (the table's own Term objects, which nothing changes). */
    readonly parts: readonly Term[],
    /** The table column every part is read in. */
    readonly partCol: number,
    private readonly cells: TableCells,
  ) {}

  get terms(): CellRelation['terms'] {
    return (this.expanded ??= this.parts.map((t) => ({ cell: this.cells.at(t.row, this.partCol), sign: t.sign })));
  }
}

/**
 * The row-major index of a cell inside a table of this size, or -1 for any cell outside it (a
 * hand-built table can name such cells). (x >>> 0) === x: a whole number from 0 below 2^32.
 */
function indexInTable(width: number, height: number, row: number, col: number): number {
  return row >>> 0 === row && row < height && col >>> 0 === col && col < width ? row * width + col : -1;
}

/** One object per cell of the table, shared by every relation that names it (nothing changes them). */
class TableCells {
  private readonly cells: (TableCell | undefined)[];

  constructor(private readonly width: number, private readonly height: number) {
    this.cells = new Array(width * height);
  }

  at(row: number, col: number): TableCell {
    const i = indexInTable(this.width, this.height, row, col);
    return i < 0 ? { row, col } : (this.cells[i] ??= { row, col });
  }
}

/** Every row relation, column by column, and every link of the equity chain. */
function cellRelations(table: BudgetTable): TableRelation[] {
  const out: TableRelation[] = [];
  const width = table.columns.length;
  const cells = new TableCells(width, table.rows.length);
  for (const rel of table.relations) {
    const targetValues = table.rows[rel.target].values;
    for (let col = 0; col < width; col++) {
      let anyValue = targetValues[col] !== null;
      for (let i = 0; !anyValue && i < rel.terms.length; i++) anyValue = table.rows[rel.terms[i].row].values[col] !== null;
      if (anyValue) out.push(new TableRelation('sum', cells.at(rel.target, col), rel.terms, col, cells));
    }
  }
  for (const carry of table.carry) {
    for (const [from, to] of carry.links) out.push(new TableRelation('carry', cells.at(carry.target, to), carry.terms, from, cells));
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

  get(c: TableCell): T | undefined {
    return this.getAt(c.row, c.col);
  }

  set(c: TableCell, value: T): void {
    this.setAt(c.row, c.col, value);
  }

  /** get and set by row and column, for callers that hold no TableCell object. */
  getAt(row: number, col: number): T | undefined {
    const i = indexInTable(this.width, this.height, row, col);
    return i >= 0 ? this.inside[i] : this.outside?.get(`${row}:${col}`);
  }

  setAt(row: number, col: number, value: T): void {
    const i = indexInTable(this.width, this.height, row, col);
    if (i >= 0) this.inside[i] = value;
    else (this.outside ??= new Map()).set(`${row}:${col}`, value);
  }
}

/** A key for a table cell in a Set or Map: a small number for the table's own cells, cellKey for any other. */
export function cellId(table: BudgetTable, c: TableCell): number | string {
  return cellIdAt(table, c.row, c.col);
}

export function cellIdAt(table: BudgetTable, row: number, col: number): number | string {
  const i = indexInTable(table.columns.length, table.rows.length, row, col);
  return i >= 0 ? i : `${row}:${col}`;
}

/** Each part of a relation in order, as `terms` lists them; the engine's own relations make no `terms` for it. */
export function forEachPart(rel: CellRelation, f: (row: number, col: number, sign: 1 | -1) => void): void {
  if (rel instanceof TableRelation) {
    for (const t of rel.parts) f(t.row, rel.partCol, t.sign);
  } else {
    for (const t of rel.terms) f(t.cell.row, t.cell.col, t.sign);
  }
}

/** Whether a table cell shows an error value (`#REF!`, `#N/A`) where an amount should be: it has none. */
export function isErrorCell(table: BudgetTable, row: number, col: number): boolean {
  const tableRow = table.rows[row];
  if (!tableRow || (tableRow.values[col] ?? null) !== null) return false;
  const v = tableRow.cells[col]?.value;
  return v !== null && v !== undefined && isErrorValue(v);
}

/** Whether a part of the relation is an error value: its sum cannot be told. */
export function hasErrorPart(table: BudgetTable, rel: CellRelation): boolean {
  // Asked of every relation: plain loops, no closure.
  if (rel instanceof TableRelation) {
    for (const t of rel.parts) if (isErrorCell(table, t.row, rel.partCol)) return true;
    return false;
  }
  for (const t of rel.terms) if (isErrorCell(table, t.cell.row, t.cell.col)) return true;
  return false;
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
