/// <reference types="office-js" />
import { toA1 } from '../core/address';
import { failure, ok, type Result } from '../core/result';
import type { Grid, Sheet } from '../core/grid';
import type { ExcelCapabilities } from './excelSupport';
import { addRange, parseAddress, type RangeData } from './rangeToSheet';
import { queueCommentIds, queueCommentPlaces, type CommentPlace } from './threadedComments';

// Reading the open workbook. `inspectWorkbook` learns the sheets (names, protection, used-range
// sizes) when the pane opens; `readWorkbook` then reads every sheet's used range – values,
// formulas, number formats – in ONE context.sync. Only a workbook whose cells would come near
// Excel on the web's 5 MB response limit is read in several syncs, sheet part by sheet part,
// with progress.

export const SETTINGS_KEY = 'budgetkoll.settings';
export const JOURNAL_KEY = 'budgetkoll.journal';

export interface SheetInfo {
  /** Excel's id of the sheet: it stays when the sheet is renamed. */
  id: string;
  name: string;
  protected: boolean;
  /** The used range (values only); null for an empty sheet. */
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
}

export interface Inspection {
  sheets: SheetInfo[];
  readOnly: boolean;
  /** What Budgetkoll stored in the workbook's settings (JSON texts), null where nothing is. */
  stored: { settings: string | null; journal: string | null };
  /** The threaded comments and their cells, where Excel can take notes (which such a cell cannot). */
  comments: CommentPlace[];
}

/** The cells as Excel gave them (`formulas`: the formula, or the constant): to notice later edits. */
export interface RawCells {
  rowIndex: number;
  columnIndex: number;
  formulas: unknown[][];
}

export interface WorkbookRead {
  grid: Grid;
  raw: Map<string, RawCells[]>;
  /** Context.sync calls the read took. */
  syncs: number;
}

/** The reason a read gives when the sheets are no longer those the inspection found: inspect again, then read. */
export const SHEETS_CHANGED = 'Arbetsboken ändras just nu. Försök igen.';

/** The sheets read, or why not: SHEETS_CHANGED, or a reason for the user. */
export type ReadOutcome = Result<WorkbookRead>;

/**
 * Cells of the used ranges (empty ones inside them included) Budgetkoll reads at most: twice the
 * command's limit of filled cells, since a used range is a rectangle. Past it the pane says so
 * rather than keep Excel busy for minutes.
 */
export const MAX_USED_CELLS = 2_000_000;

const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

const settingValue = (item: Excel.Setting): string | null => (item.isNullObject || typeof item.value !== 'string' ? null : item.value);

/** Two small syncs: the sheets, stored settings and comments, then each sheet's used-range size and each comment's cell. */
export async function inspectWorkbook(context: Excel.RequestContext, caps: ExcelCapabilities): Promise<Inspection> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name,items/protection/protected');
  if (caps.write.ok) context.workbook.load('readOnly');
  const settings = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  const journal = context.workbook.settings.getItemOrNullObject(JOURNAL_KEY);
  settings.load('value');
  journal.load('value');
  const commentIds = caps.notes ? queueCommentIds(context) : () => [];
  await context.sync();
  const used = worksheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  const comments = queueCommentPlaces(context, commentIds());
  await context.sync();
  return {
    sheets: worksheets.items.map((sheet, i) => ({
      id: sheet.id,
      name: sheet.name,
      protected: sheet.protection.protected,
      used: used[i].isNullObject ? null : { rowIndex: used[i].rowIndex, columnIndex: used[i].columnIndex, rowCount: used[i].rowCount, columnCount: used[i].columnCount },
    })),
    readOnly: caps.write.ok ? context.workbook.readOnly : false,
    stored: { settings: settingValue(settings), journal: settingValue(journal) },
    comments: comments(),
  };
}

interface Part {
  sheet: string;
  /** Null: the sheet's whole used range, as it is at the time of the sync. */
  rows: { first: number; count: number; columnIndex: number; columnCount: number } | null;
  cells: number;
}

/**
 * What one sync may bring back: Excel on the web refuses responses over 5 MB ("payload size limit
 * for requests and responses of 5MB", Office Add-ins resource limits), so a sync is planned to
 * about half of that.
 */
export const BYTES_PER_SYNC = 2_500_000;

/**
 * A first guess at a cell's share of the response: its value, its formula (a text comes back
 * twice, as the value and as the "formula"), its number format, value type and format category, as JSON. A
 * label of some 60 characters needs about this much; numbers far less. After each sync the guess
 * is replaced by what the cells read so far actually took.
 */
export const BYTES_PER_CELL = 160;

