import type ExcelJS from 'exceljs';
import { toA1 } from '../core/address';
import type { Analysis } from '../core/analyze';
import type { CellFix } from '../core/fixes';
import { findingMessage } from '../core/messages';

const SEVERITY_WORD = { error: 'Fel', warning: 'Varning', info: 'Info' } as const;

/** A sheet name Excel accepts that the user's book does not already use. */
export function freeSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  let name = wanted;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${wanted} (${n})`;
  return name;
}

const link = (sheet: string, row: number, col: number) => ({ text: toA1(row, col), hyperlink: `#'${sheet.replace(/'/g, "''")}'!${toA1(row, col)}` });

/** The `Budgetkoll` sheet: the findings with links to their cells, the cells the fix changed, and equity per year. */
export function addCheckSheet(workbook: ExcelJS.Workbook, analysis: Analysis, fixes: CellFix[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(freeSheetName(workbook, 'Budgetkoll'));
  sheet.columns = [{ width: 11 }, { width: 18 }, { width: 8 }, { width: 30 }, { width: 7 }, { width: 14 }, { width: 14 }, { width: 90 }];
  sheet.addRow(['Budgetkoll – kontroll av budgeten']).font = { bold: true, size: 14 };
  sheet.addRow([`${analysis.tables.length} tabell(er), ${fixes.length} cell(er) rättade med formler.`]);
  sheet.addRow([]);
  sheet.addRow(['Allvarlighet', 'Blad', 'Cell', 'Rad', 'År', 'Angivet', 'Beräknat', 'Meddelande']).font = { bold: true };
  for (const { table, findings } of analysis.tables) {
    for (const f of findings) {
      const row = sheet.addRow([SEVERITY_WORD[f.severity], table.sheet, null, f.rowLabel ?? '', f.year ?? '', f.stated?.toNumber() ?? '', f.expected?.toNumber() ?? '', findingMessage(f, table.unit)]);
      row.getCell(3).value = link(f.at.sheet, f.at.row, f.at.col);
    }
  }
  sheet.addRow([]);
  sheet.addRow(['Rättade celler']).font = { bold: true };
  sheet.addRow(['', 'Blad', 'Cell', 'Tidigare', '', 'Nu', '', 'Formel']).font = { bold: true };
  for (const fix of fixes) {
    const row = sheet.addRow(['', fix.at.sheet, null, fix.before.formula ? `=${fix.before.formula}` : fix.before.value?.toNumber() ?? '', '', fix.value.toNumber(), '', `=${fix.formula}`]);
    row.getCell(3).value = link(fix.at.sheet, fix.at.row, fix.at.col);
  }
  for (const { table, equity } of analysis.tables.filter((t) => t.equity.length > 0)) {
    sheet.addRow([]);
    sheet.addRow([`Eget kapital (${table.unit}), ${table.sheet}`]).font = { bold: true };
    sheet.addRow(['År', 'Ingående', 'Intäkter', 'Kostnader', '', 'Utgående', 'Riktvärde', 'Över riktvärdet']).font = { bold: true };
    for (const e of equity) {
      sheet.addRow([e.year, e.opening.toNumber(), e.income.toNumber(), e.costs.toNumber(), '', e.closing.toNumber(), e.limit?.toNumber() ?? '', e.excess?.toNumber() ?? '']);
    }
  }
  return sheet;
}
