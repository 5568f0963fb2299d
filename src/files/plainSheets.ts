import { columnIndex } from '../core/address';
import type { Cell, CellRange, Sheet } from '../core/grid';
import { failure, ok, type Result } from '../core/result';
import { gridFormat, numberReading } from './gridCell';
import { hiddenLines } from './hiddenLines';
import { relationships, STRICT_RELATIONSHIPS, TRANSITIONAL_RELATIONSHIPS, type Relationship } from './ooxml/opc';
import { scanSheetData, type CellValues, type SharedStrings } from './sheetDataScanner';

// Browser-safe. The cells of a workbook's worksheets read straight from their XML, for the plain
// form Excel, LibreOffice and exceljs write for most sheets: every row a <row>, every cell a <c>
// with its address, a value in <v> or a plain inline string, a formula in <f> (shared formulas
// included). SheetJS reads the same sheets about three times slower: it splits and re-scans each
// sheet's XML many times for parts Budgetkoll never uses.
//
// The rule: what is read here is exactly what SheetJS would read (sheetjsBook.ts asks SheetJS for
// the workbook, the shared strings and the number formats; sheetDataScanner.ts gives each cell the
// value, formula and format sheetjsGrid.ts makes of SheetJS's reading). Anything else — an array
// formula, rich inline text, a cell out of order, an attribute or element not named there, an
// entity SheetJS would decode in its own way — leaves that sheet to SheetJS, which reads it as
// before; a chart sheet is SheetJS's too. The other sheets are still read here. plainSheets.test.ts
// holds every fixture workbook and every declined form to SheetJS's reading.

/** What SheetJS read of the workbook without its worksheets (read with `sheets: []`). */
export interface LightBook {
  SheetNames: string[];
  Workbook?: { Sheets?: { id?: string }[]; WBProps?: { date1904?: boolean } };
  Directory?: { workbooks?: string[] };
  Strings?: SharedStrings;
  Styles?: { CellXf?: ({ numFmtId?: number | string } | undefined)[] };
  SSF?: Record<number, string>;
}

/** A part's text, one character a byte (sheetjsBook.ts: Book.markup), and its bytes. */
export interface PartReader {
  markup(path: string): string | null;
  part(path: string): Uint8Array | null;
  /** Every part name in the package, as stored. */
  names(): string[];
}

/** A worksheet's relationship type, transitional or strict, as SheetJS knows it (its RELS.WS). */
const WORKSHEET_TYPES = new Set([`${TRANSITIONAL_RELATIONSHIPS}/worksheet`, `${STRICT_RELATIONSHIPS}/worksheet`]);

/** A target SheetJS and packageParts.ts both resolve to `xl/worksheets/<file>` (no entity: SheetJS may keep it as written). */
const PLAIN_TARGET = /^(?:\/xl\/)?worksheets\/([^/\\&]+\.xml)$/;

/** The worksheets read here and the sheets left to SheetJS, each by its position in the workbook. */
export interface PlainReading {
  sheets: Map<number, Sheet>;
  /** Why each sheet left to SheetJS is not in the plain form (in English, for tests and developers). */
  declined: Map<number, string>;
}

/**
 * Reads every worksheet in the plain form here; the others (a chart sheet, a sheet in a form of
 * its own) are left to SheetJS, or all of them where the workbook itself is not plain.
 */
export function plainSheets(book: LightBook, parts: PartReader): PlainReading {
  const reading: PlainReading = { sheets: new Map(), declined: new Map() };
  const paths = plainSheetPaths(book, parts);
  if (!paths) {
    book.SheetNames.forEach((_, i) => reading.declined.set(i, 'no sheet, two of one name, or a workbook not at xl/workbook.xml with plain relationships'));
    return reading;
  }
  const values: CellValues = {
    strings: book.Strings ?? [],
    formats: styleFormats(book),
    reading: numberReading(book.Workbook?.WBProps?.date1904 === true),
  };
  paths.forEach((path, i) => {
    const markup = path === null ? null : parts.markup(path);
    const bytes = path === null ? null : parts.part(path);
    if (path === null || markup === null || bytes === null) {
      reading.declined.set(i, 'not a worksheet at xl/worksheets/ named plainly by the relationships');
      return;
    }
    const sheet = plainSheet(book.SheetNames[i], markup, bytes, values);
    if (sheet.ok) reading.sheets.set(i, sheet.value);
    else reading.declined.set(i, `${path}: ${sheet.reason}`);
  });
  return reading;
}

/**
 * Each sheet's part where it is a worksheet at `xl/worksheets/…` named by the workbook's
 * relationships (where SheetJS and packageParts.ts find the same part), null for any other; null
 * for them all where the workbook is not at xl/workbook.xml, has no sheet or two of one name.
 */
