/** Property: on any grid at all the engine never throws, and every position it names is in the sheet. */
import fc from 'fast-check';
import { analyzeGrid } from '../../../src/core/analyze';
import { columnCount, sheetFromValues, type Grid } from '../../../src/core/grid';
import type { CellRef } from '../../../src/core/findings';
import { gridArb } from '../../helpers/arbitraries';
import { runs } from './shared';

function expectInside(grid: Grid, ref: CellRef): void {
  const sheet = grid.sheets.find((s) => s.name === ref.sheet);
  expect(sheet).toBeDefined();
  expect(ref.row).toBeGreaterThanOrEqual(0);
  expect(ref.row).toBeLessThan(sheet!.rows.length);
  expect(ref.col).toBeGreaterThanOrEqual(0);
  expect(ref.col).toBeLessThan(columnCount(sheet!));
}

describe('analyzeGrid on arbitrary grids', () => {
  it('literal example: a scrap of a sheet with a header, text, an error value and a date', () => {
    const grid: Grid = {
      sheets: [sheetFromValues('Blad1', [
        [null, 'Budget 2024', 2025, 'Summa'],
        ['Intäkter', '1 842,5', { error: '#REF!' }, true],
        ['Totalt', new Date('2024-01-01T00:00:00Z'), 12, null],
        ['Summa kostnader', 3, 4],
      ])],
    };
    const analysis = analyzeGrid(grid);
    for (const f of analysis.tables.flatMap((t) => t.findings)) expectInside(grid, f.at);
  });

  it('an invalid Date in the label column is no label, and nothing throws', () => {
    // recognize/body.ts once called toISOString() on it, which throws for an invalid Date.
    const grid: Grid = {
      sheets: [sheetFromValues('Blad1', [
        [null, 2024, 2025],
        ['Intäkter', 'tkr', 'tkr'],
        [new Date(NaN), 1, 2],
        ['Summa intäkter', 1, 2],
      ])],
    };
    expect(() => analyzeGrid(grid)).not.toThrow();
  });

  it('never throws, and every finding, cause and affected cell lies inside its sheet', () => {
    fc.assert(fc.property(gridArb, (grid) => {
      const analysis = analyzeGrid(grid);
      for (const t of analysis.tables) {
        for (const f of t.findings) {
          expectInside(grid, f.at);
          if (f.causedBy) expectInside(grid, f.causedBy);
          for (const a of f.affects) expectInside(grid, a);
        }
      }
    }), runs(300));
  });
});
