import { columnIndex, columnLetters } from '../core/address';
// Browser-safe. The text of a shared formula in a cell of its group, as SheetJS gives it
// (shift_formula_xlsx in @e965/xlsx 0.20.3): every reference its pattern finds moves by the
// cell's distance from the group's first cell, a `$` keeping its part. sheetDataScanner.ts reads
// shared formulas as SheetJS does, so that a sheet reads to the same Grid either way; the pattern
// below is SheetJS's own (crefregex; SheetJS, Apache License 2.0), not the Excel-exact shift the
// corrected copy uses (ooxml/formulaShift.ts).

const REFERENCE = /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

/**
 * The group's formula moved by `rows` and `columns`; null where a column would fall before A
 * (SheetJS then gives up on the whole sheet).
 */
export function sheetjsSharedFormula(formula: string, rows: number, columns: number): string | null {
  let beforeA = false;
  const text = formula.replace(REFERENCE, (_, before: string, columnDollar: string, column: string, rowDollar: string, row: string) => {
    const movedColumn = columnIndex(column) + columns;
    if (columnDollar !== '$' && movedColumn < 0) beforeA = true;
    return before
      + (columnDollar === '$' ? columnDollar + column : columnLetters(movedColumn))
      + (rowDollar === '$' ? rowDollar + row : String(parseInt(row, 10) + rows));
  });
  return beforeA ? null : text;
}
