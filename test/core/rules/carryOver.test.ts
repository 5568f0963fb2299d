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

  it('never run into an outcome or a forecast, which the table states as they are', () => {
    const cols = columns([2023, 'budget'], [2023, 'prognos'], [2024, 'budget']);
    expect(chainLinks(cols)).toEqual([[1, 2]]);
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
