import { decimalText } from '../../../src/core/amount';
import { analyzeGrid, type TableAnalysis } from '../../../src/core/analyze';
import { toA1 } from '../../../src/core/address';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { incomeAndCosts } from '../../../src/core/rules/yearResult';

function analyze(values: CellValue[][]): TableAnalysis {
  const { tables } = analyzeGrid({ sheets: [sheetFromValues('Resultatbudget', values)] });
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** The split as labels: `+Summa intäkter`, `−Summa kostnader` (costs as the amounts to subtract). */
function split(t: TableAnalysis): { income: string[]; costs: string[] } | null {
  const { table } = t;
  const termsOf = new Map(table.relations.map((r) => [r.target, r.terms]));
  const found = incomeAndCosts(table, termsOf, table.rows.findIndex((r) => r.role === 'opening-equity'));
  const named = (terms: { row: number; sign: number }[]) => terms.map((x) => `${x.sign === 1 ? '+' : '−'}${table.rows[x.row].label}`);
  return found && { income: named(found.income), costs: named(found.costs) };
}

/** A resultatbudget as an economy system exports it (l03): costs negative, results added. */
const RESULTATBUDGET: CellValue[][] = [
  ['tkr', 'Bokslut 2023', 'Budget 2024', 'Budget 2025'],
  ['Medlemsbidrag', 6800, 6800, 7000],
  ['Övriga intäkter', 120, 50, 50],
  ['Verksamhetens intäkter', 6920, 6850, 7050],
  ['Personalkostnader', -2100, -2200, -2300],
  ['Övriga verksamhetskostnader', -4550, -4650, -4850],
  ['Verksamhetens kostnader', -6650, -6850, -7150],
  ['Verksamhetens resultat', 270, 0, -200],
  ['Finansiella intäkter', 15, 10, 10],
  ['Finansiella kostnader', -2, -2, -2],
  ['Årets resultat', 283, 8, -192],
  ['Eget kapital IB', 2500, 2783, 2791],
  ['Eget kapital UB', 2783, 2791, 2599],
];

describe('a year\'s income and costs', () => {
  it('a plan written by hand: the result is income less costs', () => {
    const t = analyze([
      ['tkr', 2024, 2025],
      ['Intäkter'],
      ['Staten', 1000, 1000],
      ['Summa intäkter', 1000, 1000],
      ['Kostnader'],
      ['Personal', 900, 950],
      ['Summa kostnader', 900, 950],
      ['Resultat', 100, 50],
    ]);
    expect(split(t)).toEqual({ income: ['+Summa intäkter'], costs: ['+Summa kostnader'] });
  });

  it('a resultatbudget: the costs are the negative parts of the results, their sign turned; the rest is income', () => {
    const t = analyze(RESULTATBUDGET);
    expect(split(t)).toEqual({ income: ['+Verksamhetens intäkter', '+Finansiella intäkter'], costs: ['−Verksamhetens kostnader', '−Finansiella kostnader'] });
    expect(t.flows.map((f) => [f.year, decimalText(f.income), decimalText(f.costs), decimalText(f.result)])).toEqual([
      [2023, '6935', '6652', '283'], [2024, '6860', '6852', '8'], [2025, '7060', '7152', '-92'],
    ]);
  });

  it('a resultatbudget gets its equity chain, its reserve check on the members\' allocation, and its totals checked', () => {
    const t = analyze(RESULTATBUDGET);
    expect(t.equity.map((y) => `${y.year}: ${decimalText(y.opening)} → ${decimalText(y.closing)} ${y.source}, allocation ${decimalText(y.allocation!)}`)).toEqual([
      '2023: 2500 → 2783 stated, allocation 6800', '2024: 2783 → 2791 stated, allocation 6800', '2025: 2791 → 2699 stated, allocation 7000',
    ]);
    // D8 states −200 where 7 050 − 7 150 = −100; the closings built on it follow it (affected, not reported).
    expect(t.findings.filter((f) => f.severity !== 'info').map((f) => `${toA1(f.at.row, f.at.col)} ${f.code}`)).toEqual([
      'D8 sum-mismatch', 'B13 reserve-excess', 'C13 reserve-excess', 'D13 reserve-excess',
    ]);
  });

  it('a net of financial items (`Finansiella poster`) is taken apart into its income and its costs', () => {
    const t = analyze([
      ['tkr', 2024, 2025],
      ['Verksamhetens intäkter', 6850, 7050],
      ['Verksamhetens kostnader', -6850, -7150],
      ['Verksamhetens resultat', 0, -100],
      ['Finansiella intäkter', 10, 10],
      ['Finansiella kostnader', -2, -2],
      ['Finansiella poster', 8, 8],
      ['Årets resultat', 8, -92],
    ]);
    expect(t.table.rows.find((r) => r.label === 'Finansiella poster')!.role).toBe('total');
    expect(split(t)).toEqual({ income: ['+Verksamhetens intäkter', '+Finansiella intäkter'], costs: ['−Verksamhetens kostnader', '−Finansiella kostnader'] });
  });

  it('a result that takes no money out is no split: nothing to derive equity from', () => {
    const t = analyze([
      ['tkr', 2024, 2025],
      ['Bidrag', 600, 600],
      ['Avgifter', 400, 400],
      ['Resultat', 1000, 1000],
    ]);
    expect(split(t)).toBeNull();
    expect(t.equity).toEqual([]);
  });
});
