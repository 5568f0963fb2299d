import ExcelJS from 'exceljs';
import type { Cell, Grid, Sheet } from '../core/grid';
import { gridCell } from './gridCell';
import { workbookOfModel, type ParsedCell, type ParsedRow, type ParsedWorkbook, type ParsedWorksheet } from './parsedWorkbook';
import { DAMAGED, NO_WORKSHEET, toSheet } from './readXlsx';

// The Grid of exceljs's parsed model (parsedWorkbook.ts) — exactly the Grid readXlsx.ts's toSheet
// reads from the worksheets exceljs builds from that model, without building most of them.
//
// A row is read here, from its cells' models, when it is plain: its cells in column order, each
// with its own address in that row, of a type exceljs reads, without a comment, and no merged
// range over it. Those rows are read as exceljs's Row and Cell objects present them (value getters
// in lib/doc/cell.js). exceljs itself builds everything else: the workbook and its worksheets
// (names, order, columns, merges, with the errors it throws) and the rows that are not plain; toSheet
// reads those. Where a shared formula links the two kinds of rows, or anything is out of the
// ordinary, the whole workbook is built as usual.

// exceljs's cell types (lib/doc/enums.js, ValueType).
const NULL_TYPE = 0;
const HYPERLINK_TYPE = 5;
const FORMULA_TYPE = 6;
const READ_TYPES: ReadonlySet<unknown> = new Set([NULL_TYPE, 2, 3, 4, HYPERLINK_TYPE, FORMULA_TYPE, 7, 8, 9, 10]);
const MAX_COLUMN = 16384;

const ADDRESS = /^([A-Z]{1,3})([1-9][0-9]*)$/;
const RANGE = /^([A-Z]{1,3})([1-9][0-9]*):([A-Z]{1,3})([1-9][0-9]*)$/;

export type GridRead = { ok: true; grid: Grid } | { ok: false; reason: string };

