import { analyzeGrid } from '../../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { equityShape } from '../../../src/core/equity/shape';
import { isAllocation, isEquityDraw } from '../../../src/core/rules/allocation';

describe('what counts as allocation', () => {
  it.each(['Staten', 'Försäkringskassan', 'Region Skåne', 'Lunds kommun', 'Järfälla', 'Medlemsavgift kommunerna', 'Bidrag från medlemmarna'])('%s is', (label) => {
    expect(isAllocation(label)).toBe(true);
  });

  it.each(['ESF', 'ESF-projekt Steg för steg', 'Projektmedel', 'Ränteintäkter', 'Finansiella intäkter', 'Externa medel', 'Sparade medel', 'Ianspråktagande av eget kapital', 'Övrig finansiering', 'Europeiska socialfonden'])('%s is not', (label) => {
    expect(isAllocation(label)).toBe(false);
  });

  it('a draw on equity booked as income is funding, not income', () => {
    for (const label of ['Ianspråktagande av eget kapital', 'Uttag ur eget kapital', 'Användning av eget kapital', 'Disposition av eget kapital']) expect(isEquityDraw(label)).toBe(true);
    for (const label of ['Eget kapital vid årets början', 'Staten', 'ESF']) expect(isEquityDraw(label)).toBe(false);
  });

  it('the equity chain\'s allocation is its income rows that are allocation', () => {
    const values: CellValue[][] = [
      [null, 2024, 2025],
      ['Intäkter', 'tkr', 'tkr'],
      ['Staten', 2000, 2000],
      ['Region Skåne', 1000, 1000],
      ['Lunds kommun', 1000, 1000],
      ['ESF', 500, 0],
      ['Ianspråktagande av eget kapital', 300, 300],
      ['Summa intäkter', 4800, 4300],
      ['Kostnader'],
      ['Personal', 3000, 3000],
      ['Insatser', 1800, 1300],
      ['Summa kostnader', 4800, 4300],
      ['Årets resultat', 0, 0],
    ];
    const [{ table }] = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables;
    const shape = equityShape(table);
    expect(shape?.allocation.map((row) => table.rows[row].label)).toEqual(['Staten', 'Region Skåne', 'Lunds kommun']);
    expect(shape?.income.map((t) => `${t.sign === 1 ? '+' : '−'}${table.rows[t.row].label}`)).toEqual(['+Summa intäkter', '−Ianspråktagande av eget kapital']);
  });
});
