import { amountOfInteger, decimalText } from '../../../src/core/amount';
import { analyzeGrid, type TableAnalysis } from '../../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import type { TableColumn } from '../../../src/core/model';
import type { ColumnKind } from '../../../src/core/yearHeader';
import { chainColumns, chainLinks, closingOf, preferredColumn } from '../../../src/core/rules/carryOver';

const columns = (...spec: [number, ColumnKind][]): TableColumn[] => spec.map(([year, kind], i) => ({ col: i + 1, header: `${kind} ${year}`, year, kind }));

const only = (values: CellValue[][]): TableAnalysis => {
  const { tables } = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] });
  expect(tables).toHaveLength(1);
  return tables[0];
};
const carried = ({ table }: TableAnalysis) => table.carry.map((c) => ({
  opening: table.rows[c.target].label,
  closing: c.terms.map((t) => `${t.sign === 1 ? '+' : '−'}${table.rows[t.row].label}`).join(' '),
  links: c.links.map(([from, to]) => `${table.columns[from].year}→${table.columns[to].year}`),
}));

describe('which column speaks for a year', () => {
  it('an outcome before a forecast before the budget', () => {
    const cols = columns([2023, 'budget'], [2023, 'prognos'], [2023, 'utfall'], [2024, 'budget']);
    expect(preferredColumn(cols, 2023)).toBe(2);
    expect(preferredColumn(cols.slice(0, 2), 2023)).toBe(1);
    expect(preferredColumn(cols, 2024)).toBe(3);
    expect(preferredColumn(cols, 2022)).toBe(-1);
  });
});

describe('the links of the chain', () => {
  it('run into every budget and plan column from the year before', () => {
    const cols = columns([2023, 'utfall'], [2024, 'budget'], [2025, 'plan'], [2026, 'plan']);
    expect(chainLinks(cols)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(chainColumns(cols)).toEqual([0, 1, 2, 3]);
  });

  it('run into outcome and forecast columns too, each from the column that speaks for the year before', () => {
    const cols = columns([2023, 'utfall'], [2024, 'budget'], [2024, 'prognos'], [2025, 'budget'], [2026, 'plan']);
    // 2024's budget and forecast both open with 2023's outcome; 2025 opens with the forecast, not the budget.
    expect(chainLinks(cols)).toEqual([[0, 1], [0, 2], [2, 3], [3, 4]]);
    expect(chainColumns(cols)).toEqual([0, 2, 3, 4]);
  });

  it('run through the national layout: outcome, forecast, budget, plan', () => {
    const cols = columns([2023, 'utfall'], [2024, 'prognos'], [2025, 'budget'], [2026, 'plan'], [2027, 'plan']);
    expect(chainLinks(cols)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
    expect(chainColumns(cols)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a first year with a budget and a forecast starts at the forecast', () => {
    const cols = columns([2024, 'budget'], [2024, 'prognos'], [2025, 'budget']);
    expect(chainLinks(cols)).toEqual([[1, 2]]);
    expect(chainColumns(cols)).toEqual([1, 2]);
  });

  it('start at the first year and stop where a year is missing', () => {
    expect(chainColumns(columns([2024, 'budget'], [2025, 'plan'], [2027, 'plan']))).toEqual([0, 1]);
  });
});

describe('how a year closes', () => {
  it('opening plus income less costs', () => {
    expect(decimalText(closingOf(amountOfInteger(2670), amountOfInteger(4052), amountOfInteger(4626)))).toBe('2096');
  });
});

describe('the chain in a table', () => {
  it('links the opening to last year\'s stated closing', () => {
    const t = only([
      [null, 2024, 2025, 2026],
      ['Intäkter', 'tkr', 'tkr', 'tkr'],
      ['Bidrag', 1000, 1000, 1000],
      ['Sparade medel', 500, 600, 700],
      ['Tillgängliga medel', 1500, 1600, 1700],
      ['Kostnader', 900, 900, 900],
      ['Medel till förfogande', 600, 700, 800],
    ]);
    expect(carried(t)).toEqual([{ opening: 'Sparade medel', closing: '+Medel till förfogande', links: ['2024→2025', '2025→2026'] }]);
  });

  it('closes a year that states no closing as the money available less the costs (seed 004)', () => {
    const t = only([
      [null, 2024, 2025, 2026],
      ['Intäkter', 'tkr', 'tkr', 'tkr'],
      ['Bidrag', 1000, 1000, 1000],
      ['Summa intäkter', 1000, 1000, 1000],
      ['Ingående eget kapital', 500, 600, 700],
      ['Tillgängliga medel', 1500, 1600, 1700],
      ['Kostnader'],
      ['Personal', 900, 900, 900],
      ['Summa kostnader', 900, 900, 900],
    ]);
    expect(carried(t)).toEqual([{ opening: 'Ingående eget kapital', closing: '+Tillgängliga medel −Summa kostnader', links: ['2024→2025', '2025→2026'] }]);
  });

  it('closes a year that states only its opening as the opening plus the year\'s result (l19)', () => {
    const t = only([
      ['tkr', 'Utfall 2023', 'Budget 2024', 'Prognos 2024', 'Budget 2025'],
      ['Intäkter'],
      ['Bidrag', 2000, 2000, 2000, 2100],
      ['Summa intäkter', 2000, 2000, 2000, 2100],
      ['Kostnader'],
      ['Personal', 1800, 2330, 2115, 2565],
      ['Summa kostnader', 1800, 2330, 2115, 2565],
      ['Resultat', 200, -330, -115, -465],
      ['Eget kapital vid årets början', 1600, 1800, 1800, 1470],
    ]);
    expect(carried(t)).toEqual([{ opening: 'Eget kapital vid årets början', closing: '+Eget kapital vid årets början +Resultat', links: ['2023→2024', '2023→2024', '2024→2025'] }]);
    // 2025 opens with the 2024 budget's closing (1 800 − 330), not the forecast's (1 800 − 115 = 1 685).
    expect(t.findings.filter((f) => f.code === 'carry-over-break').map((f) => [f.year, decimalText(f.stated!), decimalText(f.expected!)])).toEqual([[2025, '1470', '1685']]);
    expect(t.equity.map((y) => [y.year, decimalText(y.closing), y.source])).toEqual([[2023, '1800', 'stated'], [2024, '1685', 'stated'], [2025, '1220', 'projected']]);
  });

  it('is no chain where it holds in no year: a misreading, not a list of breaks', () => {
    const t = only([
      [null, 2024, 2025, 2026],
      ['Intäkter', 'tkr', 'tkr', 'tkr'],
      ['Bidrag', 1000, 1000, 1000],
      ['Sparade medel', 500, 50, 70],
      ['Tillgängliga medel', 1500, 1050, 1070],
      ['Kostnader', 900, 900, 900],
      ['Medel till förfogande', 600, 150, 170],
    ]);
    expect(t.table.carry).toEqual([]);
    expect(t.findings.filter((f) => f.code === 'carry-over-break')).toEqual([]);
  });
});
