import type { Grid, Sheet } from '../core/grid';
import { failure, ok, type Result } from '../core/result';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import { incompleteParts, sheetPartNames } from './packageParts';
import { readBook, type Book, type CellReader } from './sheetjsBook';
import { sheetOf, type ReadSheet } from './sheetjsGrid';
import { DAMAGED, NO_WORKSHEET, workbookProblem } from './workbookProblem';

// Browser-safe: .xlsx bytes in, the engine's Grid out — the plain worksheets Excel writes read by
// Budgetkoll (plainSheets.ts), the rest by SheetJS (sheetjsBook.ts) — in the command
// (readWorkbookFile.ts) and in the browser page alike. Every failure is a Swedish reason, never a
// throw; beyond the limits (limits.ts) nothing is unpacked or parsed.

/**
 * Reads .xlsx bytes into the engine's Grid. `unpacked` is the same zip with its entries stored
 * (storedZip.ts, in Node): checked and read without unpacking anything again.
 */
export async function readGridBytes(
  data: Uint8Array,
  fileName = 'arbetsbok.xlsx',
  limits: ReadLimits = DEFAULT_LIMITS,
  unpacked: Uint8Array = data,
  cells: CellReader = 'plain-first',
): Promise<Result<Grid>> {
  const problem = await workbookProblem(data, fileName, limits, unpacked);
  if (problem) return failure(problem);
  let book: Book;
  try {
    book = readBook(unpacked, cells);
  } catch {
    return failure(DAMAGED);
  }
  const sheets = worksheetsOf(book);
  const read = sheets.map((s) => s.kind === 'worksheet' || s.kind === 'plain');
  if (incompleteParts(book, read).length > 0) return failure(DAMAGED);
  // Excel never saves a workbook without a sheet: its sheets are missing or unreadable. (A
  // workbook of chart sheets only is whole: it has no cells, so no tables.)
  if (!sheets.some((s) => s.kind !== 'unreadable')) return failure(NO_WORKSHEET);
  const date1904 = book.workbook.Workbook?.WBProps?.date1904 === true;
  const grid: Grid = { sheets: sheets.flatMap((s) => (s.kind === 'plain' ? [s.sheet] : s.kind === 'worksheet' ? [sheetOf(s, date1904)] : [])) };
  return ok(grid);
}

/** A sheet of the workbook as it was read: by Budgetkoll (plainSheets.ts), or as SheetJS read it. */
type BookSheet = { kind: 'plain'; sheet: Sheet } | (ReadSheet & { kind: 'worksheet' | 'other' | 'unreadable' });

/**
 * The workbook's sheets in its order, each a worksheet read here (plain) or by SheetJS (with
 * cells), another kind of sheet (a chart sheet, an Excel 4 macro sheet: no cells), or unreadable
 * (its part missing or beyond SheetJS: SheetJS leaves it out).
 */
function worksheetsOf(book: Book): BookSheet[] {
  const parts = sheetPartNames(book);
  return book.workbook.SheetNames.map((name, i): BookSheet => {
    const plain = book.plain?.get(i);
    if (plain) return { kind: 'plain', sheet: plain };
    const sheet = book.workbook.Sheets[name];
    const type = sheet?.['!type'];
    const part = parts[i];
    return {
      name,
      sheet,
      kind: sheet === undefined ? 'unreadable' : type === undefined || type === 'sheet' ? 'worksheet' : 'other',
      markup: () => (part ? book.markup(part) : null),
    };
  });
}
