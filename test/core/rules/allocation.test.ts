import { analyzeGrid } from '../../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { equityShape } from '../../../src/core/equity/shape';
import { decimalText } from '../../../src/core/amount';
import { allocationRows, isAllocation, isEquityDraw, isMembersSubtotal } from '../../../src/core/rules/allocation';

describe('what counts as allocation', () => {
  it.each(['Staten', 'Försäkringskassan', 'Region Skåne', 'Lunds kommun', 'Järfälla', 'Medlemsavgift kommunerna', 'Bidrag från medlemmarna'])('%s is', (label) => {
    expect(isAllocation(label)).toBe(true);
  });

  it.each(['ESF', 'ESF-projekt Steg för steg', 'Projektmedel', 'Ränteintäkter', 'Finansiella intäkter', 'Externa medel', 'Sparade medel', 'Ianspråktagande av eget kapital', 'Övrig finansiering', 'Europeiska socialfonden', 'Övriga intäkter', 'Försäljning av utbildningsplatser'])('%s is not', (label) => {
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

  it.each(['Summa medlemsavgifter', 'Medlemsavgifter', 'Medlemsbidrag', 'Tilldelning från medlemmarna', 'Summa bidrag från medlemmar', '- Finansiering från medlemmar'])('%s is the members\' subtotal', (label) => {
    expect(isMembersSubtotal(label)).toBe(true);
  });

  it.each(['Summa intäkter', 'Summa finansiering', 'Verksamhetens intäkter', 'Totalt'])('%s is not the members\' subtotal', (label) => {
    expect(isMembersSubtotal(label)).toBe(false);
  });

  it('is the lines under the members\' subtotal where there is one, each once; else the lines that are allocation', () => {
    const labels = ['Staten', 'Region', 'Kommunerna', 'Medlemsbidrag', 'Övriga intäkter', 'Bidrag', 'Summa intäkter'];
    const labelOf = (row: number) => labels[row];
    const members = new Map([[3, [0, 1, 2].map((row) => ({ row, sign: 1 as const }))]]);
    expect(allocationRows([{ row: 3, sign: 1 }, { row: 4, sign: 1 }], members, labelOf)).toEqual([0, 1, 2]);
    // Without the subtotal: the lines, other income left out.
    expect(allocationRows([0, 1, 2, 4].map((row) => ({ row, sign: 1 as const })), new Map(), labelOf)).toEqual([0, 1, 2]);
  });

  it('in a table, the members\' subtotal with other income beside it: the reserve base is the fees, not all income (l02)', () => {
    const values: CellValue[][] = [
      ['tkr', 'Budget 2025', 'Plan 2026'],
      ['Intäkter'],
      ['Medlemsavgift Försäkringskassan', 3000, 3000],
      ['Medlemsavgift Region Västerland', 1500, 1500],
      ['Medlemsavgift Storstrands kommun', 900, 900],
      ['Medlemsavgift Lillby kommun', 600, 600],
      ['Summa medlemsavgifter', 6000, 6000],
      ['Övriga intäkter', 150, 100],
      ['Ränteintäkter', 40, 30],
      ['Summa intäkter', 6190, 6130],
      ['Kostnader'],
      ['Insatser', 6500, 6650],
      ['Summa kostnader', 6500, 6650],
      ['Resultat', -310, -520],
      ['Ingående eget kapital', 3500, 3190],
      ['Utgående eget kapital', 3190, 2670],
    ];
    const [analysis] = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables;
    expect(analysis.equity.map((y) => [decimalText(y.allocation!), decimalText(y.limit!)])).toEqual([['6000', '1200'], ['6000', '1200']]);
    // The members are the region's `Medlemsavgift Region …` too: their shares are exact, so nothing to report.
    expect(analysis.shares.map((s) => [s.amounts.state, s.amounts.region, s.amounts.municipalities].map(decimalText))).toEqual([['3000', '1500', '1500'], ['3000', '1500', '1500']]);
    expect(analysis.findings.filter((f) => f.code === 'share-deviation')).toEqual([]);
  });
});
