import type { CellObject, WorkSheet } from '@e965/xlsx';
import { toA1 } from '../core/address';
import type { Cell, CellRange, CellValue, Sheet } from '../core/grid';
import { cellMarkup } from './cellMarkup';
import { excelText, gridCell, gridFormat, numberReading, numberValue, type NumberReading } from './gridCell';
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

/**
 * A cell whose value SheetJS does not give as the file has it: a formula it reads as 0 (also
 * when the file keeps no result for it), or an error value it has no code for (#SPILL!, #CALC!).
 */
interface Unsure {
  cell: Cell;
  kind: 'formula' | 'error';
}

/** The engine's Sheet of a worksheet SheetJS read. */
export function sheetOf(read: ReadSheet, date1904: boolean): Sheet {
  const reading = numberReading(date1904);
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
      const format = gridFormat(found.z);
      const cell = gridCell(valueOf(found, format, reading), found.f, format);
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

/** A SheetJS cell's value as the Grid's. */
function valueOf(found: CellObject, format: string | undefined, reading: NumberReading): CellValue | undefined {
  const v = found.v;
  switch (found.t) {
    case 'n':
      return typeof v === 'number' ? numberValue(v, format, reading) : undefined;
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
