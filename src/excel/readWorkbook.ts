/// <reference types="office-js" />
import { toA1 } from '../core/address';
import type { Grid, Sheet } from '../core/grid';
import type { ExcelCapabilities } from './excelSupport';
import { addRange, parseAddress, type RangeData } from './rangeToSheet';

// Reading the open workbook. `inspectWorkbook` learns the sheets (names, protection, used-range
// sizes) when the pane opens; `readWorkbook` then reads every sheet's used range – values,
// formulas, number formats – in ONE context.sync. Only a workbook whose cells would exceed
// Office's 5 MB response limit is read in several syncs, sheet part by sheet part, with progress.

export const SETTINGS_KEY = 'budgetkoll.settings';
export const JOURNAL_KEY = 'budgetkoll.journal';

/** Cells per sync: values, formulas, number formats and value types of 40 000 cells stay well under 5 MB. */
export const CELLS_PER_SYNC = 40_000;

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

export type ReadOutcome = { ok: true; read: WorkbookRead } | { ok: false; changed: true } | { ok: false; changed: false; reason: string };

/**
 * Cells of the used ranges (empty ones inside them included) Budgetkoll reads at most: twice the
 * command's limit of filled cells, since a used range is a rectangle. Past it the pane says so
 * rather than keep Excel busy for minutes.
 */
export const MAX_USED_CELLS = 2_000_000;

const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

const settingValue = (item: Excel.Setting): string | null => (item.isNullObject || typeof item.value !== 'string' ? null : item.value);

/** Two small syncs: the sheets and stored settings, then each sheet's used-range size. */
export async function inspectWorkbook(context: Excel.RequestContext, caps: ExcelCapabilities): Promise<Inspection> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name,items/protection/protected');
  if (caps.write.ok) context.workbook.load('readOnly');
  const settings = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  const journal = context.workbook.settings.getItemOrNullObject(JOURNAL_KEY);
  settings.load('value');
  journal.load('value');
  await context.sync();
  const used = worksheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
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
  };
}

interface Part {
  sheet: string;
  /** Null: the sheet's whole used range, as it is at the time of the sync. */
  rows: { first: number; count: number; columnIndex: number; columnCount: number } | null;
  cells: number;
}

/** The parts to read, packed into syncs of at most `budget` cells; a big sheet is split by rows. */
export function planReads(sheets: readonly SheetInfo[], budget: number): Part[][] {
  const batches: Part[][] = [[]];
  let room = budget;
  const put = (part: Part) => {
    if (part.cells > room && batches[batches.length - 1].length > 0) {
      batches.push([]);
      room = budget;
    }
    batches[batches.length - 1].push(part);
    room -= part.cells;
  };
  for (const sheet of sheets) {
    const cells = sheet.used ? sheet.used.rowCount * sheet.used.columnCount : 0;
    if (cells <= budget || !sheet.used) {
      put({ sheet: sheet.name, rows: null, cells });
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = sheet.used;
    const rowsPerPart = Math.max(1, Math.floor(budget / columnCount));
    for (let first = rowIndex; first < rowIndex + rowCount; first += rowsPerPart) {
      const count = Math.min(rowsPerPart, rowIndex + rowCount - first);
      put({ sheet: sheet.name, rows: { first, count, columnIndex, columnCount }, cells: count * columnCount });
    }
  }
  return batches;
}

const RANGE_PROPERTIES = 'address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes';

function isPayloadTooLarge(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Every sheet's cells as the engine's Grid. `changed` when the sheets are no longer those the
 * inspection found (added, removed, renamed, or a split sheet grew): inspect again, then read.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  inspection: Inspection,
  caps: ExcelCapabilities,
  onProgress: (done: number, total: number) => void = () => undefined,
  budget = CELLS_PER_SYNC,
  maxCells = MAX_USED_CELLS,
): Promise<ReadOutcome> {
  const batches = planReads(inspection.sheets, budget);
  const total = batches.reduce((n, b) => n + b.reduce((m, p) => m + p.cells, 0), 0);
  if (total > maxCells) {
    return {
      ok: false,
      changed: false,
      reason: `arbetsbokens blad omfattar ${spaced(total)} celler, fler än Budgetkoll läser (${spaced(maxCells)}) – kopiera budgetbladet till en egen arbetsbok och analysera den`,
    };
  }
  const rows = new Map<string, Sheet['rows']>(inspection.sheets.map((s) => [s.name, []]));
  const merges = new Map<string, string[]>();
  const raw = new Map<string, RawCells[]>(inspection.sheets.map((s) => [s.name, []]));
  let done = 0;
  let syncs = 0;
  for (const [b, batch] of batches.entries()) {
    const worksheets = context.workbook.worksheets;
    if (b === 0) worksheets.load('items/name');
    const loaded = batch.map((part) => {
      const sheet = worksheets.getItem(part.sheet);
      // By its A1 address (ExcelApi 1.1): getRangeByIndexes is 1.7, and analysis runs from 1.4.
      const range = part.rows
        ? sheet.getRange(`${toA1(part.rows.first, part.rows.columnIndex)}:${toA1(part.rows.first + part.rows.count - 1, part.rows.columnIndex + part.rows.columnCount - 1)}`)
        : sheet.getUsedRangeOrNullObject(true);
      range.load(RANGE_PROPERTIES);
      // A split sheet's current size: if it grew since the inspection, the parts miss its new rows.
      const size = part.rows && part.rows.first === inspection.sheets.find((s) => s.name === part.sheet)?.used?.rowIndex
        ? sheet.getUsedRangeOrNullObject(true).load('rowCount,columnCount')
        : null;
      const areas = caps.merges && !part.rows && part.cells > 0 ? range.getMergedAreasOrNullObject() : null;
      areas?.load('areas/items/address');
      return { part, range, size, areas };
    });
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && budget > 1000) return readWorkbook(context, inspection, caps, onProgress, Math.floor(budget / 4), maxCells);
      throw error;
    }
    syncs++;
    if (b === 0) {
      const names = worksheets.items.map((s) => s.name);
      const known = inspection.sheets.map((s) => s.name);
      if (names.length !== known.length || names.some((n, i) => n !== known[i])) return { ok: false, changed: true };
    }
    for (const { part, range, size, areas } of loaded) {
      if (size) {
        const used = inspection.sheets.find((s) => s.name === part.sheet)?.used;
        if (!size.isNullObject && used && (size.rowCount !== used.rowCount || size.columnCount !== used.columnCount)) return { ok: false, changed: true };
      }
      if (range.isNullObject) continue;
      const data: Omit<RangeData, 'name'> = {
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        valueTypes: range.valueTypes as string[][],
      };
      addRange(rows.get(part.sheet) ?? [], data);
      raw.get(part.sheet)?.push({ rowIndex: data.rowIndex, columnIndex: data.columnIndex, formulas: data.formulas });
      if (areas && !areas.isNullObject) merges.set(part.sheet, areas.areas.items.map((a) => a.address));
      done += part.cells;
    }
    onProgress(done, total);
  }
  const grid: Grid = {
    sheets: inspection.sheets.map((s) => ({
      name: s.name,
      rows: rows.get(s.name) ?? [],
      merges: (merges.get(s.name) ?? []).map(parseAddress).filter((r) => r !== null),
    })),
  };
  return { ok: true, read: { grid, raw, syncs } };
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
