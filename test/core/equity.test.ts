import { toA1 } from '../../src/core/address';
import { analyzeGrid, type AnalysisSettings, type TableAnalysis } from '../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../src/core/grid';
import { toMoney, type Amount } from '../../src/core/amount';
import { Money } from '../../src/core/money';
import { analyzeSeed } from '../helpers/seeds';

const only = (values: CellValue[][], settings: AnalysisSettings = {}): TableAnalysis => {
  const { tables } = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }, settings);
  expect(tables).toHaveLength(1);
  return tables[0];
};
/** An amount as the report writes it. */
const text = (a: Amount | null): string | undefined => (a === null ? undefined : toMoney(a).toFixed());
const chain = (t: TableAnalysis) => t.equity.map((e) => [e.year, text(e.opening), text(e.closing), e.source]);
const coded = (t: TableAnalysis, code: string) => t.findings.filter((f) => f.code === code);
const at = (f: { at: { row: number; col: number } }) => toA1(f.at.row, f.at.col);

describe('the equity chain of the seeds', () => {
  it('004: opening 2 670 → 2 096 → 1 665 → 1 346, and the projection adds 1 027 at the end of 2026', async () => {
    const [t] = (await analyzeSeed('seed-004-sodra-lappland.xlsx')).tables;
    expect(chain(t)).toEqual([
      [2023, '2670', '2096', 'stated'], [2024, '2096', '1665', 'stated'], [2025, '1665', '1346', 'stated'], [2026, '1346', '1027', 'projected'],
    ]);
    // Equity used as funding is opening balance, not income; ESF is income of its year.
    const year = t.equity[1];
    expect([year.income, year.costs, year.limit, year.excess].map(text)).toEqual(['4052', '4483', '750.4', '914.6']);
  });

  it('002: the stated chain 3 048 482 → 4 501 824 → 6 082 393; recomputed it carries the 42 kr personnel error', async () => {
    const [t] = (await analyzeSeed('seed-002-bksv.xlsx')).tables;
    expect(t.equity.map((e) => text(e.statedClosing))).toEqual(['3048482', '4501824', '6082393']);
    expect(t.equity.map((e) => toMoney(e.closing).minus(toMoney(e.statedClosing!)).toFixed())).toEqual(['42', '42', '42']);
    // The opening of 2024 is the 2023 balance plus the 2023 forecast result.
    expect(text(t.equity[0].opening)).toBe('2512371');
    expect(t.equity.map((e) => text(e.limit))).toEqual(['800000', '800000', '800000']);
  });

  it('000 and 001: Sparade medel → Medel till förfogande, from recomputed totals', async () => {
    const [lund] = (await analyzeSeed('seed-000-lund-prel.xlsx')).tables;
    expect(chain(lund).map((c) => c[2])).toEqual(['2240', '1110', '530', '5560']);
    const [adopted] = (await analyzeSeed('seed-001-lund-antagen.xlsx')).tables;
    expect(chain(adopted).map((c) => c[2])).toEqual(['3421', '1899', '857', '5425']);
  });

  it('warns about reserves exactly in the years the domain lists', async () => {
    const years = async (file: string) => coded((await analyzeSeed(file)).tables[0], 'reserve-excess').map((f) => f.year);
    expect(await years('seed-000-lund-prel.xlsx')).toEqual([2023, 2026]);
    expect(await years('seed-001-lund-antagen.xlsx')).toEqual([2023, 2024, 2026]);
    expect(await years('seed-002-bksv.xlsx')).toEqual([2024, 2025, 2026]);
    expect(await years('seed-003-samsund.xlsx')).toEqual([]);
    expect(await years('seed-004-sodra-lappland.xlsx')).toEqual([2023, 2024, 2025, 2026]);
  });

  it('finds the members\' shares of the seeds within rounding', async () => {
    for (const file of ['seed-000-lund-prel.xlsx', 'seed-001-lund-antagen.xlsx', 'seed-003-samsund.xlsx', 'seed-004-sodra-lappland.xlsx']) {
      const [t] = (await analyzeSeed(file)).tables;
      expect(t.shares.length).toBeGreaterThan(0);
      expect(coded(t, 'share-deviation')).toEqual([]);
    }
    const [lund] = (await analyzeSeed('seed-000-lund-prel.xlsx')).tables;
    const { state, region, municipalities } = lund.shares[0].amounts;
    expect([state, region, municipalities].map(text)).toEqual(['3685', '1842.5', '1842.5']);
  });
});

