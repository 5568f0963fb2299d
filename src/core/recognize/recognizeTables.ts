import { cellAt, isBlank, type Grid, type Sheet } from '../grid';
import { magnitudeReaches } from '../amount';
import type { Unit } from '../numbers';
import type { RowRole, Side } from '../labels';
import { LabelFacts } from './labelFacts';
import type { BudgetTable, TableColumn, TableRow } from '../model';
import { findHeaderRows, type HeaderRow } from './headerRows';
import { isBlankRow, joinWrappedLabels, readRow, type RawRow } from './body';
import { detectUnit, numberFormatsOf, rowTexts } from './unit';
import { findTitle } from './title';
import { inferStructure, type StructureRow } from './structure';
import { inferCarry } from '../rules/carryOver';
import { roundingTolerance } from '../rules/roundingTolerance';
import { isBudgetTable } from '../rules/budgetTable';

export function recognizeTables(grid: Grid): BudgetTable[] {
  const labels = new LabelFacts();
  return grid.sheets.flatMap((sheet) => recognizeSheet(sheet, labels));
}

export function recognizeSheet(sheet: Sheet, labels: LabelFacts = new LabelFacts()): BudgetTable[] {
  const headers = findHeaderRows(sheet);
  const tables: BudgetTable[] = [];
  headers.forEach((header, i) => {
    const firstYear = header.years[0].col;
    const lastYear = header.years[header.years.length - 1].col;
    // A header within a table found above is part of it; one beside it starts a table of its own.
    if (tables.some((t) => header.row <= t.range.bottom && firstYear <= t.range.right && lastYear >= t.range.left)) return;
    // The body ends at the next header below that is not wholly right of this one's years.
    const nextHeader = headers.find((h, j) => j > i && h.row > header.row && h.years[0].col <= lastYear)?.row ?? sheet.rows.length;
    const table = recognizeAt(sheet, header, nextHeader, labels);
    if (table) tables.push(table);
  });
  return tables;
}

const MAX_BLANK_ROWS = 2;

function bodyEnd(sheet: Sheet, header: HeaderRow, limit: number, rightCol: number): number {
  let last = header.row;
  let blanks = 0;
  for (let row = header.row + 1; row < limit; row++) {
    if (isBlankRow(sheet, row, header.firstLabelCol, rightCol)) {
      if (++blanks >= MAX_BLANK_ROWS) break;
      continue;
    }
    blanks = 0;
    last = row;
  }
  return last;
}

// Regular expressions without the g flag keep no state: one object serves every test.
const NUMBER_LIKE = /^[\d\s.,()\-−]+$/;

/**
 * The label column is the column left of the years with the most text below
 * the header. A header whose first "year" sits over a column of labels
 * (`Budget 2024` as a caption above the labels) gives that column back.
 */
function chooseLabelColumn(sheet: Sheet, years: HeaderRow['years'], firstCol: number, top: number, bottom: number): { labelCol: number; years: HeaderRow['years'] } | null {
  const counted = new Map<number, number>();
  const textCount = (col: number): number => {
    const known = counted.get(col);
    if (known !== undefined) return known;
    let n = 0;
    for (let row = top; row <= bottom; row++) {
      const v = cellAt(sheet, row, col)?.value;
      if (typeof v !== 'string') continue;
      const text = v.trim();
      if (text !== '' && !NUMBER_LIKE.test(text)) n++;
    }
    counted.set(col, n);
    return n;
  };
  const first = years[0].col;
  let best = -1;
  for (let col = firstCol; col < first; col++) if (textCount(col) > 0 && (best < 0 || textCount(col) > textCount(best))) best = col;
  if (best < 0 && years.length > 2 && textCount(first) > (bottom - top + 1) / 2) return { labelCol: first, years: years.slice(1) };
  return best < 0 ? null : { labelCol: best, years };
}

