import type { CellObject, WorkSheet } from '@e965/xlsx';
import { toA1 } from '../core/address';
import type { Cell, CellRange, CellValue, Sheet } from '../core/grid';
import { isDateFormat } from '../excel/rangeToSheet';
import { cellMarkup } from './cellMarkup';
import { hiddenLines } from './hiddenLines';

// Browser-safe. One worksheet as SheetJS read it (sheetjsBook.ts: dense rows, formulas, number
// formats, merges) → the engine's Sheet. What SheetJS is not asked for or does not keep is read
// from the sheet's own XML: hidden rows and columns (hiddenLines.ts), and the values of the few
// cells that need it (cellMarkup.ts).

/** A worksheet SheetJS read, with its name and (when a cell needs it) its part's XML. */
export interface ReadSheet {
  name: string;
  sheet: WorkSheet;
  /** The sheet's XML (one character a byte). */
  markup: () => string | null;
}

/** The error values SheetJS keeps as numbers (the codes of the binary formats). */
const ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

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
function excelText(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/** The number format as the Grid carries it: none for General (however a program spells it). */
function numberFormat(cell: CellObject): string | undefined {
  const format = cell.z;
  return typeof format === 'string' && !/^general$/i.test(format) ? format : undefined;
}

/**
 * A cell whose value SheetJS does not give as the file has it: a formula it reads as 0 (also
 * when the file keeps no result for it), or an error value it has no code for (#SPILL!, #CALC!).
 */
interface Unsure {
  cell: Cell;
  kind: 'formula' | 'error';
}

/** Whether a number format shows a date, asked once per format: a sheet has a few, used by thousands of cells. */
function dateFormats(): (format: string | undefined) => boolean {
  const known = new Map<string | undefined, boolean>();
  return (format) => {
    let date = known.get(format);
    if (date === undefined) known.set(format, (date = isDateFormat(format)));
    return date;
  };
}

/** The engine's Sheet of a worksheet SheetJS read. */
export function sheetOf(read: ReadSheet, date1904: boolean): Sheet {
  const isDate = dateFormats();
  const unsure = new Map<string, Unsure>();
  const rows: (Cell | undefined)[][] = [];
  const data = read.sheet['!data'] ?? [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    let cells: (Cell | undefined)[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const found = row[c];
      if (!found) continue;
      const cell = gridCell(found, date1904, isDate);
      if (!cell) continue;
      (cells ??= [])[c] = cell;
      const doubt = doubtAbout(found);
      if (doubt) unsure.set(toA1(r, c), { cell, kind: doubt });
    }
    if (cells) rows[r] = cells;
  }
  const markup = read.markup();
  if (unsure.size > 0) settle(unsure, markup);
  const hidden = markup ? hiddenLines(markup) : { rows: [], columns: [] };
  const sheet: Sheet = { name: read.name, rows, merges: mergesOf(read.sheet), hiddenRows: hidden.rows };
  if (hidden.columns.length > 0) sheet.hiddenColumns = hidden.columns;
  return sheet;
}

/** A SheetJS cell as the engine's Cell; undefined for a cell with neither a value nor a formula. */
function gridCell(found: CellObject, date1904: boolean, isDate: (format: string | undefined) => boolean): Cell | undefined {
  const numFmt = numberFormat(found);
  const value = valueOf(found, numFmt, date1904, isDate);
  if (value === undefined && !found.f) return undefined;
  const cell: Cell = { value: value ?? null };
  if (found.f) cell.formula = found.f;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

function valueOf(found: CellObject, numFmt: string | undefined, date1904: boolean, isDate: (format: string | undefined) => boolean): CellValue | undefined {
  const v = found.v;
  switch (found.t) {
    case 'n':
      if (typeof v !== 'number' || Number.isNaN(v)) return undefined;
      return isDate(numFmt) ? dateOfSerial(v, date1904) : v;
    case 's':
      return excelText(typeof v === 'string' ? v : String(v ?? ''));
    case 'b':
      return v === true;
    case 'e':
      // An error SheetJS has no code for is read from the cell's XML (settle, below); #VALUE!,
      // Excel's error for a value it cannot use, stands only where that XML cannot be found.
      return { error: (typeof v === 'number' ? ERRORS[v] : undefined) ?? '#VALUE!' };
    case 'd':
      return v instanceof Date ? v : undefined;
    default:
      // 'z': a cell with only a style (or a formula the file keeps no result for).
      return undefined;
  }
}

/** Whether the cell's XML must be read for its value; null when SheetJS's value is the file's. */
function doubtAbout(found: CellObject): Unsure['kind'] | null {
  if (found.f && found.t === 'n' && found.v === 0) return 'formula';
  if (found.t === 'e' && (typeof found.v !== 'number' || !(found.v in ERRORS))) return 'error';
  return null;
}

/**
 * The unsure cells' values from the sheet's XML: a formula without a stored result has none
 * (null, as the file says: Excel computes it on opening), an error value is the text stored.
 * Without the XML, or a cell that cannot be found in it, SheetJS's value stands.
 */
function settle(unsure: Map<string, Unsure>, markup: string | null): void {
  if (markup === null) return;
  for (const [address, inner] of cellMarkup(markup, new Set(unsure.keys()))) {
    const { cell, kind } = unsure.get(address)!;
    const stored = storedValue(inner);
    if (kind === 'formula' && stored === null) cell.value = null;
    if (kind === 'error' && stored) cell.value = { error: stored };
  }
}

/** The text of a cell's `<v>` element (entities left as they are: no error value has one); null for none or an empty one. */
function storedValue(inner: string): string | null {
  const m = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(inner);
  return m && m[1].trim() !== '' ? m[1].trim() : null;
}

function mergesOf(sheet: WorkSheet): CellRange[] {
  return (sheet['!merges'] ?? []).map(({ s, e }) => ({
    top: Math.min(s.r, e.r), left: Math.min(s.c, e.c), bottom: Math.max(s.r, e.r), right: Math.max(s.c, e.c),
  }));
}