/** The parts to read, packed into syncs of at most `budget` bytes at `perCell` bytes a cell; a big sheet is split by rows. */
export function planReads(sheets: readonly SheetInfo[], budget: number, perCell = BYTES_PER_CELL): Part[][] {
  return packParts(sheets.map((sheet) => ({ sheet: sheet.name, rows: null, cells: sheet.used ? sheet.used.rowCount * sheet.used.columnCount : 0 })), sheets, budget, perCell);
}

function packParts(parts: readonly Part[], sheets: readonly SheetInfo[], budget: number, perCell: number): Part[][] {
  const cellsPerSync = Math.max(1, Math.floor(budget / perCell));
  const batches: Part[][] = [[]];
  let room = cellsPerSync;
  const put = (part: Part) => {
    if (part.cells > room && batches[batches.length - 1].length > 0) {
      batches.push([]);
      room = cellsPerSync;
    }
    batches[batches.length - 1].push(part);
    room -= part.cells;
  };
  for (const part of parts) {
    const used = sheets.find((s) => s.name === part.sheet)?.used;
    const rows = part.rows ?? (used ? { first: used.rowIndex, count: used.rowCount, columnIndex: used.columnIndex, columnCount: used.columnCount } : null);
    if (part.cells <= cellsPerSync || !rows) {
      put(part);
      continue;
    }
    const rowsPerPart = Math.max(1, Math.floor(cellsPerSync / rows.columnCount));
    for (let first = rows.first; first < rows.first + rows.count; first += rowsPerPart) {
      const count = Math.min(rowsPerPart, rows.first + rows.count - first);
      put({ sheet: part.sheet, rows: { first, count, columnIndex: rows.columnIndex, columnCount: rows.columnCount }, cells: count * rows.columnCount });
    }
  }
  return batches.filter((b) => b.length > 0);
}

const RANGE_PROPERTIES = 'address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes';

/**
 * A response too big for Excel on the web: reported as ResponsePayloadSizeLimitExceeded, and also
 * as a plain GeneralException ("An internal error has occurred", OfficeDev/office-js #1314;
 * OfficeDev/office-js-docs #1247 for a big range's values).
 */
function mayBeTooLarge(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'GeneralException';
}

/** About what a range's arrays took in the response, in bytes of JSON. */
export function responseBytes(arrays: readonly unknown[][][]): number {
  let bytes = 0;
  for (const grid of arrays) {
    for (const row of grid) {
      for (const v of row) bytes += typeof v === 'string' ? v.length + 3 : typeof v === 'number' ? 12 : 6;
    }
  }
  return bytes;
}

export interface ReadOptions {
  /** Bytes a sync may bring back (BYTES_PER_SYNC). */
  bytesPerSync?: number;
  /** The first guess of bytes per cell (BYTES_PER_CELL). */
  bytesPerCell?: number;
  /** Cells of the used ranges read at most (MAX_USED_CELLS). */
  maxCells?: number;
}

/** The grid being built, and what was read so far. */
interface Reading {
  rows: Map<string, Sheet['rows']>;
  merges: Map<string, string[]>;
  raw: Map<string, RawCells[]>;
  cells: number;
  bytes: number;
}

