import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import { fixWorkbookBytes } from '../../src/files/fixWorkbook';
import { readWorkbookBytes } from '../../src/files/readXlsx';
import { SEEDS_DIR, SEED_SLUGS } from '../helpers/seeds';

const REPAIRED = ['sum-mismatch', 'consequence', 'formula-omits-line', 'rounding', 'carry-over-break'];

async function fixSeed(file: string) {
  const data = new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, file)));
  const result = await fixWorkbookBytes(data, file);
  if (!result.ok) throw new Error(result.reason);
  return { data, result };
}

describe.each(SEED_SLUGS.flatMap((s) => [`${s}.xlsx`, `${s}-formulas.xlsx`]))('the corrected copy of %s', (file) => {
  it('checks clean again: no wrong total, no consequence, no rounding, no formula that omits a line', async () => {
    const { result } = await fixSeed(file);
    const reread = await readWorkbookBytes(result.bytes, file);
    if (!reread.ok) throw new Error(reread.reason);
    const after = analyzeGrid(reread.grid);
    expect(after.tables).toHaveLength(result.analysis.tables.length);
    expect(after.tables.flatMap((t) => t.findings).filter((f) => REPAIRED.includes(f.code))).toEqual([]);
    // Every total is a formula now: nothing typed is left to go stale.
    expect(after.tables.flatMap((t) => t.findings).filter((f) => f.code === 'hardcoded-totals')).toEqual([]);
  });

  it('keeps every other cell as the user had it, and fixing again changes nothing', async () => {
    const { data, result } = await fixSeed(file);
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(data as unknown as ArrayBuffer);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(result.bytes as unknown as ArrayBuffer);
    const fixed = new Set(result.fixes.map((f) => `${f.at.sheet}!${toA1(f.at.row, f.at.col)}`));
    before.eachSheet((sheet) => {
      const copy = after.getWorksheet(sheet.name)!;
      sheet.eachRow((row) => row.eachCell((cell) => {
        if (fixed.has(`${sheet.name}!${cell.address}`)) return;
        const now = copy.getCell(cell.address).value;
        // A formula the user had stays; only its cached result follows the fixed cells it reads.
        const comparable = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'formula' in v ? { formula: v.formula } : v);
        expect([cell.address, comparable(now)]).toEqual([cell.address, comparable(cell.value)]);
        expect(copy.getCell(cell.address).numFmt).toBe(cell.numFmt);
      }));
      expect(copy.getColumn(1).width).toBe(sheet.getColumn(1).width);
    });
    const again = await fixWorkbookBytes(result.bytes, file);
    expect(again.ok && again.fixes).toEqual([]);
  });
});

describe('what the corrected copy shows', () => {
  it('writes SUM formulas with the right cached values, marks and notes the findings, and adds the check sheet', async () => {
    const { result } = await fixSeed('seed-001-lund-antagen.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Budget 2024')!;
    expect(sheet.getCell('C10').value).toEqual({ formula: 'SUM(C5:C9)', result: 12970 });
    // Exact sums: the 1 tkr rounding of 2023 is no longer carried once every total is a formula.
    expect(sheet.getCell('C12').value).toEqual({ formula: 'SUM(C10:C11)', result: 16391 });
    expect(sheet.getCell('E34').value).toEqual({ formula: 'SUM(E15,E17,E19:E31,E33)', result: 2912 });
    expect(sheet.getCell('E36').value).toEqual({ formula: 'E12-E34', result: 5426 - 1 });
    expect(sheet.getCell('C11').value).toEqual({ formula: 'B36', result: 3421 });
    expect(sheet.getCell('C10').note).toContain('Summa intäkter 2024 är 12 930 tkr men raderna summerar till 12 970 tkr.');
    expect(sheet.getCell('C10').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    const check = book.getWorksheet('Budgetkoll')!;
    const texts: string[] = [];
    check.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('Summa intäkter 2024 är 12 930 tkr');
    const linkCell = check.getRow(5).getCell(3).value as { hyperlink: string };
    expect(linkCell.hyperlink).toMatch(/^#'Budget 2024'!/);
  });

  it('turns 004\'s equity chain into references: next year\'s eget kapital = disponera − kostnader', async () => {
    const { result } = await fixSeed('seed-004-sodra-lappland.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Budget')!;
    expect(sheet.getCell('C16').value).toEqual({ formula: 'B18-B42', result: 2096 });
    expect(sheet.getCell('B5').value).toEqual({ formula: 'SUM(B6:B14)', result: 3752 });
    expect(sheet.getCell('B42').value).toEqual({ formula: 'SUM(B19,B26,B28,B30,B36)', result: 4326 });
  });

  it('names the check sheet so that it never replaces one of the user\'s', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(path.join(SEEDS_DIR, 'seed-003-samsund.xlsx')) as unknown as ArrayBuffer);
    book.addWorksheet('Budgetkoll').getCell('A1').value = 'Mina anteckningar';
    const result = await fixWorkbookBytes(new Uint8Array(await book.xlsx.writeBuffer()), 'x.xlsx');
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((result.ok ? result.bytes : new Uint8Array()) as unknown as ArrayBuffer);
    expect(out.getWorksheet('Budgetkoll')!.getCell('A1').value).toBe('Mina anteckningar');
    expect(out.getWorksheet('Budgetkoll (2)')).toBeDefined();
  });
});
