// SheetJS's "mini" build: the .xlsx reader without the legacy formats (.xls, .ods, Lotus, …) and
// codepage tables, which Budgetkoll never hands it (workbookProblem.ts names those files first).
// It reads .xlsx exactly as the full build does (every seed and real-world fixture, compared),
// loads in a tenth of the time and is half the size in the page.
import { read, type ParsingOptions, type WorkBook } from '@e965/xlsx/dist/xlsx.mini.min';
import type { Sheet } from '../core/grid';
import { failure, ok, type Result } from '../core/result';
import { plainSheets, type LightBook, type PlainReading } from './plainSheets';
import { partName } from './zipDirectory';

// Browser-safe. SheetJS (the npm package @e965/xlsx, SheetJS Community Edition) reads the .xlsx
// package the way Excel does: it takes what it finds — rows without numbers, inline strings,
// alternate content, parts it has no use for — where a strict reader gives up. It never expands
// an XML entity nor reads a DTD: a "billion laughs" or XXE part is read as the text it is.
// Here it is asked for what the Grid needs, and the package's parts are kept for the checks
// SheetJS does not make (a part cut off in the middle; sheetjsGrid.ts: values it does not keep).
// The cells of worksheets in the plain form Excel writes are read by Budgetkoll (plainSheets.ts),
// three times faster and to the same Grid; SheetJS reads the workbook, the shared strings, the
// number formats and every other sheet.

/** What the Grid needs, and nothing SheetJS would spend time on otherwise. */
const OPTIONS: ParsingOptions = {
  type: 'array',
  // Rows as arrays (`!data`), not a property per cell address.
  dense: true,
  // Formula text, as written (keeping the `_xlfn.` prefixes Excel writes for newer functions).
  cellFormula: true,
  xlfn: true,
  // Number formats (.z), for units and dates; no formatted text (.w), no HTML for rich text.
  cellNF: true,
  cellText: false,
  cellHTML: false,
  // No styles: SheetJS would read every fill, font and theme colour (several times the read itself
  // on a styled workbook) to give the hidden rows and columns, which hiddenLines.ts reads instead.
  cellStyles: false,
  // Every cell, also one without a value: a formula the file keeps no result for is never dropped.
  sheetStubs: true,
  // The parts of the package, for the checks SheetJS does not make.
  bookFiles: true,
} as ParsingOptions;

/** The workbook SheetJS read, with the parts of its package. */
export interface Book {
  workbook: WorkBook;
  /** A part's bytes as stored in the zip, unpacked; null when the package has no such part. */
  part(path: string): Uint8Array | null;
  /** A part as text in which every byte is one character (markup and ASCII values read exactly), decoded once. */
  markup(path: string): string | null;
  /**
   * The worksheets whose cells Budgetkoll read itself (plainSheets.ts), as the engine's Sheets by
   * their position in the workbook; SheetJS's `workbook.Sheets` holds only the others.
   */
  plain?: Map<number, Sheet>;
}

/**
 * Who reads the worksheets' cells: 'plain-first' reads here every sheet in the plain form
 * (plainSheets.ts) and leaves the rest to SheetJS; 'sheetjs' leaves them all to SheetJS.
 */
export type CellReader = 'plain-first' | 'sheetjs';

interface PackageEntry {
  content?: unknown;
}

/**
 * The workbook in an .xlsx zip: the plain worksheets read here, the rest as SheetJS reads them.
 * Throws where SheetJS cannot read the zip at all (no central directory, an entry it cannot
 * unpack, encryption).
 */
export function readBook(data: Uint8Array, cells: CellReader = 'plain-first'): Book {
  if (cells === 'plain-first') {
    const { book, reading } = lightReading(data);
    if (reading.declined.size === 0) return { ...book, plain: reading.sheets };
    // SheetJS reads the sheets left to it, and only those.
    const declined = [...reading.declined.keys()];
    if (reading.sheets.size > 0) return { ...bookOf(quietly(() => read(data, { ...OPTIONS, sheets: declined }))), plain: reading.sheets };
  }
  return bookOf(quietly(() => read(data, OPTIONS)));
}

/**
 * The workbook with every worksheet read by Budgetkoll (plainSheets.ts); or why the first sheet
 * that is not in the plain form is not (in English, for tests and developers). Throws as
 * readBook does.
 */
export function readPlainBook(data: Uint8Array): Result<Book> {
  const { book, reading } = lightReading(data);
  const [first] = reading.declined.values();
  return first === undefined ? ok({ ...book, plain: reading.sheets }) : failure(first);
}

/** SheetJS's reading of the workbook, its shared strings and number formats and no worksheet; Budgetkoll's of the plain ones. */
function lightReading(data: Uint8Array): { book: Book; reading: PlainReading } {
  const book = bookOf(quietly(() => read(data, { ...OPTIONS, sheets: [] })));
  return { book, reading: plainSheets(book.workbook as unknown as LightBook, { ...book, names: () => Object.keys(filesOf(book.workbook)) }) };
}

function filesOf(workbook: WorkBook): Record<string, PackageEntry> {
  return (workbook as unknown as { files?: Record<string, PackageEntry> }).files ?? {};
}

function bookOf(workbook: WorkBook): Book {
  const files = filesOf(workbook);
  let byName: Map<string, PackageEntry> | null = null;
  const part = (path: string): Uint8Array | null => {
    const name = path.replace(/^\/+/, '');
    // As SheetJS finds a part: in any case, or written as a Windows path (zipDirectory.ts, partName).
    let entry: PackageEntry | undefined = files[name];
    if (!entry) {
      byName ??= new Map(Object.entries(files).map(([key, value]) => [partName(key), value]));
      entry = byName.get(partName(name));
    }
    return entry?.content instanceof Uint8Array ? entry.content : null;
  };
  const texts = new Map<string, string | null>();
  let latin1: { decode(bytes: Uint8Array): string } | undefined;
  const markup = (path: string): string | null => {
    const known = texts.get(path);
    if (known !== undefined) return known;
    const bytes = part(path);
    latin1 ??= new TextDecoder('latin1');
    const text = bytes ? latin1.decode(bytes) : null;
    texts.set(path, text);
    return text;
  };
  return { workbook, part, markup };
}

/**
 * SheetJS writes what it tolerates to the console ("Bad compressed size", thousands of lines for
 * some damaged zips). The command's stderr is one Swedish line per file, and the page's console
 * is the user's: SheetJS runs synchronously, so nothing else writes while it is silenced.
 */
function quietly<T>(work: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  const silent = (): void => undefined;
  Object.assign(console, { error: silent, warn: silent, log: silent, info: silent });
  try {
    return work();
  } finally {
    Object.assign(console, saved);
  }
}