// Samsund's layout: no equity row, so the opening must come from the user.
const SAMSUND: CellValue[][] = [
  ['Intäkter (tkr)', 'Budget 2024', 'Budget 2025', 'Budget 2026'],
  ['Region Stockholm', 1520, 1563, 1563],
  ['Arbetsförmedlingen + Försäkringskassan', 3040, 3125, 3125],
  ['Sundbybergs stad', 486, 500, 500],
  ['Upplands Bro', 273, 281, 281],
  ['Järfälla', 760, 781, 781],
  ['Projektmedel ESF', 2937, 2760, 156],
  ['Totalt', 9016, 9010, 6406],
  ['Utgifter/Kostnader'],
  ['Kansli', 2250, 2250, 2250],
  ['Insatser', 8340, 7940, 4016],
  ['Totalt', 10590, 10190, 6266],
  ['Resultat', -1574, -1180, 140],
];

describe('a table that states no equity', () => {
  it('has no chain until the user gives an opening, then projects it year by year', () => {
    expect(only(SAMSUND).equity).toEqual([]);
    const t = only(SAMSUND, { openingEquity: { year: 2024, amount: new Money(4000) } });
    expect(chain(t)).toEqual([[2024, '4000', '2426', 'projected'], [2025, '2426', '1246', 'projected'], [2026, '1246', '1386', 'projected']]);
    // Allocation excludes ESF: 20 % of 6 079 tkr.
    expect(text(t.equity[0].limit)).toBe('1215.8');
    // 2025 closes at 2 426 − 1 180 = 1 246 tkr, just under 20 % of 6 250 tkr.
    expect(coded(t, 'reserve-excess').map((f) => f.year)).toEqual([2024, 2026]);
  });

  it('starts the chain in the year the user names', () => {
    const t = only(SAMSUND, { openingEquity: { year: 2025, amount: new Money(1000) } });
    expect(chain(t)).toEqual([[2025, '1000', '-180', 'projected'], [2026, '-180', '-40', 'projected']]);
    expect(coded(t, 'negative-equity').map((f) => [f.year, text(f.stated), f.severity])).toEqual([[2025, '-180', 'error'], [2026, '-40', 'error']]);
  });

  it('checks a stated split of the municipal quarter (Samsund: 50/32/18)', () => {
    const split = [{ name: 'Järfälla', percent: new Money(50) }, { name: 'Sundbyberg', percent: new Money(32) }, { name: 'Upplands-Bro', percent: new Money(18) }];
    expect(coded(only(SAMSUND, { municipalSplit: split }), 'share-deviation')).toEqual([]);
    const skewed = SAMSUND.map((row) => [...row]);
    skewed[3][1] = 400; // Sundbyberg 2024: 400 of 1 433, not 32 %
    skewed[7][1] = 8930;
    const findings = coded(only(skewed, { municipalSplit: split }), 'share-deviation');
    expect(findings.map((f) => [at(f), f.rowLabel, f.year])).toContainEqual(['B4', 'Sundbybergs stad', 2024]);
  });
});

// The common convention: Årets resultat, Eget kapital vid årets början/slut.
const CONVENTION: CellValue[][] = [
  ['Budget 2024 med plan 2025–2026 (tkr)'],
  [null, 'Budget 2024', 'Plan 2025', 'Plan 2026'],
  ['Intäkter'],
  ['Staten', 2000, 2000, 2000],
  ['Region Norrbotten', 1000, 1000, 1000],
  ['Kommunerna', 1000, 1000, 1000],
  ['Ianspråktagande av eget kapital', 500, 200, 0],
  ['Summa intäkter', 4500, 4200, 4000],
  ['Kostnader'],
  ['Kansli', 1500, 1500, 1500],
  ['Insatser', 3000, 2700, 2300],
  ['Summa kostnader', 4500, 4200, 3800],
  ['Årets resultat', 0, 0, 200],
  ['Eget kapital vid årets början', 1500, 1500, 1500],
  ['Eget kapital vid årets slut', 1500, 1500, 1700],
];

