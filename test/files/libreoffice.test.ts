import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toA1 } from '../../src/core/address';
import { fixWorkbookBytes } from '../../src/files/fixWorkbook';
import { recalculatedSheets, requireLibreOffice } from '../helpers/libreoffice';
import { SEEDS_DIR } from '../helpers/seeds';

// A second, independent spreadsheet engine recalculates the formulas the fix
// wrote: proof that the formulas are right, not just their cached values.
jest.setTimeout(180_000);

const cellOf = (rows: string[][], ref: { row: number; col: number }) => rows[ref.row]?.[ref.col] ?? '';

describe('LibreOffice recalculates the corrected workbook', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-lo-test-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each(['seed-001-lund-antagen.xlsx', 'seed-002-bksv.xlsx', 'seed-004-sodra-lappland.xlsx', 'seed-000-lund-prel-formulas.xlsx'])('%s: every formula the fix wrote computes the engine\'s value', async (file) => {
    if (!requireLibreOffice('omräkning av den rättade arbetsboken')) return;
    const result = await fixWorkbookBytes(new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, file))), file);
    if (!result.ok) throw new Error(result.reason);
    // Blank every cached result, so that only LibreOffice's own calculation can put the numbers back.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.bytes as unknown as ArrayBuffer);
    for (const fix of result.fixes) {
      const cell = book.getWorksheet(fix.at.sheet)!.getCell(fix.at.row + 1, fix.at.col + 1);
      cell.value = { formula: fix.formula, result: 0 } as ExcelJS.CellFormulaValue;
    }
    const target = path.join(tmp, file.replace('.xlsx', '-rattad.xlsx'));
    fs.writeFileSync(target, new Uint8Array(await book.xlsx.writeBuffer()));
    const sheets = await recalculatedSheets(target);
    expect(result.fixes.length).toBeGreaterThan(0);
    for (const fix of result.fixes) {
      const rows = sheets.get(fix.at.sheet);
      expect(rows).toBeDefined();
      expect([toA1(fix.at.row, fix.at.col), Number(cellOf(rows!, fix.at))]).toEqual([toA1(fix.at.row, fix.at.col), fix.value.toNumber()]);
    }
    expect([...sheets.keys()]).toContain('Budgetkoll');
  });
});