function plainSheetPaths(book: LightBook, parts: PartReader): (string | null)[] | null {
  const workbook = (book.Directory?.workbooks?.[0] ?? '').replace(/^\//, '');
  if (workbook !== 'xl/workbook.xml') return null;
  const relationships = relationshipsOf(parts.markup('xl/_rels/workbook.xml.rels'));
  const sheets = book.Workbook?.Sheets ?? [];
  // No sheet, or two of one name (Excel allows neither): SheetJS says what such a workbook is.
  if (!relationships || sheets.length === 0 || sheets.length !== book.SheetNames.length) return null;
  if (new Set(book.SheetNames).size !== book.SheetNames.length) return null;
  const stored = new Map<string, number>();
  for (const name of parts.names()) stored.set(name.toLowerCase(), (stored.get(name.toLowerCase()) ?? 0) + 1);
  return sheets.map((sheet) => {
    const relationship = sheet.id === undefined ? undefined : relationships.get(sheet.id);
    const file = relationship && WORKSHEET_TYPES.has(relationship.type) ? PLAIN_TARGET.exec(relationship.target)?.[1] : undefined;
    const path = file === undefined ? null : `xl/worksheets/${file}`;
    // SheetJS finds a part in any case: the part must be the only one of its name.
    return path !== null && stored.get(path.toLowerCase()) === 1 ? path : null;
  });
}

/** The workbook's internal relationships by id; null where its rels part is missing, not XML, or names an id twice. */
function relationshipsOf(markup: string | null): Map<string, { type: string; target: string }> | null {
  if (markup === null) return null;
  let all: Relationship[];
  try {
    all = relationships(markup);
  } catch {
    return null;
  }
  const byId = new Map<string, { type: string; target: string }>();
  const ids = new Set<string>();
  for (const { id, type, target, external } of all) {
    if (ids.has(id)) return null;
    ids.add(id);
    if (!external) byId.set(id, { type, target });
  }
  return byId;
}

/** The number format of each cell style as the Grid carries it (SheetJS: `styles.CellXf[s].numFmtId` → its format table). */
function styleFormats(book: LightBook): (style: string | number | undefined) => string | undefined {
  const xfs = book.Styles?.CellXf;
  const table = book.SSF ?? {};
  const known = new Map<string | number | undefined, string | undefined>();
  return (style) => {
    if (known.has(style)) return known.get(style);
    let id: number | string = 0;
    const xf = Array.isArray(xfs) && style !== undefined ? xfs[style as unknown as number] : undefined;
    if (xf && xf.numFmtId != null) id = xf.numFmtId;
    const format = gridFormat(table[id as number]);
    known.set(style, format);
    return format;
  };
}

const SHEET_DATA_OPEN = /<(?:\w+:)?sheetData\b[^<>]*>/g;
const SHEET_DATA_CLOSE = /<\/(?:\w+:)?sheetData>/g;
const MERGE_CELL = /<(?:\w+:)?mergeCell ref=["']([A-Z0-9:]+)['"]\s*[/]?>/g;
const CANONICAL_RANGE = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/;

/**
 * The first `</sheetData>` from `from`: where it starts and ends. Found by indexOf, many times
 * faster than the regular expression over a sheet of megabytes; a prefixed end before it is met by
 * the scan of what lies between, which declines it. The expression only where there is no plain end.
 */
function sheetDataEnd(markup: string, from: number): { index: number; after: number } | null {
  const plain = markup.indexOf('</sheetData>', from);
  if (plain >= 0) return { index: plain, after: plain + '</sheetData>'.length };
  SHEET_DATA_CLOSE.lastIndex = from;
  const close = SHEET_DATA_CLOSE.exec(markup);
  return close ? { index: close.index, after: SHEET_DATA_CLOSE.lastIndex } : null;
}

/** One worksheet's cells and merges as SheetJS gives them (dense rows), or what is not in the plain form. */
function plainSheet(name: string, markup: string, bytes: Uint8Array, values: CellValues): Result<Sheet> {
  // Where SheetJS looks (parse_ws_xml): the first <sheetData>…</sheetData>, merges after it.
  SHEET_DATA_OPEN.lastIndex = 0;
  const open = SHEET_DATA_OPEN.exec(markup);
  let after = markup;
  let rows: (Cell | undefined)[][] = [];
  if (open) {
    const close = sheetDataEnd(markup, SHEET_DATA_OPEN.lastIndex);
    if (close) {
      const scanned = scanSheetData(markup, bytes, open.index + open[0].length, close.index, values);
      if (!scanned.ok) return scanned;
      rows = scanned.value;
      after = markup.slice(close.after);
    }
  }
  const merges = mergesIn(after);
  if (!merges) return failure('a merge that is not a canonical range');
  // As sheetjsGrid.ts builds a Sheet: the hidden rows always, the hidden columns when there are any.
  const hidden = hiddenLines(markup);
  const sheet: Sheet = { name, rows, merges, hiddenRows: hidden.rows };
  if (hidden.columns.length > 0) sheet.hiddenColumns = hidden.columns;
  return ok(sheet);
}

/** The merged ranges SheetJS finds (its mergecregex, after <sheetData>), each a canonical range; null otherwise. */
function mergesIn(markup: string): CellRange[] | null {
  const merges: CellRange[] = [];
  for (const [, ref] of markup.matchAll(MERGE_CELL)) {
    const m = CANONICAL_RANGE.exec(ref);
    if (!m) return null;
    const [left, top] = [columnIndex(m[1]), Number(m[2]) - 1];
    const [right, bottom] = m[3] === undefined ? [left, top] : [columnIndex(m[3]), Number(m[4]) - 1];
    merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return merges;
}

