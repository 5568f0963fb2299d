import * as fs from 'fs';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import type { Cell } from '../../src/core/grid';
import { fixChecked, gridCell, gridOf } from '../helpers/fixChecked';
import { SEEDS_DIR, SEED_SLUGS } from '../helpers/seeds';
import { workbookParts } from '../helpers/xlsxInspect';
import { writeXlsx } from '../helpers/xlsxWriter';
import { partsButCheckSheetAndNotes } from '../helpers/zipEntries';

const REPAIRED = ['sum-mismatch', 'consequence', 'formula-omits-line', 'rounding', 'carry-over-break'];

async function fixSeed(file: string) {
  const data = new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, file)));
  return { data, result: await fixChecked(data, file) };
}

/** What a user sees of a cell: its formula (the cached result follows the fixed cells), else its value; and its format. */
const comparable = (cell: Cell | undefined) => (cell?.formula ? { formula: cell.formula, numFmt: cell.numFmt } : { value: cell?.value, numFmt: cell?.numFmt });

describe.each(SEED_SLUGS.flatMap((s) => [`${s}.xlsx`, `${s}-formulas.xlsx`]))('the corrected copy of %s', (file) => {
  it('checks clean again: no wrong total, no consequence, no rounding, no formula that omits a line', async () => {
    const { result } = await fixSeed(file);
    const after = analyzeGrid(await gridOf(result.bytes, file));
    expect(after.tables).toHaveLength(result.analysis.tables.length);
    expect(after.tables.flatMap((t) => t.findings).filter((f) => REPAIRED.includes(f.code))).toEqual([]);
    // Every total is a formula now: nothing typed is left to go stale.
    expect(after.tables.flatMap((t) => t.findings).filter((f) => f.code === 'hardcoded-totals')).toEqual([]);
  });

  it('keeps every other cell as the user had it, and fixing again changes nothing', async () => {
    const { data, result } = await fixSeed(file);
    const before = await gridOf(data, file);
    const after = await gridOf(result.bytes, file);
    const fixed = new Set(result.fixes.map((f) => `${f.at.sheet}!${f.at.row}:${f.at.col}`));
    for (const sheet of before.sheets) {
      const copy = after.sheets.find((s) => s.name === sheet.name)!;
      sheet.rows.forEach((row, r) => row?.forEach((cell, c) => {
        if (fixed.has(`${sheet.name}!${r}:${c}`)) return;
        expect([sheet.name, r, c, comparable(copy.rows[r]?.[c])]).toEqual([sheet.name, r, c, comparable(cell)]);
      }));
    }
    const again = await fixChecked(result.bytes, file);
    expect(again.fixes).toEqual([]);
    // Part for part what the first copy said (the check sheet and notes aside): no style or sheet added twice; every note of the first copy kept.
    const checkSheet = (await workbookParts(result.bytes)).sheetPart('Budgetkoll');
    expect(await partsButCheckSheetAndNotes(again.bytes, checkSheet)).toEqual(await partsButCheckSheetAndNotes(result.bytes, checkSheet));
    const [first, second] = [await workbookParts(result.bytes), await workbookParts(again.bytes)];
    for (const sheet of first.sheetNames) {
      for (const [ref, text] of first.notes(sheet)) expect(second.note(sheet, ref)?.startsWith(text)).toBe(true);
    }
  });
});

describe('what the corrected copy shows', () => {
  it('writes SUM formulas with the right cached values, marks and notes the findings, and adds the check sheet', async () => {
    const { data, result } = await fixSeed('seed-001-lund-antagen.xlsx');
    const grid = await gridOf(result.bytes);
    const cell = (a1: string) => gridCell(grid, 'Budget 2024', a1);
    expect(cell('C10')).toMatchObject({ formula: 'SUM(C5:C9)', value: 12970 });
    // Exact sums: the 1 tkr rounding of 2023 is no longer carried once every total is a formula.
    expect(cell('C12')).toMatchObject({ formula: 'SUM(C10:C11)', value: 16391 });
    expect(cell('E34')).toMatchObject({ formula: 'SUM(E15,E17,E19:E31,E33)', value: 2912 });
    expect(cell('E36')).toMatchObject({ formula: 'E12-E34', value: 5426 - 1 });
    expect(cell('C11')).toMatchObject({ formula: 'B36', value: 3421 });
    const parts = await workbookParts(result.bytes);
    const original = await workbookParts(data);
    expect(parts.note('Budget 2024', 'C10')).toBe('Budgetkoll: Summa intäkter 2024 är 12 930 tkr men raderna summerar till 12 970 tkr.');
    // Red, and otherwise the format the cell had: number format, font, border.
    expect(parts.fill('Budget 2024', 'C10')).toBe('FFFFC7CE');
    expect(parts.formatWithoutFill('Budget 2024', 'C10')).toEqual(original.formatWithoutFill('Budget 2024', 'C10'));
    expect(cell('C10')?.numFmt).toBe(gridCell(await gridOf(data), 'Budget 2024', 'C10')?.numFmt);
    const check = grid.sheets.find((s) => s.name === 'Budgetkoll')!;
    const texts = check.rows.map((row) => (row ?? []).map((c) => c?.value ?? '').join('|')).join('\n');
    expect(texts).toContain('Summa intäkter 2024 är 12 930 tkr');
    expect(gridCell(grid, 'Budgetkoll', 'A1')?.value).toBe('Budgetkoll – kontroll av budgeten');
    expect(gridCell(grid, 'Budgetkoll', 'C5')?.value).toMatch(/^[A-Z]+\d+$/);
    expect(parts.hyperlinks('Budgetkoll').get('C5')).toBe(`'Budget 2024'!${gridCell(grid, 'Budgetkoll', 'C5')?.value}`);
  });

  it('turns 004\'s equity chain into references: next year\'s eget kapital = disponera − kostnader', async () => {
    const { result } = await fixSeed('seed-004-sodra-lappland.xlsx');
    const grid = await gridOf(result.bytes);
    expect(gridCell(grid, 'Budget', 'C16')).toMatchObject({ formula: 'B18-B42', value: 2096 });
    expect(gridCell(grid, 'Budget', 'B5')).toMatchObject({ formula: 'SUM(B6:B14)', value: 3752 });
    expect(gridCell(grid, 'Budget', 'B42')).toMatchObject({ formula: 'SUM(B19,B26,B28,B30,B36)', value: 4326 });
  });

  it('names the check sheet so that it never replaces one of the user\'s', async () => {
    const seed = await gridOf(new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, 'seed-003-samsund.xlsx'))));
    const budget = seed.sheets[0];
    const input = writeXlsx([
      { name: budget.name, cells: budget.rows.map((row) => (row ?? []).map((c) => (c ? (c.value as number | string) : null))) },
      { name: 'budgetkoll', cells: [['Mina anteckningar']] },
    ]);
    const result = await fixChecked(input, 'x.xlsx');
    const out = await gridOf(result.bytes);
    expect(gridCell(out, 'budgetkoll', 'A1')?.value).toBe('Mina anteckningar');
    // Excel compares sheet names without case: "Budgetkoll" would clash with "budgetkoll".
    expect(out.sheets.map((s) => s.name)).toEqual([budget.name, 'budgetkoll', 'Budgetkoll (2)']);
  });
});
