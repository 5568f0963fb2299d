import { ZERO_AMOUNT, plusSigned, toMoney, withinTolerance, type Amount } from './amount';
import type { Money } from './money';
import type { BudgetTable } from './model';
import { CellMap, cellKey, type TableCell } from './tableCells';
import { TableRelation, cellRelations, hasErrorPart, type CellRelation } from './relations';

/** What a cell states: its amount, 0 where blank. */
export function statedAmount(table: BudgetTable, cell: TableCell): Amount {
  return table.rows[cell.row].values[cell.col] ?? ZERO_AMOUNT;
}

export interface Recomputed {
  relations: CellRelation[];
  byTarget: Map<string, CellRelation>;
  /** The amount bottom-up: every total from its recomputed parts, every opening from last year's recomputed closing. */
  amount(cell: TableCell): Amount;
  /** The same amount as the Decimal a report or a written cell takes. */
  value(cell: TableCell): Money;
  /** The relation's parts as stated, summed. */
  statedSum(rel: CellRelation): Amount;
  /** The relation's parts as recomputed, summed. */
  recomputedSum(rel: CellRelation): Amount;
}

/**
 * A total within rounding of its recomputed parts keeps its stated value:
 * rounding is accepted, not fixed, so it does not ripple into later years.
 */
export function recomputeTotals(table: BudgetTable, tolerance: Amount): Recomputed {
  return new Recomputation(table, tolerance);
}

/** Marks a cell whose amount is being computed. */
const VISITING = Symbol('visiting');

class Recomputation implements Recomputed {
  readonly relations: TableRelation[];
  /** The relation of each target cell; the last of a target wins, as in a Map built from the list. */
  private readonly relationAt: CellMap<TableRelation>;
  /** The amount of each cell once known; VISITING while its parts are being summed. */
  private readonly known: CellMap<Amount | typeof VISITING>;
  private targets: Map<string, CellRelation> | undefined;

  constructor(private readonly table: BudgetTable, private readonly tolerance: Amount) {
    this.relations = cellRelations(table);
    this.relationAt = new CellMap(table);
    for (const rel of this.relations) this.relationAt.set(rel.target, rel);
    this.known = new CellMap(table);
  }

  get byTarget(): Map<string, CellRelation> {
    return (this.targets ??= new Map(this.relations.map((r) => [cellKey(r.target), r])));
  }

  amount(cell: TableCell): Amount {
    return this.amountAt(cell.row, cell.col);
  }

  value(cell: TableCell): Money {
    return toMoney(this.amountAt(cell.row, cell.col));
  }

  statedSum(rel: CellRelation): Amount {
    return this.sumOf(rel, false);
  }

  recomputedSum(rel: CellRelation): Amount {
    return this.sumOf(rel, true);
  }

  private stated(row: number, col: number): Amount {
    return this.table.rows[row].values[col] ?? ZERO_AMOUNT;
  }

  /** The parts' signed sum in order, stated or recomputed (the engine's own relations make no `terms` for it). */
  private sumOf(rel: CellRelation, recomputed: boolean): Amount {
    let sum: Amount = ZERO_AMOUNT;
    if (rel instanceof TableRelation) {
      const col = rel.partCol;
      const parts = rel.parts;
      for (let i = 0; i < parts.length; i++) {
        const { row, sign } = parts[i];
        sum = plusSigned(sum, recomputed ? this.amountAt(row, col) : this.stated(row, col), sign);
      }
      return sum;
    }
    const terms = rel.terms;
    for (let i = 0; i < terms.length; i++) {
      const { cell, sign } = terms[i];
      sum = plusSigned(sum, recomputed ? this.amountAt(cell.row, cell.col) : this.stated(cell.row, cell.col), sign);
    }
    return sum;
  }

  private amountAt(row: number, col: number): Amount {
    const known = this.known.getAt(row, col);
    if (known !== undefined && known !== VISITING) return known;
    const rel = this.relationAt.getAt(row, col);
    // A cycle can only come from a misread table; the stated value breaks it.
    if (!rel || known === VISITING) return this.stated(row, col);
    this.known.setAt(row, col, VISITING);
    const own = this.table.rows[row].values[col];
    let amount: Amount;
    if (hasErrorPart(this.table, rel)) {
      // A part that is an error value has no amount: the total keeps what it states.
      amount = own ?? ZERO_AMOUNT;
    } else {
      const sum = this.sumOf(rel, true);
      amount = own !== null && withinTolerance(own, sum, this.tolerance) ? own : sum;
    }
    this.known.setAt(row, col, amount);
    return amount;
  }
}
