import type { Analysis } from './analyze';
import type { CellRef, Severity } from './findings';
import { findingMessage, type Language } from './messages';

/** Fill colours a reader of any Excel knows (RGB hex): red for errors, yellow for warnings, blue for notes. */
export const SEVERITY_FILL_RGB: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

/** What a cell with findings gets: the colour of its worst finding and a note listing them all. */
export interface CellMark {
  at: CellRef;
  severity: Severity;
  /** One Swedish sentence per finding in the cell. */
  lines: string[];
}

const rank = (s: Severity) => ({ error: 0, warning: 1, info: 2 })[s];

/** The note's text as Budgetkoll writes it: recognisable, so a reader knows where it came from. */
export const markNoteText = (mark: CellMark): string => `Budgetkoll: ${mark.lines.join('\n')}`;

/**
 * What the user is told of cells that have a threaded comment: Excel allows no note beside one, so
 * they were marked with the fill alone (the Excel pane and the corrected copy alike). `cells` are
 * as the user reads them (C12, or Budget!C12).
 */
export function fillOnlyText(cells: readonly string[], language: Language = 'sv'): string {
  if (cells.length === 0) return '';
  const one = cells.length === 1;
  return language === 'sv'
    ? `${cells.join(', ')} ${one ? 'har en kommentar och fick' : 'har kommentarer och fick'} bara färg: Excel tillåter inte både kommentar och anteckning i samma cell. Fynden står på kontrollbladet.`
    : `${cells.join(', ')} ${one ? 'has a comment and got' : 'have comments and got'} colour only: Excel does not allow both a comment and a note in one cell. The findings are on the check sheet.`;
}

/**
 * One mark per cell with findings, in the engine's order. `hardcoded-totals` is a note about the
 * whole table (it stands on the table's first cell) and is listed on the check sheet instead.
 */
export function cellMarks(analysis: Analysis): CellMark[] {
  const marks = new Map<string, CellMark>();
  for (const { table, findings } of analysis.tables) {
    for (const finding of findings) {
      if (finding.code === 'hardcoded-totals') continue;
      const key = `${finding.at.sheet}\u0000${finding.at.row}:${finding.at.col}`;
      const mark = marks.get(key) ?? { at: finding.at, severity: finding.severity, lines: [] };
      mark.lines.push(findingMessage(finding, table.unit));
      if (rank(finding.severity) < rank(mark.severity)) mark.severity = finding.severity;
      marks.set(key, mark);
    }
  }
  return [...marks.values()];
}
