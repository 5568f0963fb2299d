import { amountOfMoney, decimalText, type Amount } from '../../../src/core/amount';
import { analyzeGrid, type TableAnalysis } from '../../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { Money } from '../../../src/core/money';
import { roundingTolerance } from '../../../src/core/rules/roundingTolerance';
import { findingMessage } from '../../../src/core/messages';
import { EXPECTED_SHARE, groupDeviation, sameMunicipality, splitDeviation, type ShareDeviation, type ShareYear } from '../../../src/core/rules/memberShares';

const amount = (n: number | string): Amount => amountOfMoney(new Money(n));
const text = (a: Amount): string => decimalText(a);
const TKR = roundingTolerance('tkr');

function analyze(values: CellValue[][]): TableAnalysis {
  const { tables } = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] });
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** Members above costs and a result: the shape every convention shares. */
function budget(members: [string, ...number[]][]): CellValue[][] {
  const years = members[0].length - 1;
  const sums = Array.from({ length: years }, (_, k) => members.reduce((s, m) => s + (m[k + 1] as number), 0));
  return [
    [null, ...Array.from({ length: years }, (_, k) => 2024 + k)],
    ['Intäkter', ...sums.map(() => 'tkr')],
    ...members,
    ['Summa intäkter', ...sums],
    ['Kostnader'],
    ['Personal', ...sums],
    ['Summa kostnader', ...sums],
    ['Årets resultat', ...sums.map(() => 0)],
  ];
}

function year(state: number | string, region: number | string, municipalities: number | string): ShareYear {
  const amounts = { state: amount(state), region: amount(region), municipalities: amount(municipalities) };
  return { year: 2024, column: 0, allocation: amount(new Money(state).plus(region).plus(municipalities).toFixed()), amounts, municipalities: [] };
}
const shown = (d: ShareDeviation | null) => d && { expected: text(d.expected), difference: text(d.difference), share: d.share };

describe('who the members are', () => {
  it('the state (Försäkringskassan, also for Arbetsförmedlingen), the region, and every other member a municipality', () => {
    const t = analyze(budget([['Staten via Försäkringskassan', 2000, 2100], ['Region Skåne', 1000, 1050], ['Lunds kommun', 500, 525], ['Burlöv', 500, 525]]));
    expect(t.shares).toHaveLength(2);
    const [share] = t.shares;
    expect([share.amounts.state, share.amounts.region, share.amounts.municipalities, share.allocation].map(text)).toEqual(['2000', '1000', '1000', '4000']);
    expect(share.municipalities.map((m) => [m.label, text(m.amount)])).toEqual([['Lunds kommun', '500'], ['Burlöv', '500']]);
  });

  it('the region wherever its label names it: `Medlemsavgift Region …`, `… regionen`, a landsting', () => {
    for (const region of ['Medlemsavgift Region Västerland', 'Västra Götalandsregionen', 'Landstinget i Norrland']) {
      const t = analyze(budget([['Medlemsavgift Försäkringskassan', 2000, 2000], [region, 1000, 1000], ['Medlemsavgift Lillby kommun', 1000, 1000]]));
      expect(t.shares.map((s) => [s.amounts.state, s.amounts.region, s.amounts.municipalities].map(text))).toEqual([['2000', '1000', '1000'], ['2000', '1000', '1000']]);
    }
  });

  it('no member pays a negative amount: a row below zero every year adjusts the allocation', () => {
    const t = analyze(budget([['Staten', 2000, 2000], ['Region', 1000, 1000], ['Kommunerna', 1100, 1100], ['Avgår återbetalning', -100, -100]]));
    expect(t.shares.map((s) => text(s.amounts.municipalities))).toEqual(['1100', '1100']);
  });

  it('tells no shares without a state and a region among the rows', () => {
    expect(analyze(budget([['Nettoomsättning', 4000, 4000], ['Övriga intäkter', 100, 100]])).shares).toEqual([]);
  });

  it('leaves out a year whose allocation is zero', () => {
    const t = analyze(budget([['Staten', 2000, 0], ['Region', 1000, 0], ['Kommunerna', 1000, 0]]));
    expect(t.shares.map((s) => s.year)).toEqual([2024]);
  });
});

describe('the shares', () => {
  it('are ½, ¼ and ¼', () => {
    expect(EXPECTED_SHARE).toEqual({ state: 0.5, region: 0.25, municipalities: 0.25 });
  });

  it('the region and the municipalities each match half the state\'s amount; within rounding no deviation, past it one, with the actual share', () => {
    expect(groupDeviation(year(2000, 1001, 1000), 'region', 1, TKR)).toBeNull();
    expect(shown(groupDeviation(year(2400, 1200, 600), 'municipalities', 1, TKR))).toEqual({ expected: '1200', difference: '-600', share: '0.1429' });
    expect(groupDeviation(year(2400, 1200, 600), 'region', 1, TKR)).toBeNull();
  });

  it('one shortfall is one deviation: the municipalities\' 900 where the state\'s 2 000 calls for 1 000 (l16)', () => {
    const t = analyze(budget([['Försäkringskassan', 2000, 2000], ['Region', 1000, 1000], ['Höga kommun', 600, 540], ['Låga kommun', 400, 360]]));
    const found = t.findings.filter((f) => f.code === 'share-deviation');
    expect(found.map((f) => [f.rowLabel, f.year, text(f.stated!), text(f.expected!)])).toEqual([['Kommunerna', 2025, '900', '1000']]);
    expect(findingMessage(found[0], 'tkr')).toBe('Kommunerna 2025 bidrar med 900 tkr (23,1 % av tilldelningen), men ska enligt förbundsordningen bidra med hälften av statens 2 000 tkr, alltså 1 000 tkr.');
  });

  it('allows half a unit per row of a group of many rounded rows', () => {
    // Nine municipalities: 4,5 tkr of rounding; one row alone: 1.
    expect(groupDeviation(year('2000', '1000', '1004.5'), 'municipalities', 9, TKR)).toBeNull();
    expect(groupDeviation(year('2000', '1000', '1004.5'), 'municipalities', 1, TKR)).not.toBeNull();
  });

  it('a municipality\'s part of the municipal quarter follows the förbundsordning\'s percentages', () => {
    const y = year(2000, 1000, 1000);
    expect(splitDeviation(y, amount(400), new Money(40), TKR)).toBeNull();
    expect(shown(splitDeviation(y, amount(500), new Money(32), TKR))).toEqual({ expected: '320', difference: '180', share: '0.5' });
  });

  it('knows a municipality by its name, with or without kommun or stad', () => {
    expect(sameMunicipality('Upplands-Bro kommun', 'Upplands Bro')).toBe(true);
    expect(sameMunicipality('- Sundbybergs stad', 'Sundbyberg')).toBe(true);
    expect(sameMunicipality('Järfälla kommun', 'Sundbyberg')).toBe(false);
    expect(sameMunicipality('kommun', 'Järfälla')).toBe(false);
  });
});
