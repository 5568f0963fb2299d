import type ExcelJS from 'exceljs';
import type { Analysis } from '../core/analyze';
import { cellMarks, markNoteText, SEVERITY_FILL_RGB } from '../core/cellMarks';

/** Every cell with a finding gets its colour and a note that says what is wrong, in Swedish. */
export function markFindings(workbook: ExcelJS.Workbook, analysis: Analysis): void {
  for (const mark of cellMarks(analysis)) {
    const sheet = workbook.getWorksheet(mark.at.sheet);
    if (!sheet) continue;
    const cell = sheet.getCell(mark.at.row + 1, mark.at.col + 1);
    // exceljs shares one style object between cells loaded with the same format: copy it before changing.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SEVERITY_FILL_RGB[mark.severity]}` } } };
    const existing = typeof cell.note === 'string' ? cell.note : '';
    const text = markNoteText(mark);
    // A book corrected before already carries the note: fixing it again adds nothing.
    if (!existing.includes(text)) cell.note = [existing, text].filter(Boolean).join('\n\n');
  }
}
