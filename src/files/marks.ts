import type ExcelJS from 'exceljs';
import type { Analysis } from '../core/analyze';
import type { Severity } from '../core/findings';
import { findingMessage } from '../core/messages';

/** Fill colours a reader of any Excel knows: red for errors, yellow for warnings, blue for notes. */
export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** Every cell with a finding gets its colour and a note that says what is wrong, in Swedish. */
export function markFindings(workbook: ExcelJS.Workbook, analysis: Analysis): void {
  for (const { table, findings } of analysis.tables) {
    const sheet = workbook.getWorksheet(table.sheet);
    if (!sheet) continue;
    const notes = new Map<string, { cell: ExcelJS.Cell; lines: string[]; severity: Severity }>();
    for (const finding of findings) {
      if (finding.code === 'hardcoded-totals') continue;
      const cell = sheet.getCell(finding.at.row + 1, finding.at.col + 1);
      const entry = notes.get(cell.address) ?? { cell, lines: [], severity: finding.severity };
      entry.lines.push(findingMessage(finding, table.unit));
      if (rank(finding.severity) < rank(entry.severity)) entry.severity = finding.severity;
      notes.set(cell.address, entry);
    }
    for (const { cell, lines, severity } of notes.values()) {
      // exceljs shares one style object between cells loaded with the same format: copy it before changing.
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[severity] } } };
      const existing = typeof cell.note === 'string' ? cell.note : '';
      cell.note = [existing, `Budgetkoll: ${lines.join('\n')}`].filter(Boolean).join('\n\n');
    }
  }
}

const rank = (s: Severity) => ({ error: 0, warning: 1, info: 2 })[s];
