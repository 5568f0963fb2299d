import type { Cell, CellRange } from './grid';
import type { Amount } from './amount';
import type { Unit } from './numbers';
import type { RowRole } from './labels';
import type { ColumnKind } from './yearHeader';

export interface TableColumn {
  /** Sheet column (0-based). */
  col: number;
  header: string;
  year: number;
  kind: ColumnKind;
}

export interface TableRow {
  /** Sheet row (0-based) that holds the numbers. */
  row: number;
  label: string;
  role: RowRole;
  /** One per table column; null where the cell is blank. */
  values: (Amount | null)[];
  cells: (Cell | undefined)[];
  /** Table-column indexes whose value was a number stored as text. */
  textNumbers: number[];
  /** Whether a value cell shows an error value (`#REF!`): as the recognizer read it; where absent (a table built by hand), the cells tell. */
  hasErrors?: boolean;
}

export interface Term {
  /** Index into BudgetTable.rows. */
  row: number;
  sign: 1 | -1;
}

/** A row that should equal the signed sum of other rows, column by column. */
export interface RowRelation {
  target: number;
  terms: Term[];
  /** How the relation was found: confirmed by arithmetic, or the label's default. */
  evidence: 'arithmetic' | 'label';
}

/** Opening equity of a column = the signed sum of rows in the previous year's column. */
export interface CarryRelation {
  target: number;
  terms: Term[];
  /** Pairs of table-column indexes: [from (previous year), to]. */
  links: [number, number][];
}

export type UnitSource = 'unit-row' | 'header' | 'title' | 'note' | 'number-format' | 'label' | 'magnitude';

export interface TableTitle {
  text: string;
  row: number;
  col: number;
}

export interface BudgetTable {
  sheet: string;
  range: CellRange;
  headerRow: number;
  labelCol: number;
  title: TableTitle | null;
  /** Texts above the table (and its header label) that may name the förbund. */
  nameHints?: string[];
  unit: Unit;
  unitSource: UnitSource;
  columns: TableColumn[];
  rows: TableRow[];
  relations: RowRelation[];
  carry: CarryRelation[];
}