/** The Grid of a parsed workbook; the reason where exceljs would fail to build the workbook. */
export function gridOfModel(model: ParsedWorkbook): GridRead {
  const plans = planSheets(model.worksheets);
  if (!plans) return gridOfWholeWorkbook(model);
  let built;
  try {
    built = workbookOfModel({ ...model, worksheets: plans.map((p) => ({ ...p.model, rows: p.built })) });
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  if (built.worksheets.length === 0) return { ok: false, reason: NO_WORKSHEET };
  // exceljs keeps one worksheet per id, the last with that id.
  const planById = new Map(plans.map((p) => [p.model.id, p]));
  return { ok: true, grid: { sheets: built.worksheets.map((ws) => withBuiltRows(planById.get(ws.id)!, toSheet(ws))) } };
}

function gridOfWholeWorkbook(model: ParsedWorkbook): GridRead {
  let workbook;
  try {
    workbook = workbookOfModel(model);
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  if (workbook.worksheets.length === 0) return { ok: false, reason: NO_WORKSHEET };
  return { ok: true, grid: { sheets: workbook.worksheets.map(toSheet) } };
}

interface SheetPlan {
  model: ParsedWorksheet;
  /** The plain rows, read (index: row number − 1), and those of them that are hidden. */
  rows: (Cell | undefined)[][];
  hiddenRows: number[];
  /** The rows exceljs builds. */
  built: ParsedRow[];
}

function planSheets(worksheets: ParsedWorksheet[]): SheetPlan[] | null {
  const plans: SheetPlan[] = [];
  for (const model of worksheets) {
    // Ids order and identify the worksheets; anything but a positive whole number is left to exceljs.
    if (typeof model.id !== 'number' || !Number.isSafeInteger(model.id) || model.id <= 0) return null;
    const plan = planSheet(model);
    if (!plan) return null;
    plans.push(plan);
  }
  return plans;
}

/** A shared-formula copy in a plain row: read once every row is classified (its first cell may come later). */
interface SharedCopy {
  cell: ParsedCell;
  cells: (Cell | undefined)[];
  column: number;
}

/**
 * exceljs's own translation of a shared formula to one of its copies — what Cell.formula gives the
 * copy — asked of a scratch worksheet holding just the two cells.
 */
class SharedFormulas {
  private scratch: ExcelJS.Worksheet | undefined;

  slide(formula: string, from: string, to: string): string {
    const sheet = (this.scratch ??= new ExcelJS.Workbook().addWorksheet('Formler'));
    const first = sheet.getCell(from);
    const copy = sheet.getCell(to);
    first.value = { formula };
    copy.value = { sharedFormula: from };
    const slid = copy.formula;
    first.value = null;
    copy.value = null;
    return slid;
  }
}

function planSheet(model: ParsedWorksheet): SheetPlan | null {
  if (!Array.isArray(model.rows)) return null;
  const merged = mergedRows(model.mergeCells);
  if (!merged) return null;
  const plan: SheetPlan = { model, rows: [], hiddenRows: [], built: [] };
  const plainRows = new Map<number, ParsedRow>();
  const builtRows = new Set<number>();
  const copies: SharedCopy[] = [];
  let previous = 0;
  for (const row of model.rows) {
    const number = row.number;
    // exceljs files rows by number; repeated or unordered numbers are left to it.
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= previous) return null;
    previous = number;
    const read = merged.has(number) ? null : readPlainRow(row, number, copies);
    if (!read) {
      plan.built.push(row);
      builtRows.add(number);
      continue;
    }
    plainRows.set(number, row);
    // exceljs visits a row only if one of its cells is not empty (Row.hasValues).
    if (!read.visited) continue;
    plan.rows[number - 1] = read.cells;
    if (row.hidden) plan.hiddenRows.push(number - 1);
  }
  if (plan.built.some((row) => Array.isArray(row.cells) && row.cells.some(isSharedCopy))) return null;
  const shared = new SharedFormulas();
  for (const copy of copies) {
    const formula = sharedFormulaOf(copy.cell, plainRows, (number) => builtRows.has(number) || merged.has(number), shared);
    if (formula === null) return null;
    const converted = gridCell(cellValue(copy.cell), numFmtOf(copy.cell), () => formula);
    if (converted) copy.cells[copy.column - 1] = converted;
  }
  return plan;
}

/** A set of row numbers given as ranges. */
interface RowSpans {
  has(row: number): boolean;
}

/** The rows under the merged ranges ('A1:C2'); null for a range written any other way. */
function mergedRows(mergeCells: unknown): RowSpans | null {
  if (mergeCells === undefined || mergeCells === null) return { has: () => false };
  if (!Array.isArray(mergeCells)) return null;
  const spans: [number, number][] = [];
  for (const range of mergeCells) {
    const m = typeof range === 'string' ? RANGE.exec(range) : null;
    if (!m) return null;
    const [a, b] = [Number(m[2]), Number(m[4])];
    spans.push([Math.min(a, b), Math.max(a, b)]);
  }
  return { has: (row) => spans.some(([top, bottom]) => top <= row && row <= bottom) };
}

const NO_FORMULA = (): undefined => undefined;

/**
 * A plain row's cells as the Grid reads them (shared-formula copies are left to `copies`), and
 * whether exceljs visits the row; null when the row is not plain.
 */
function readPlainRow(row: ParsedRow, number: number, copies: SharedCopy[]): { cells: (Cell | undefined)[]; visited: boolean } | null {
  const models = row.cells;
  if (!Array.isArray(models)) return null;
  const cells: (Cell | undefined)[] = [];
  const firstCopy = copies.length;
  let visited = false;
  let previousColumn = 0;
  for (const cell of models) {
    const column = plainColumn(cell, number);
    if (column <= previousColumn) {
      copies.length = firstCopy;
      return null;
    }
    previousColumn = column;
    if (cell.type === NULL_TYPE) continue;
    visited = true;
    if (isSharedCopy(cell)) {
      copies.push({ cell, cells, column });
      continue;
    }
    const converted = gridCell(cellValue(cell), numFmtOf(cell), NO_FORMULA);
    if (converted) cells[column - 1] = converted;
  }
  return { cells, visited };
}

const A = 65;
const Z = 90;
const ZERO = 48;
const NINE = 57;

/**
 * The column (1-based) of a plain cell: one exceljs reads by type, without a comment, whose address
 * is 1–3 capital letters and the row's own number (no leading zero). 0 for any other cell.
 */
function plainColumn(cell: ParsedCell, number: number): number {
  if (!READ_TYPES.has(cell.type) || cell.comment) return 0;
  const address = cell.address;
  if (typeof address !== 'string') return 0;
  let i = 0;
  let column = 0;
  for (; i < address.length && i < 4; i++) {
    const c = address.charCodeAt(i);
    if (c < A || c > Z) break;
    column = column * 26 + c - A + 1;
  }
  if (i === 0 || i > 3 || column > MAX_COLUMN || address.charCodeAt(i) === ZERO) return 0;
  let row = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < ZERO || c > NINE) return 0;
    row = row * 10 + c - ZERO;
  }
  return row === number ? column : 0;
}

