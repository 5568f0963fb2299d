/**
 * The engine's only input: sheets of cells, as any host can build them
 * (Office.js, SheetJS, a test literal). Rows and columns are 0-based here;
 * A1 addresses appear only at the output boundary (see address.ts).
 */
export type CellValue = number | string | boolean | Date | CellErrorValue | null;

export interface CellErrorValue {
  error: string; // '#REF!', '#DIV/0!', …
}

export interface Cell {
  value: CellValue;
  /** Formula text without the leading '=', when the cell holds one; value is then its cached result. */
  formula?: string;
  numFmt?: string;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Row-major, sparse: a missing row or cell is empty. */
  rows: (Cell | undefined)[][];
  merges?: CellRange[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

export interface Grid {
  sheets: Sheet[];
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function isErrorValue(value: CellValue): value is CellErrorValue {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}

export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function columnCount(sheet: Sheet): number {
  return sheet.rows.reduce((max, row) => Math.max(max, row ? row.length : 0), 0);
}

/** Builds a sheet from a literal 2-D array: the form tests and simple adapters use. */
export function sheetFromValues(name: string, values: CellValue[][]): Sheet {
  return {
    name,
    rows: values.map((row) => row.map((value) => (value === null ? undefined : { value }))),
  };
}
