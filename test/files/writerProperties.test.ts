/**
 * Property tests for the writers (issue 7), beside test/files/fixWorkbook.test.ts (which fixes
 * the five seeds): on generated budget workbooks with a planted error, the corrected copy never
 * throws, checks clean, and is a fixed point — fixing it again changes no cell's value, formula
 * or format, and its notes and check sheet stay as they were. The Word writer never throws on the sections of
 * any of them.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { analyzeGrid } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import type { CellValue } from '../../src/core/grid';
import { buildSections } from '../../src/core/sections/buildSections';
import { sectionsToDocx } from '../../src/files/writeDocx';
import { applyPerturbation, budgetSpecArb, buildBudget, hasYearLikeRow, perturbationArb } from '../helpers/arbitraries';
import { fixChecked, gridOf } from '../helpers/fixChecked';
import { SEEDS_DIR } from '../helpers/seeds';
import { workbookParts } from '../helpers/xlsxInspect';
import { partsButCheckSheetAndNotes } from '../helpers/zipEntries';
import { writeXlsx } from '../helpers/xlsxWriter';

const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

const REPAIRED = ['sum-mismatch', 'consequence', 'formula-omits-line', 'rounding'];

/** A generated table written as a workbook, a little off the sheet's corner, numbers as typed numbers. */
function workbookOf(values: CellValue[][], top: number, left: number, sheetName: string): Uint8Array {
  return writeXlsx([{ name: sheetName, at: { row: top, col: left }, cells: values.map((row) => row.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : null))) }]);
}

/** Every cell of every sheet but the check sheet: value (or formula and cached result) and format, or its note. */
async function cellsOf(bytes: Uint8Array, what: 'values' | 'notes' = 'values'): Promise<Record<string, unknown>> {
  const cells: Record<string, unknown> = {};
  if (what === 'notes') {
    const parts = await workbookParts(bytes);
    for (const sheet of parts.sheetNames.filter((n) => !n.startsWith('Budgetkoll'))) {
      for (const [ref, text] of parts.notes(sheet)) cells[`${sheet}!${ref}`] = text;
    }
    return cells;
  }
  for (const sheet of (await gridOf(bytes)).sheets) {
    if (sheet.name.startsWith('Budgetkoll')) continue;
    sheet.rows.forEach((row, r) => row?.forEach((cell, c) => {
      if (cell) cells[`${sheet.name}!${toA1(r, c)}`] = [cell.value, cell.formula, cell.numFmt];
    }));
  }
  return cells;
}

const caseArb = fc.record({
  spec: budgetSpecArb,
  perturbation: perturbationArb,
  top: fc.integer({ min: 0, max: 3 }),
  left: fc.integer({ min: 0, max: 2 }),
  sheetName: fc.constantFrom('Budget', 'Budget 2025', "Förbundets 'budget' 2025", 'Blad1'),
}).map((c) => ({ ...c, values: applyPerturbation(buildBudget(c.spec), c.perturbation) }))
  .filter((c) => !hasYearLikeRow(c.values));

describe('the corrected copy of a generated workbook', () => {
  it('never throws, checks clean, and fixing it again changes nothing', async () => {
    await fc.assert(fc.asyncProperty(caseArb, async ({ values, top, left, sheetName }) => {
      const input = workbookOf(values, top, left, sheetName);
      const first = await fixChecked(input, 'budget.xlsx');
      const after = analyzeGrid(await gridOf(first.bytes, 'budget-rattad.xlsx'));
      expect(after.tables).toHaveLength(first.analysis.tables.length);
      expect(after.tables.flatMap((t) => t.findings).filter((f) => REPAIRED.includes(f.code)).map((f) => f.code)).toEqual([]);

      const second = await fixChecked(first.bytes, 'budget-rattad.xlsx');
      expect(second.fixes).toEqual([]);
      expect(await cellsOf(second.bytes)).toEqual(await cellsOf(first.bytes));
      // A fixed point all through: every part but the check sheet and the notes says what it said — no style or sheet added again.
      const checkSheet = (await workbookParts(first.bytes)).sheetPart('Budgetkoll');
      expect(await partsButCheckSheetAndNotes(second.bytes, checkSheet)).toEqual(await partsButCheckSheetAndNotes(first.bytes, checkSheet));
    }), runs(12));
  });
});

describe('notes of a corrected copy corrected again', () => {
  // Seed 004 keeps its reserve warnings after the fix: their cells are marked again.
  it('are not written twice: the note Budgetkoll wrote before is kept as it is', async () => {
    const input = new Uint8Array(readFileSync(path.join(SEEDS_DIR, 'seed-004-sodra-lappland.xlsx')));
    const first = await fixChecked(input, 'seed-004.xlsx');
    const second = await fixChecked(first.bytes, 'seed-004-rattad.xlsx');
    const notes = await cellsOf(first.bytes, 'notes');
    expect(Object.keys(notes).length).toBeGreaterThan(0);
    expect(await cellsOf(second.bytes, 'notes')).toEqual(notes);
  });
});

describe('the check sheet of a corrected copy corrected again', () => {
  it('is replaced, not added again as "Budgetkoll (2)"', async () => {
    const input = new Uint8Array(readFileSync(path.join(SEEDS_DIR, 'seed-004-sodra-lappland.xlsx')));
    const first = await fixChecked(input, 'seed-004.xlsx');
    const second = await fixChecked(first.bytes, 'seed-004-rattad.xlsx');
    expect((await workbookParts(second.bytes)).sheetNames).toEqual(['Budget', 'Budgetkoll']);
    // The same sheet, written again in place: its part, and the styles it uses, as the first time.
    const [a, b] = [await workbookParts(first.bytes), await workbookParts(second.bytes)];
    expect(b.sheetPart('Budgetkoll')).toBe(a.sheetPart('Budgetkoll'));
  });
});

describe('the Word document of a generated budget', () => {
  it('is written for every table the engine reads, errors or not', async () => {
    await fc.assert(fc.asyncProperty(caseArb, fc.constantFrom(undefined, 'Samordningsförbundet <Test> & "Co"'), async ({ values, sheetName }, title) => {
      const analysis = analyzeGrid({ sheets: [{ name: sheetName, rows: values.map((row) => row.map((value) => (value === null ? undefined : { value }))) }] });
      const bytes = await sectionsToDocx(buildSections(analysis), { title });
      expect(bytes.length).toBeGreaterThan(1000);
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    }), runs(15));
  });
});