function recognizeAt(sheet: Sheet, header: HeaderRow, limit: number, labels: LabelFacts): BudgetTable | null {
  const rightCol = header.years[header.years.length - 1].col;
  const bottom = bodyEnd(sheet, header, limit, rightCol);
  if (bottom <= header.row) return null;
  const chosen = chooseLabelColumn(sheet, header.years, header.firstLabelCol, header.row + 1, bottom);
  if (!chosen) return null;
  const { labelCol, years } = chosen;
  const columns: TableColumn[] = years.map((y) => ({ col: y.col, header: y.header.header, year: y.header.year, kind: y.header.kind }));
  const valueCols = columns.map((c) => c.col);
  const raw: RawRow[] = [];
  for (let row = header.row + 1; row <= bottom; row++) raw.push(readRow(sheet, row, labelCol, valueCols, labels));
  const joined = joinWrappedLabels(raw.filter((r) => r.kind !== 'empty'));
  const notes: string[] = [];
  while (joined.length > 0 && joined[joined.length - 1].kind === 'heading') notes.unshift(joined.pop()!.label);
  const dataRows = joined.filter((r) => r.kind === 'data');
  if (dataRows.length < 2) return null;
  const headerLabel = cellAt(sheet, header.row, labelCol);
  const headerLabelText = headerLabel && !isBlank(headerLabel) && typeof headerLabel.value === 'string' ? headerLabel.value : '';
  const title = findTitle(sheet, header.row, labelCol, rightCol, header.firstLabelCol);
  const unitRow = joined.find((r) => r.kind === 'unit')?.unit;
  const { unit, source } = detectUnit({
    unitRow,
    headerTexts: [headerLabelText, ...years.map((y) => y.header.header)],
    titleTexts: title ? [title.text] : [],
    // Read only if the sources before them state no unit.
    get noteTexts() {
      return [...notes, ...belowTable(sheet, bottom, header.firstLabelCol, rightCol)];
    },
    get labels() {
      return joined.map((r) => r.label);
    },
    get numberFormats() {
      return numberFormatsOf(dataRows);
    },
    unitOfLabel: (label) => labels.unit(label),
    anyValueReaches: (limit) => dataRows.some((r) => r.values.some((v) => v !== null && magnitudeReaches(v, limit))),
  });
  const isBudget = isBudgetTable({
    explicitUnit: source !== 'magnitude',
    labels: dataRows.map((r) => r.label),
    soundsLikeBudget: (label) => labels.soundsLikeBudget(label),
    isCode: (label) => labels.isCode(label),
    headers: years.map((y) => y.header.header),
  });
  if (!isBudget) return null;
  const rows = toTableRows(joined, headerLabelText, unit, columns, labels);
  return {
    sheet: sheet.name,
    range: { top: header.row, left: labelCol, bottom: joined[joined.length - 1].row, right: rightCol },
    headerRow: header.row,
    labelCol,
    title,
    nameHints: nameHints(sheet, header, rightCol, headerLabelText),
    unit,
    unitSource: source,
    columns,
    ...rows,
  };
}

/** Rows above a title that may name the förbund (`Samordningsförbundet Exempel` over `Budget 2024`). */
const NAME_ROWS_ABOVE = 6;

/** The texts above the header, nearest first, and the header's own label: where a sheet names its förbund. */
function nameHints(sheet: Sheet, header: HeaderRow, rightCol: number, headerLabelText: string): string[] {
  const texts: string[] = headerLabelText.trim() === '' ? [] : [headerLabelText.trim()];
  for (let row = header.row - 1; row >= Math.max(0, header.row - NAME_ROWS_ABOVE); row--) texts.push(...rowTexts(sheet, row, header.firstLabelCol, rightCol));
  return texts;
}

function belowTable(sheet: Sheet, bottom: number, leftCol: number, rightCol: number): string[] {
  return [1, 2, 3].flatMap((d) => rowTexts(sheet, bottom + d, leftCol, rightCol));
}

function toTableRows(joined: RawRow[], sectionLabel: string, unit: Unit, columns: TableColumn[], labels: LabelFacts): Pick<BudgetTable, 'rows' | 'relations' | 'carry'> {
  let section: Side = labels.side(sectionLabel);
  const structureRows: StructureRow[] = joined.map((r) => {
    const facts = labels.ofRow(r.label);
    const role: RowRole = r.kind === 'data' ? facts.role : 'group';
    const own = facts.side;
    if (role === 'group' && own !== 'unknown') section = own;
    const line = role === 'line';
    return {
      label: r.label, role, side: own !== 'unknown' ? own : section, values: r.values, childMarker: facts.childMarker, hasErrors: r.hasErrors,
      subtotalNoun: line && facts.subtotalNoun, onePayer: line && facts.onePayer,
    };
  });
  const tolerance = roundingTolerance(unit);
  const { roles, relations } = inferStructure(structureRows, tolerance);
  const rows: TableRow[] = joined.map((r, i) => ({
    row: r.row,
    label: r.label,
    role: roles[i],
    values: r.values,
    cells: r.cells,
    textNumbers: r.textNumbers,
    hasErrors: r.hasErrors,
  }));
  const carry = inferCarry(structureRows, roles, relations, columns, tolerance);
  return { rows, relations, carry };
}
