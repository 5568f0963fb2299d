import { toA1 } from '../core/address';
import { markNoteText, SEVERITY_FILL_RGB, type CellMark } from '../core/cellMarks';
import type { CellFix } from '../core/fixes';

// What Budgetkoll writes into the open workbook, as plain data, and the journal that lets
// "Ångra Budgetkolls ändringar" put back exactly that. Pure: the Office.js half is write.ts.

export interface CellTarget {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
}

/** One cell's change: any of a new formula, a fill, a note Budgetkoll adds. */
export interface CellChange {
  at: CellTarget;
  /** The new `formulas` entry, '=SUM(C5:C9)'. */
  formula?: string;
  /** '#FFC7CE' */
  fill?: string;
  /** Budgetkoll's note text (after a note the cell already has). */
  note?: string;
}

export interface FillState {
  color: string;
  /** Excel.FillPattern: 'None' for no fill. */
  pattern: string;
}

/** The aspects of a cell Budgetkoll may change, as they were or became. */
export interface CellAspects {
  formula?: unknown;
  /** Whether a text constant must be written back as text (Excel would read '1 842' as a number). */
  text?: boolean;
  /**
   * The number format, where Budgetkoll changes it: a formula written into a cell formatted as
   * Text ('@') stays text, so such a cell is made 'General' first (and '@' again on undo).
   */
  numberFormat?: string;
  fill?: FillState;
  /** The note's text; null: no note. */
  note?: string | null;
}

export interface JournalEntry {
  at: CellTarget;
  before: CellAspects;
  after: CellAspects;
}

export type StepKind = 'marks' | 'fixes' | 'check-sheet' | 'comparison-sheet';

export interface JournalStep {
  kind: StepKind;
  madeAt: string;
  entries: JournalEntry[];
  /**
   * The ids of the sheets the entries name, by the names they had then: a sheet renamed since is
   * found by its id. (Journals written before ids were recorded have none; then the name serves.)
   */
  sheetIds?: Record<string, string>;
  /** The sheet the step added (the check sheet, the comparison sheet). */
  addedSheet?: string;
}

export interface Journal {
  version: 1;
  steps: JournalStep[];
}

export const emptyJournal = (): Journal => ({ version: 1, steps: [] });

export function parseJournal(text: string | null): Journal {
  if (!text) return emptyJournal();
  try {
    const data = JSON.parse(text) as Partial<Journal>;
    return data && data.version === 1 && Array.isArray(data.steps) ? (data as Journal) : emptyJournal();
  } catch {
    return emptyJournal();
  }
}

export const cellKey = (at: CellTarget) => `${at.sheet}\u0000${at.row}:${at.col}`;

/** `'Budget 2024'!C10`, as Office.js takes a cell address across sheets. */
export function qualifiedAddress(at: CellTarget): string {
  return `'${at.sheet.replace(/'/g, "''")}'!${toA1(at.row, at.col)}`;
}

/** The planned marks (src/app/corrections.ts) as fills and notes; a cell already marked the same way is left alone by the writer. */
export function markChanges(marks: readonly CellMark[]): CellChange[] {
  return marks.map((mark) => ({
    at: mark.at,
    fill: `#${SEVERITY_FILL_RGB[mark.severity]}`,
    note: markNoteText(mark),
  }));
}

/** The planned fixes as formulas: wrong and typed totals over their parts, carry-over links as references. */
export function fixChanges(fixes: readonly CellFix[]): CellChange[] {
  return fixes.map((fix) => ({ at: fix.at, formula: `=${fix.formula}` }));
}

/** Formulas compare as Excel may give them back: case and spaces aside. */
export function sameFormula(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && a.startsWith('=') && b.startsWith('=')) {
    return a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
  }
  return a === b;
}

export const sameFill = (a: FillState | undefined, b: FillState | undefined): boolean =>
  !!a && !!b && (a.pattern === 'None' ? b.pattern === 'None' : a.color.toUpperCase() === b.color.toUpperCase() && b.pattern !== 'None');

const normalizeNote = (note: string | null | undefined) => (note ?? null)?.replace(/\r\n?/g, '\n') ?? null;
export const sameNote = (a: string | null | undefined, b: string | null | undefined) => normalizeNote(a) === normalizeNote(b);

/** Text Excel would read as something else when written back (a number, a date, a formula, TRUE). */
export function needsTextPrefix(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[=+\-−@]/.test(t)) return true;
  if (/^(true|false|sant|falskt)$/i.test(t)) return true;
  if (/^\(?[\d\s\u00a0.,]+\)?\s*%?$/.test(t)) return true;
  return /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t);
}

/** Excel's number format for Text: whatever is typed into such a cell stays text. */
export const TEXT_FORMAT = '@';

/**
 * The `formulas` entry that writes a cell's earlier content back exactly: a text Excel would
 * read as something else gets an apostrophe, unless the cell is formatted as Text again first
 * (then the text is taken as it is, and an apostrophe would be left as a quote prefix).
 */
export function restoreEntry(before: CellAspects): unknown {
  const value = before.formula ?? '';
  return before.text && before.numberFormat !== TEXT_FORMAT && typeof value === 'string' && needsTextPrefix(value) ? `'${value}` : value;
}
