import type { BudgetTable } from './model';

// Cells of a recognised table by table row and table column (not sheet positions): the keys and
// maps every relation, recomputation and check shares.

/** A cell of a table: table row and table column indexes. */
export interface TableCell {
  row: number;
  col: number;
}

export const cellKey = (c: TableCell): string => `${c.row}:${c.col}`;

/**
 * The row-major index of a cell inside a table of this size, or -1 for any cell outside it (a
 * hand-built table can name such cells). (x >>> 0) === x: a whole number from 0 below 2^32.
 */
export function indexInTable(width: number, height: number, row: number, col: number): number {
  return row >>> 0 === row && row < height && col >>> 0 === col && col < width ? row * width + col : -1;
}

/** One object per cell of the table, shared by every relation that names it (nothing changes them). */
export class TableCells {
  private readonly cells: (TableCell | undefined)[];

  constructor(private readonly width: number, private readonly height: number) {
    this.cells = new Array(width * height);
  }

  at(row: number, col: number): TableCell {
    const i = indexInTable(this.width, this.height, row, col);
    return i < 0 ? { row, col } : (this.cells[i] ??= { row, col });
  }
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