/**
 * Every sheet's cells as the engine's Grid. SHEETS_CHANGED when the sheets are no longer those the
 * inspection found (added, removed, renamed, or a split sheet grew): inspect again, then read.
 * A response Excel finds too big is read again in parts a quarter the size.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  inspection: Inspection,
  caps: ExcelCapabilities,
  onProgress: (done: number, total: number) => void = () => undefined,
  options: ReadOptions = {},
): Promise<ReadOutcome> {
  const budget = options.bytesPerSync ?? BYTES_PER_SYNC;
  const maxCells = options.maxCells ?? MAX_USED_CELLS;
  const total = inspection.sheets.reduce((n, s) => n + (s.used ? s.used.rowCount * s.used.columnCount : 0), 0);
  if (total > maxCells) {
    return failure(`arbetsbokens blad omfattar ${spaced(total)} celler, fler än Budgetkoll läser (${spaced(maxCells)}) – kopiera budgetbladet till en egen arbetsbok och analysera den`);
  }
  let perCell = options.bytesPerCell ?? BYTES_PER_CELL;
  for (let attempt = 0; ; attempt++) {
    try {
      return await readInParts(context, inspection, caps, onProgress, budget, perCell, total);
    } catch (error) {
      // Twice in parts a quarter the size; an error that persists then is not the size.
      if (!mayBeTooLarge(error) || attempt >= 2) throw error;
      perCell *= 4;
    }
  }
}

async function readInParts(
  context: Excel.RequestContext,
  inspection: Inspection,
  caps: ExcelCapabilities,
  onProgress: (done: number, total: number) => void,
  budget: number,
  firstGuess: number,
  total: number,
): Promise<ReadOutcome> {
  const reading: Reading = {
    rows: new Map(inspection.sheets.map((s) => [s.name, []])),
    merges: new Map(),
    raw: new Map(inspection.sheets.map((s) => [s.name, []])),
    cells: 0,
    bytes: 0,
  };
  let perCell = firstGuess;
  let pending = planReads(inspection.sheets, budget, perCell);
  let syncs = 0;
  let done = 0;
  while (pending.length > 0) {
    const [batch, ...rest] = pending;
    const outcome = await readBatch(context, inspection, caps, batch, syncs === 0, reading);
    syncs++;
    if (outcome === 'changed') return failure(SHEETS_CHANGED);
    done += batch.reduce((n, p) => n + p.cells, 0);
    onProgress(done, total);
    // What the cells read so far took, with a margin: the rest is planned by it.
    if (reading.cells > 0) perCell = Math.max(16, (1.25 * reading.bytes) / reading.cells);
    pending = packParts(rest.flat(), inspection.sheets, budget, perCell);
  }
  const grid: Grid = {
    sheets: inspection.sheets.map((s) => ({
      name: s.name,
      rows: reading.rows.get(s.name) ?? [],
      merges: (reading.merges.get(s.name) ?? []).map(parseAddress).filter((r) => r !== null),
    })),
  };
  return ok({ grid, raw: reading.raw, syncs });
}

/** One sync's parts into `reading`; 'changed' when the workbook is no longer as inspected. */
async function readBatch(context: Excel.RequestContext, inspection: Inspection, caps: ExcelCapabilities, batch: readonly Part[], first: boolean, reading: Reading): Promise<'read' | 'changed'> {
  const worksheets = context.workbook.worksheets;
  if (first) worksheets.load('items/name');
  const loaded = batch.map((part) => {
    const sheet = worksheets.getItem(part.sheet);
    // By its A1 address (ExcelApi 1.1): getRangeByIndexes is 1.7, and analysis runs from 1.4.
    const range = part.rows
      ? sheet.getRange(`${toA1(part.rows.first, part.rows.columnIndex)}:${toA1(part.rows.first + part.rows.count - 1, part.rows.columnIndex + part.rows.columnCount - 1)}`)
      : sheet.getUsedRangeOrNullObject(true);
    range.load(caps.formatCategories ? `${RANGE_PROPERTIES},numberFormatCategories` : RANGE_PROPERTIES);
    // A split sheet's current size: if it grew since the inspection, the parts miss its new rows.
    const size = part.rows && part.rows.first === inspection.sheets.find((s) => s.name === part.sheet)?.used?.rowIndex
      ? sheet.getUsedRangeOrNullObject(true).load('rowCount,columnCount')
      : null;
    const areas = caps.merges && !part.rows && part.cells > 0 ? range.getMergedAreasOrNullObject() : null;
    areas?.load('areas/items/address');
    return { part, range, size, areas };
  });
  await context.sync();
  if (first) {
    const names = worksheets.items.map((s) => s.name);
    const known = inspection.sheets.map((s) => s.name);
    if (names.length !== known.length || names.some((n, i) => n !== known[i])) return 'changed';
  }
  for (const { part, range, size, areas } of loaded) {
    if (size) {
      const used = inspection.sheets.find((s) => s.name === part.sheet)?.used;
      if (!size.isNullObject && used && (size.rowCount !== used.rowCount || size.columnCount !== used.columnCount)) return 'changed';
    }
    if (range.isNullObject) continue;
    const data: Omit<RangeData, 'name'> = {
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      values: range.values,
      formulas: range.formulas,
      numberFormat: range.numberFormat,
      valueTypes: range.valueTypes as string[][],
      numberFormatCategories: caps.formatCategories ? (range.numberFormatCategories as string[][]) : undefined,
    };
    addRange(reading.rows.get(part.sheet) ?? [], data);
    reading.raw.get(part.sheet)?.push({ rowIndex: data.rowIndex, columnIndex: data.columnIndex, formulas: data.formulas });
    reading.cells += data.values.length * (data.values[0]?.length ?? 0);
    reading.bytes += responseBytes([data.values, data.formulas, data.numberFormat, data.valueTypes, data.numberFormatCategories ?? []]);
    if (areas && !areas.isNullObject) reading.merges.set(part.sheet, areas.areas.items.map((a) => a.address));
  }
  return 'read';
}

/** The `formulas` entry Excel gave for a cell at analysis time ('' for an empty cell). */
export function rawAt(raw: Map<string, RawCells[]>, sheet: string, row: number, col: number): unknown {
  for (const part of raw.get(sheet) ?? []) {
    const r = row - part.rowIndex;
    const c = col - part.columnIndex;
    if (r >= 0 && c >= 0 && r < part.formulas.length && c < (part.formulas[r]?.length ?? 0)) return part.formulas[r][c];
  }
  return '';
}
