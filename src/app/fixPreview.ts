import { rangeToA1, toA1 } from '../core/address';
import type { Analysis } from '../core/analyze';
import type { CellFix } from '../core/fixes';
import { formatSwedish } from '../core/format';
import { stripChildMarker } from '../core/labels';
import { localFormula } from '../core/localFormula';
import type { Language } from '../core/messages';
import type { BudgetTable } from '../core/model';
import type { Unit } from '../core/numbers';

// What "Rätta summor" will do, shaped for the Excel pane's preview: per table, one row per cell,
// named as the economist names it (`Summa intäkter 2024`, cell `C10`), the value now and after in
// Swedish format, and the formula as their Excel will show it. The cells whose value changes come
// first (wrong totals and what follows from them); the typed totals that only become formulas, with
// the value they have, after them.

/** Keeps a number on one line: `12 930`. */
const NBSP = '\u00a0';

export interface FixPreviewCell {
  /** `C10`: the sheet is the table's. */
  cell: string;
  /** The row's label and the column's year: `Summa intäkter 2024`. */
  what: string;
  /** The value now, in Swedish format (`12 930`), or `tom` for an empty cell. */
  before: string;
  /** The value the formula computes, in Swedish format. */
  after: string;
  /** Whether the cell will show another value than now (an empty cell always does). */
  changesValue: boolean;
  /** After minus now with its sign (`+40`, `−102`); null when the value stays or the cell is empty. */
  difference: string | null;
  /** The formula written, as Excel shows it in the pane's language: `=SUMMA(C5:C9)`. */
  formula: string;
  /** The formula the cell held, which the new one replaces; null for a typed number or an empty cell. */
  replaces: string | null;
}

export interface FixPreviewTable {
  /** The table's title, or its sheet's name. */
  heading: string;
  sheet: string;
  /** `A3:E36` */
  range: string;
  /** The table's unit; null for cells outside every table. */
  unit: Unit | null;
  /** Cells whose value changes, in reading order. */
  changed: FixPreviewCell[];
  /** Cells that keep their value and become a formula, in reading order. */
  sameValue: FixPreviewCell[];
}

export interface FixPreview {
  /** Every cell the fix writes. */
  cells: number;
  /** The tables in the workbook's order, each with at least one cell. */
  tables: FixPreviewTable[];
}

const EMPTY: Record<Language, string> = { sv: 'tom', en: 'empty' };

const swedish = (value: CellFix['value']) => formatSwedish(value, { groupSeparator: NBSP });

function previewCell(fix: CellFix, table: BudgetTable | null, language: Language): FixPreviewCell {
  const row = table?.rows.find((r) => r.row === fix.at.row);
  const column = table?.columns.find((c) => c.col === fix.at.col);
  const before = fix.before.value;
  const changesValue = before === null || !before.equals(fix.value);
  const change = before === null ? null : fix.value.minus(before);
  return {
    cell: toA1(fix.at.row, fix.at.col),
    what: [row ? stripChildMarker(row.label) : null, column?.year ?? null].filter((x) => x !== null).join(' '),
    before: before === null ? EMPTY[language] : swedish(before),
    after: swedish(fix.value),
    changesValue,
    difference: !changesValue || change === null ? null : `${change.isPositive() ? '+' : ''}${swedish(change)}`,
    formula: `=${localFormula(fix.formula, language)}`,
    replaces: fix.before.formula ? `=${localFormula(fix.before.formula, language)}` : null,
  };
}

const contains = (table: BudgetTable, fix: CellFix) =>
  table.sheet === fix.at.sheet && fix.at.row >= table.range.top && fix.at.row <= table.range.bottom && fix.at.col >= table.range.left && fix.at.col <= table.range.right;

const readingOrder = (a: CellFix, b: CellFix) => a.at.row - b.at.row || a.at.col - b.at.col;

/**
 * The preview of `fixes` (planned from `analysis`), grouped by table. A fix outside every table
 * (the plan makes none) is still shown, under its sheet's name: the preview never hides a change.
 */
export function fixPreview(analysis: Analysis, fixes: readonly CellFix[], language: Language = 'sv'): FixPreview {
  const tables = analysis.tables.map(({ table }) => table);
  const groups = new Map<BudgetTable | string, CellFix[]>();
  for (const fix of fixes) {
    const key = tables.find((t) => contains(t, fix)) ?? fix.at.sheet;
    groups.set(key, [...(groups.get(key) ?? []), fix]);
  }
  const ordered = [...tables.filter((t) => groups.has(t)), ...[...groups.keys()].filter((k): k is string => typeof k === 'string')];
  return {
    cells: fixes.length,
    tables: ordered.map((key) => {
      const table = typeof key === 'string' ? null : key;
      const cells = [...(groups.get(key) ?? [])].sort(readingOrder).map((fix) => previewCell(fix, table, language));
      return {
        heading: table ? (table.title?.text ?? table.sheet) : (key as string),
        sheet: table?.sheet ?? (key as string),
        range: table ? rangeToA1(table.range.top, table.range.left, table.range.bottom, table.range.right) : '',
        unit: table?.unit ?? null,
        changed: cells.filter((c) => c.changesValue),
        sameValue: cells.filter((c) => !c.changesValue),
      };
    }),
  };
}
