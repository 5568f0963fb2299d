import type { Cell, CellValue } from '../core/grid';
import { isDateFormat } from '../excel/rangeToSheet';

// Browser-safe. A cell's value as the engine's Grid carries it, from what a reader found in the
// file: the same rules whether SheetJS read the sheet (sheetjsGrid.ts) or Budgetkoll read its
// plain XML (sheetDataScanner.ts).

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, its 1900 leap-year quirk included) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The 1904 date system counts from 1904-01-01: 1 462 days later. */
const DAYS_1900_TO_1904 = 1_462;

/** A serial date as the UTC instant it stands for (as exceljs reads it: a year header stays its year). */
function dateOfSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0)) * MS_PER_DAY));
}

/** Excel keeps at most 32 767 characters in a cell (Excel's specifications and limits). */
const MAX_CELL_TEXT = 32_767;

/**
 * A text as Excel shows it in a cell: a package may hold longer ones (a shared string of a
 * megabyte, used in every cell: poc-shared-strings.xlsx), Excel cuts them at its limit.
 */
export function excelText(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/** The number format as the Grid carries it: none for General (however a program spells it). */
export function gridFormat(format: unknown): string | undefined {
  return typeof format === 'string' && !/^general$/i.test(format) ? format : undefined;
}

/** How one sheet's numbers are read: its workbook's date system, and which formats show a date. */
export interface NumberReading {
  date1904: boolean;
  isDate: (format: string | undefined) => boolean;
}

/** Whether a number format shows a date, asked once per format: a sheet has a few, used by thousands of cells. */
export function numberReading(date1904: boolean): NumberReading {
  const known = new Map<string | undefined, boolean>();
  const isDate = (format: string | undefined): boolean => {
    let date = known.get(format);
    if (date === undefined) known.set(format, (date = isDateFormat(format)));
    return date;
  };
  return { date1904, isDate };
}

/** A number stored in a cell: a date where its format shows one; undefined for NaN (no value). */
export function numberValue(v: number, format: string | undefined, reading: NumberReading): CellValue | undefined {
  if (Number.isNaN(v)) return undefined;
  return reading.isDate(format) ? dateOfSerial(v, reading.date1904) : v;
}

/** The Grid's cell; undefined for one with neither a value nor a formula. */
export function gridCell(value: CellValue | undefined, formula: string | undefined, format: string | undefined): Cell | undefined {
  if (value === undefined && !formula) return undefined;
  const cell: Cell = { value: value ?? null };
  if (formula) cell.formula = formula;
  if (format) cell.numFmt = format;
  return cell;
}