const numFmtOf = (cell: ParsedCell): string | undefined => cell.style?.numFmt || undefined;

/** A formula cell whose `cell.formula` exceljs translates from its shared formula's first cell. */
const isSharedCopy = (cell: ParsedCell): boolean => cell.type === FORMULA_TYPE && !cell.formula && !!cell.sharedFormula;

/**
 * `cell.formula` of a shared-formula copy, as exceljs's FormulaValue gives it: the first cell's
 * formula slid to the copy, or undefined where no cell stands at that address. Null where that
 * cell is not a plain formula cell, or its row is built (rows under a merge, and rows out of the
 * ordinary, even without a model of their own): exceljs then reads the copy.
 */
function sharedFormulaOf(cell: ParsedCell, plainRows: Map<number, ParsedRow>, isBuilt: (row: number) => boolean, shared: SharedFormulas): string | undefined | null {
  const m = typeof cell.sharedFormula === 'string' ? ADDRESS.exec(cell.sharedFormula) : null;
  if (!m) return null;
  const number = Number(m[2]);
  const row = plainRows.get(number);
  if (!row) return isBuilt(number) ? null : undefined;
  const master = row.cells!.find((c) => c.address === cell.sharedFormula);
  if (!master) return undefined;
  if (master.type !== FORMULA_TYPE || typeof master.formula !== 'string' || master.formula === '') return null;
  return shared.slide(master.formula, master.address as string, cell.address as string);
}

/** The plan's rows with the rows toSheet read from the built ones (rows under merges, rows out of the ordinary). */
function withBuiltRows(plan: SheetPlan, built: Sheet): Sheet {
  const rows = plan.rows;
  built.rows.forEach((cells, index) => {
    rows[index] = cells;
  });
  const hiddenRows = [...plan.hiddenRows, ...(built.hiddenRows ?? [])].sort((a, b) => a - b);
  return { name: built.name, rows, merges: built.merges, hiddenRows };
}

/** `cell.value` of the Cell exceljs would build from this model (lib/doc/cell.js, the value classes). */
function cellValue(cell: ParsedCell): unknown {
  if (cell.type === HYPERLINK_TYPE) {
    const value: Record<string, unknown> = { text: cell.text, hyperlink: cell.hyperlink };
    if (cell.tooltip) value.tooltip = cell.tooltip;
    return value;
  }
  if (cell.type === FORMULA_TYPE) {
    // FormulaValue copies only the parts that are set (truthy): a cached result of 0 is left out.
    const value: Record<string, unknown> = {};
    for (const part of ['formula', 'result', 'ref', 'shareType', 'sharedFormula'] as const) if (cell[part]) value[part] = cell[part];
    return value;
  }
  return cell.value;
}