describe('the common convention', () => {
  it('reads Årets resultat and Eget kapital vid årets början/slut, and a draw on equity is not income', () => {
    const t = only(CONVENTION);
    expect(t.table.rows.map((r) => r.role).slice(-3)).toEqual(['result', 'opening-equity', 'closing-equity']);
    expect(chain(t)).toEqual([[2024, '1500', '1000', 'stated'], [2025, '1000', '800', 'stated'], [2026, '800', '1000', 'stated']]);
    expect(text(t.equity[0].income)).toBe('4000');
  });

  it('reports a broken chain: next year\'s opening is not this year\'s closing', () => {
    const t = only(CONVENTION);
    // 2025 opens at 1 400 although 2024 closes at 1 500; from there on the table is consistent.
    const broken = CONVENTION.map((row) => [...row]);
    broken[13][2] = 1400;
    broken[14][2] = 1400;
    broken[13][3] = 1400;
    broken[14][3] = 1600;
    const findings = coded(only(broken), 'carry-over-break');
    expect(findings.map((f) => [at(f), f.year, text(f.stated), text(f.expected), f.severity])).toEqual([['C14', 2025, '1400', '1500', 'error']]);
    expect(coded(t, 'carry-over-break')).toEqual([]);
  });

  it('takes the guideline from a staircase by the allocation\'s size, or from the costs', () => {
    const staircase = { brackets: [{ upToKr: new Money(3_000_000), percent: new Money(20) }, { upToKr: null, percent: new Money(15) }], base: 'allocation' as const };
    const t = only(CONVENTION, { reserve: staircase });
    expect(t.equity.map((e) => [text(e.percent), text(e.limit)])).toEqual([['15', '600'], ['15', '600'], ['15', '600']]);
    const small = only(CONVENTION.map((r) => r.map((v) => (typeof v === 'number' ? v / 2 : v))), { reserve: staircase });
    expect(text(small.equity[0].percent)).toBe('20');
    const costs = only(CONVENTION, { reserve: { brackets: [{ upToKr: null, percent: new Money(20) }], base: 'costs' } });
    expect(costs.equity.map((e) => text(e.limit))).toEqual(['900', '840', '760']);
  });

  it('does not take a negative adjustment among the allocation for a municipality', () => {
    const adjusted = CONVENTION.map((row) => [...row]);
    adjusted.splice(6, 0, ['Avgår återbetalning', -100, -100, -100]);
    adjusted[7 + 1] = ['Summa intäkter', 4400, 4100, 3900];
    adjusted[13 + 1] = ['Årets resultat', -100, -100, 100];
    adjusted[15] = ['Eget kapital vid årets slut', 1400, 1400, 1600];
    const t = only(adjusted);
    expect(t.shares.map((y) => text(y.amounts.municipalities))).toEqual(['1000', '1000', '1000']);
    expect(coded(t, 'share-deviation')).toEqual([]);
  });

  it('warns when the members do not pay ½, ¼ and ¼', () => {
    const skewed = CONVENTION.map((row) => [...row]);
    skewed[3][1] = 2400;
    skewed[5][1] = 600;
    const findings = coded(only(skewed), 'share-deviation');
    // The state's 2 400 is the reference (set by the national model): the region and the municipalities should each give 1 200.
    expect(findings.map((f) => [at(f), f.rowLabel, text(f.stated), text(f.expected)])).toEqual([
      ['B5', 'Regionen', '1000', '1200'], ['B6', 'Kommunerna', '600', '1200'],
    ]);
    expect(findings[0].severity).toBe('warning');
  });
});
