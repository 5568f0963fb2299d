import { isErrorValue } from './grid';
import type { BudgetTable, Term } from './model';
import { TableCells, type TableCell } from './tableCells';

/** A relation on single cells: table row and table column indexes. */
export interface CellRelation {
  kind: 'sum' | 'carry';
  target: TableCell;
  terms: { cell: TableCell; sign: 1 | -1 }[];
}

/**
 * The engine's own relations. Their parts are kept as the table's row terms and the one column they
 * are read in; `terms` (an object per part) is made only when a caller reads it. The recomputation
 * and most checks read the parts directly, so on a large workbook most relations never make them
 * (they were a tenth of all the engine allocated).
 */
export class TableRelation implements CellRelation {
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

/** Every row relation, column by column, and every link of the equity chain. */
export function cellRelations(table: BudgetTable): TableRelation[] {
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

/** Each part of a relation in order, as `terms` lists them; the engine's own relations make no `terms` for it. */
export function forEachPart(rel: CellRelation, f: (row: number, col: number, sign: 1 | -1) => void): void {
  if (rel instanceof TableRelation) {
    const parts = rel.parts;
    for (let i = 0; i < parts.length; i++) f(parts[i].row, rel.partCol, parts[i].sign);
  } else {
    const terms = rel.terms;
    for (let i = 0; i < terms.length; i++) f(terms[i].cell.row, terms[i].cell.col, terms[i].sign);
  }
}

/** Whether a table cell shows an error value (`#REF!`, `#N/A`) where an amount should be: it has none. */
export function isErrorCell(table: BudgetTable, row: number, col: number): boolean {
  const tableRow = table.rows[row];
  if (!tableRow || tableRow.hasErrors === false || (tableRow.values[col] ?? null) !== null) return false;
  const v = tableRow.cells[col]?.value;
  return v !== null && v !== undefined && isErrorValue(v);
}

/** Whether a part of the relation is an error value: its sum cannot be told. */
export function hasErrorPart(table: BudgetTable, rel: CellRelation): boolean {
  // Asked of every relation: indexed loops, no closure or iterator.
  if (rel instanceof TableRelation) {
    const parts = rel.parts;
    for (let i = 0; i < parts.length; i++) if (isErrorCell(table, parts[i].row, rel.partCol)) return true;
    return false;
  }
  const terms = rel.terms;
  for (let i = 0; i < terms.length; i++) if (isErrorCell(table, terms[i].cell.row, terms[i].cell.col)) return true;
  return false;
}
