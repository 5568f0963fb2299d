import type ExcelJS from 'exceljs';
import { toA1 } from '../core/address';
import type { Analysis } from '../core/analyze';
import { CHECK_SHEET_WIDTHS, checkSheetContent, isLink, type CheckSheetBlock, type CheckSheetValue } from '../core/checkSheetContent';
import type { CellFix } from '../core/fixes';

/** A sheet name Excel accepts that the user's book does not already use. */
export function freeSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  let name = wanted;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${wanted} (${n})`;
  return name;
}

function cellValue(value: CheckSheetValue): ExcelJS.CellValue {
  if (!isLink(value)) return value;
  const { sheet, row, col } = value.link;
  return { text: toA1(row, col), hyperlink: `#'${sheet.replace(/'/g, "''")}'!${toA1(row, col)}` };
}

function addBlock(sheet: ExcelJS.Worksheet, block: CheckSheetBlock): void {
  if (block.heading) sheet.addRow([block.heading]).font = { bold: true };
  sheet.addRow(block.header).font = { bold: true };
  for (const values of block.rows) {
    const row = sheet.addRow([]);
    values.forEach((value, i) => {
      row.getCell(i + 1).value = cellValue(value);
    });
  }
}

/** The `Budgetkoll` sheet: the findings with links to their cells, the cells the fix changed, and equity per year. */
export function addCheckSheet(workbook: ExcelJS.Workbook, analysis: Analysis, fixes: CellFix[]): ExcelJS.Worksheet {
  const content = checkSheetContent(analysis, fixes);
  // The check sheet of an earlier correction is replaced, not joined by a "Budgetkoll (2)".
  const earlier = workbook.worksheets.find((ws) => ws.getCell('A1').value === content.title);
  if (earlier) workbook.removeWorksheet(earlier.id);
  const sheet = workbook.addWorksheet(earlier?.name ?? freeSheetName(workbook, 'Budgetkoll'));
  sheet.columns = CHECK_SHEET_WIDTHS.map((width) => ({ width }));
  sheet.addRow([content.title]).font = { bold: true, size: 14 };
  sheet.addRow([content.summary]);
  sheet.addRow([]);
  addBlock(sheet, content.findings);
  sheet.addRow([]);
  addBlock(sheet, content.fixes);
  for (const block of content.equity) {
    sheet.addRow([]);
    addBlock(sheet, block);
  }
  return sheet;
}
