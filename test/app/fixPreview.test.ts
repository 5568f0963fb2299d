import fc from 'fast-check';
import { analyzeGrid } from '../../src/core/analyze';
import { Money } from '../../src/core/money';
import type { CellFix } from '../../src/core/fixes';
import type { Sheet } from '../../src/core/grid';
import { planCorrections } from '../../src/app/corrections';
import { fixPreview } from '../../src/app/fixPreview';
import { budgetSpecArb, buildBudget, gridOf, withDelta } from '../helpers/arbitraries';
import { readSeedGrid } from '../helpers/seeds';

// "Rätta summor" previewed as an economist reads it: by table, the row and year, the cell, the
// value now and after in Swedish format, the formula as their Excel shows it; the changed values first.

const NBSP = '\u00a0';

async function seedPreview(seed: string, language: 'sv' | 'en' = 'sv') {
  const analysis = analyzeGrid(await readSeedGrid(seed));
  return { analysis, fixes: planCorrections(analysis).fixes, preview: fixPreview(analysis, planCorrections(analysis).fixes, language) };
}

describe('fixPreview', () => {
  it('seed 001: one table, the twelve cells whose value changes first, then the seven typed totals that keep theirs', async () => {
    const { preview } = await seedPreview('seed-001-lund-antagen.xlsx');
    expect(preview.cells).toBe(19);
    expect(preview.tables).toHaveLength(1);
    const [table] = preview.tables;
    expect(table).toMatchObject({ heading: 'BUDGET för 2024', sheet: 'Budget 2024', range: 'A3:E36', unit: 'tkr' });
    expect(table.changed.map((c) => c.cell)).toEqual(['C10', 'C11', 'D11', 'E11', 'C12', 'D12', 'E12', 'E34', 'B36', 'C36', 'D36', 'E36']);
    expect(table.sameValue.map((c) => c.cell)).toEqual(['B10', 'D10', 'E10', 'B12', 'B34', 'C34', 'D34']);
    expect(table.changed[0]).toEqual({
      cell: 'C10', what: 'Summa intäkter 2024', before: `12${NBSP}930`, after: `12${NBSP}970`,
      changesValue: true, difference: '+40', formula: '=SUMMA(C5:C9)', replaces: null,
    });
    expect(table.changed.find((c) => c.cell === 'E34')).toMatchObject({ what: 'Summa kostnader 2026', before: `2${NBSP}810`, after: `2${NBSP}912`, difference: '+102', formula: '=SUMMA(E15;E17;E19:E31;E33)' });
    expect(table.changed.find((c) => c.cell === 'E36')).toMatchObject({ what: 'Medel till förfogande 2026', difference: '\u2212103', formula: '=E12-E34' });
    expect(table.changed.find((c) => c.cell === 'C11')).toMatchObject({ what: 'Sparade medel 2024', formula: '=B36' });
    expect(table.sameValue[0]).toMatchObject({ cell: 'B10', what: 'Summa intäkter 2023', before: `13${NBSP}756`, after: `13${NBSP}756`, changesValue: false, difference: null });
  });

  it('in English: Excel’s English formulas and words', async () => {
    const { preview } = await seedPreview('seed-001-lund-antagen.xlsx', 'en');
    expect(preview.tables[0].changed.find((c) => c.cell === 'E34')?.formula).toBe('=SUM(E15,E17,E19:E31,E33)');
    // Numbers stay in the Swedish format the workbook's amounts are read in.
    expect(preview.tables[0].changed[0].after).toBe(`12${NBSP}970`);
  });

  it('names the formula a fix replaces, as Excel shows it', () => {
    const cell = (value: number, formula?: string) => ({ value, ...(formula ? { formula } : {}) });
    const sheet: Sheet = {
      name: 'Budget',
      rows: [
        [{ value: 'Budget 2024' }],
        [undefined, { value: 2024 }, { value: 2025 }],
        [{ value: 'Intäkter' }, { value: 'tkr' }, { value: 'tkr' }],
        [{ value: 'Bidrag' }, cell(1000), cell(1000)],
        [{ value: 'Summa intäkter' }, cell(1000, 'SUM(B4)'), cell(1000, 'SUM(C4)')],
        [{ value: 'Kostnader' }],
        [{ value: 'Personal' }, cell(600), cell(600)],
        [{ value: 'Lokaler' }, cell(200), cell(200)],
        [{ value: 'Summa kostnader' }, cell(600, 'SUM(B7:B7)'), cell(800, 'SUM(C7:C8)')],
        [{ value: 'Resultat' }, cell(400, 'B5-B9'), cell(200, 'C5-C9')],
      ],
    };
    const analysis = analyzeGrid({ sheets: [sheet] });
    const preview = fixPreview(analysis, planCorrections(analysis).fixes);
    const fixed = preview.tables[0].changed.find((c) => c.cell === 'B9');
    expect(fixed).toMatchObject({ what: 'Summa kostnader 2024', before: '600', after: '800', difference: '+200', formula: '=SUMMA(B7:B8)', replaces: '=SUMMA(B7:B7)' });
  });

  it('an empty cell is a change, and a fix outside every table is shown under its sheet', async () => {
    const { analysis, fixes } = await seedPreview('seed-001-lund-antagen.xlsx');
    const empty: CellFix = { ...fixes[0], before: { value: null, formula: null } };
    const stray: CellFix = { at: { sheet: 'Anteckningar', row: 1, col: 1 }, formula: 'SUM(B1,B2)', value: new Money('1842.5'), before: { value: new Money(0), formula: null }, reason: 'typed-total' };
    const preview = fixPreview(analysis, [empty, stray]);
    expect(preview.cells).toBe(2);
    expect(preview.tables[0].changed).toEqual([expect.objectContaining({ cell: 'B10', before: 'tom', changesValue: true, difference: null })]);
    expect(preview.tables[1]).toEqual({
      heading: 'Anteckningar', sheet: 'Anteckningar', range: '', unit: null, sameValue: [],
      changed: [{ cell: 'B2', what: '', before: '0', after: `1${NBSP}842,5`, changesValue: true, difference: `+1${NBSP}842,5`, formula: '=SUMMA(B1;B2)', replaces: null }],
    });
    expect(fixPreview(analysis, [empty], 'en').tables[0].changed[0].before).toBe('empty');
  });

  it('property: every fix is shown once, in its table, changed exactly when its value changes, in reading order', () => {
    fc.assert(fc.property(budgetSpecArb, fc.nat(), fc.integer({ min: -500, max: 500 }), (spec, pick, delta) => {
      const built = buildBudget(spec);
      const totals = [built.layout.incomeTotal, ...built.layout.groups.map((g) => g.total)];
      const row = totals[pick % totals.length];
      const col = built.layout.valueCols[pick % built.layout.valueCols.length];
      const analysis = analyzeGrid(gridOf(withDelta(built.values, row, col, delta)));
      const { fixes } = planCorrections(analysis);
      const preview = fixPreview(analysis, fixes, 'en');
      const shown = preview.tables.flatMap((t) => [...t.changed, ...t.sameValue]);
      expect(shown).toHaveLength(fixes.length);
      expect(preview.cells).toBe(fixes.length);
      for (const table of preview.tables) {
        expect(table.changed.every((c) => c.changesValue) && table.sameValue.every((c) => !c.changesValue)).toBe(true);
        for (const list of [table.changed, table.sameValue]) {
          const order = list.map((c) => [Number(c.cell.replace(/^[A-Z]+/, '')), c.cell.replace(/\d+$/, '')] as const);
          expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
        }
      }
      for (const fix of fixes) {
        const changes = fix.before.value === null || !fix.before.value.equals(fix.value);
        const list = changes ? 'changed' : 'sameValue';
        const found = preview.tables.filter((t) => t.sheet === fix.at.sheet).flatMap((t) => t[list]).filter((c) => c.formula === `=${fix.formula}`);
        expect(found.length).toBeGreaterThan(0);
      }
    }), { numRuns: 60 });
  });
});
