import { cellAt, isBlank, type Grid, type Sheet } from '../grid';
import { Money } from '../money';
import type { Unit } from '../numbers';
import { roleFromLabel, sideFromLabel, hasChildMarker, soundsLikeBudget, type RowRole, type Side } from '../labels';
import type { BudgetTable, TableColumn, TableRow } from '../model';
import { findHeaderRows, type HeaderRow } from './headerRows';
import { isBlankRow, joinWrappedLabels, readRow, type RawRow } from './body';
import { detectUnit, numberFormatsOf, rowTexts } from './unit';
import { findTitle } from './title';
import { inferStructure } from './structure';
import { inferCarry } from './carry';

/** Differences of at most one unit of the table are rounding (one tenth for mkr). */
export function toleranceFor(unit: Unit): Money {
  return new Money(unit === 'mkr' ? '0.1' : '1');
}

export function recognizeTables(grid: Grid): BudgetTable[] {
  return grid.sheets.flatMap(recognizeSheet);
}

export function recognizeSheet(sheet: Sheet): BudgetTable[] {
  const headers = findHeaderRows(sheet);
  const tables: BudgetTable[] = [];
  let consumedUntil = -1;
  headers.forEach((header, i) => {
    if (header.row <= consumedUntil) return;
    const nextHeader = headers[i + 1]?.row ?? sheet.rows.length;
    const table = recognizeAt(sheet, header, nextHeader);
    if (!table) return;
    tables.push(table);
    consumedUntil = table.range.bottom;
  });
  return tables;
}

const MAX_BLANK_ROWS = 2;

function bodyEnd(sheet: Sheet, header: HeaderRow, limit: number, rightCol: number): number {
  let last = header.row;
  let blanks = 0;
  for (let row = header.row + 1; row < limit; row++) {
    if (isBlankRow(sheet, row, 0, rightCol)) {
      if (++blanks >= MAX_BLANK_ROWS) break;
      continue;
    }
    blanks = 0;
    last = row;
  }
  return last;
}

/**
 * The label column is the column left of the years with the most text below
 * the header. A header whose first "year" sits over a column of labels
 * (`Budget 2024` as a caption above the labels) gives that column back.
 */
function chooseLabelColumn(sheet: Sheet, years: HeaderRow['years'], top: number, bottom: number): { labelCol: number; years: HeaderRow['years'] } | null {
  const textCount = (col: number): number => {
    let n = 0;
    for (let row = top; row <= bottom; row++) {
      const v = cellAt(sheet, row, col)?.value;
      if (typeof v === 'string' && v.trim() !== '' && !/^[\d\s.,()\-−]+$/.test(v.trim())) n++;
    }
    return n;
  };
  const first = years[0].col;
  let best = -1;
  for (let col = 0; col < first; col++) if (textCount(col) > 0 && (best < 0 || textCount(col) > textCount(best))) best = col;
  if (best < 0 && years.length > 2 && textCount(first) > (bottom - top + 1) / 2) return { labelCol: first, years: years.slice(1) };
  return best < 0 ? null : { labelCol: best, years };
}

function recognizeAt(sheet: Sheet, header: HeaderRow, limit: number): BudgetTable | null {
  const rightCol = header.years[header.years.length - 1].col;
  const bottom = bodyEnd(sheet, header, limit, rightCol);
  if (bottom <= header.row) return null;
  const chosen = chooseLabelColumn(sheet, header.years, header.row + 1, bottom);
  if (!chosen) return null;
  const { labelCol, years } = chosen;
  const columns: TableColumn[] = years.map((y) => ({ col: y.col, header: y.header.header, year: y.header.year, kind: y.header.kind }));
  const valueCols = columns.map((c) => c.col);
  const raw: RawRow[] = [];
  for (let row = header.row + 1; row <= bottom; row++) raw.push(readRow(sheet, row, labelCol, valueCols));
  const joined = joinWrappedLabels(raw.filter((r) => r.kind !== 'empty'));
  const notes: string[] = [];
  while (joined.length > 0 && joined[joined.length - 1].kind === 'heading') notes.unshift(joined.pop()!.label);
  const dataRows = joined.filter((r) => r.kind === 'data');
  if (dataRows.length < 2) return null;
  const headerLabel = cellAt(sheet, header.row, labelCol);
  const headerLabelText = headerLabel && !isBlank(headerLabel) && typeof headerLabel.value === 'string' ? headerLabel.value : '';
  const title = findTitle(sheet, header.row, labelCol, rightCol);
  const unitRow = joined.find((r) => r.kind === 'unit')?.unit;
  const { unit, source } = detectUnit({
    unitRow,
    headerTexts: [headerLabelText, ...years.map((y) => y.header.header)],
    titleTexts: title ? [title.text] : [],
    noteTexts: [...notes, ...belowTable(sheet, bottom, rightCol)],
    labels: joined.map((r) => r.label),
    numberFormats: numberFormatsOf(dataRows),
    values: dataRows.flatMap((r) => r.values.filter((v): v is Money => v !== null)),
  });
  const explicitUnit = source !== 'magnitude';
  const budgetWords = joined.some((r) => soundsLikeBudget(r.label)) || years.some((y) => typeof sheet.rows[header.row]?.[y.col]?.value === 'string');
  if (!explicitUnit && !budgetWords) return null;
  const rows = toTableRows(joined, headerLabelText, unit, columns);
  return {
    sheet: sheet.name,
    range: { top: header.row, left: labelCol, bottom: joined[joined.length - 1].row, right: rightCol },
    headerRow: header.row,
    labelCol,
    title,
    unit,
    unitSource: source,
    columns,
    ...rows,
  };
}

function belowTable(sheet: Sheet, bottom: number, rightCol: number): string[] {
  return [1, 2, 3].flatMap((d) => rowTexts(sheet, bottom + d, 0, rightCol));
}

function toTableRows(joined: RawRow[], sectionLabel: string, unit: Unit, columns: TableColumn[]): Pick<BudgetTable, 'rows' | 'relations' | 'carry'> {
  let section: Side = sideFromLabel(sectionLabel);
  const prepared = joined.map((r) => {
    const role: RowRole = r.kind === 'data' ? roleFromLabel(r.label) : 'group';
    if (role === 'group' && sideFromLabel(r.label) !== 'unknown') section = sideFromLabel(r.label);
    const own = sideFromLabel(r.label);
    return { raw: r, role, side: own !== 'unknown' ? own : section };
  });
  const tolerance = toleranceFor(unit);
  const structureRows = prepared.map((p) => ({ label: p.raw.label, role: p.role, side: p.side, values: p.raw.values, childMarker: hasChildMarker(p.raw.label) }));
  const { roles, relations } = inferStructure(structureRows, tolerance);
  const rows: TableRow[] = prepared.map((p, i) => ({
    row: p.raw.row,
    label: p.raw.label,
    role: roles[i],
    values: p.raw.values,
    cells: p.raw.cells,
    textNumbers: p.raw.textNumbers,
  }));
  const carry = inferCarry(structureRows, roles, relations, columns, tolerance);
  return { rows, relations, carry };
}
