import { fromA1 } from '../core/address';
import type { Cell, CellRange, CellValue } from '../core/grid';

// A used range as Office.js hands it over (values, formulas, number formats and value types,
// each a 2-D array over the range) → the engine's Sheet. Pure, so it is tested without Excel.

export interface RangeData {
  /** The sheet's name. */
  name: string;
  /** 0-based position of the range's top-left cell on the sheet. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** Excel.RangeValueType per cell: 'Empty', 'String', 'Double', 'Boolean', 'Error', … */
  valueTypes: string[][];
  /** Excel.NumberFormatCategory per cell ('Date', 'Time', 'Number', 'Custom', …), where the host has them (ExcelApi 1.12). */
  numberFormatCategories?: string[][];
}

/** Excel's day 0 is 1899-12-30 (the 1900 date system, with its leap-year quirk built in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A number format that shows a date (d, m, y outside quotes and brackets): the file reader reads
 * such cells as dates (src/files/sheetjsGrid.ts), so the Excel adapter does too and the engine sees the same grid either way.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare);
}

/**
 * Whether a number shows as a date or time: as Excel's number format category says, where the
 * host gives it (ExcelApi 1.12) – Date and Time are, every other category but Custom is not – and
 * by the format code where it does not, or where the format is Custom.
 */
export function showsDate(format: string | undefined, category: string | undefined): boolean {
  if (category === 'Date' || category === 'Time') return true;
  if (category !== undefined && category !== 'Custom') return false;
  return isDateFormat(format);
}

function cellValue(value: unknown, type: string, format: string | undefined, category: string | undefined): CellValue {
  switch (type) {
    case 'Error':
      return { error: String(value) };
    case 'Double':
      if (typeof value !== 'number') return null;
      return showsDate(format, category) ? new Date(EXCEL_EPOCH_MS + Math.round(value * DAY_MS)) : value;
    case 'Boolean':
      return typeof value === 'boolean' ? value : null;
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
}

/** Cells of one range into `rows` (sparse, 0-based sheet positions). */
export function addRange(rows: (Cell | undefined)[][], data: Omit<RangeData, 'name'>): number {
  let cells = 0;
  data.values.forEach((valueRow, r) => {
    valueRow.forEach((raw, c) => {
      const type = data.valueTypes[r]?.[c] ?? 'Unknown';
      const formula = data.formulas[r]?.[c];
      const hasFormula = typeof formula === 'string' && formula.startsWith('=');
      if ((type === 'Empty' || raw === '' || raw === null || raw === undefined) && !hasFormula) return;
      const rawFormat = data.numberFormat[r]?.[c];
      const numFmt = typeof rawFormat === 'string' && rawFormat !== 'General' ? rawFormat : undefined;
      const cell: Cell = { value: cellValue(raw, type, numFmt, data.numberFormatCategories?.[r]?.[c]) };
      if (hasFormula) cell.formula = formula.slice(1);
      if (numFmt) cell.numFmt = numFmt;
      const row = (rows[data.rowIndex + r] ??= []);
      row[data.columnIndex + c] = cell;
      cells++;
    });
  });
  return cells;
}

/** 'Budget!A1:B2' or 'A1:B2' → a 0-based range; null for anything else. */
export function parseAddress(address: string): CellRange | null {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const [from, to = from] = local.split(':');
  const a = fromA1(from);
  const b = fromA1(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
