import { analyzeGrid } from '../../../src/core/analyze';
import { findHeaderRows } from '../../../src/core/recognize/headerRows';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { isBudgetTable, isCodeLabel, mostlyCodes, namesColumnKind } from '../../../src/core/rules/budgetTable';

const tablesIn = (values: CellValue[][]) => analyzeGrid({ sheets: [sheetFromValues('Blad', values)] }).tables;

describe('labels that are codes', () => {
  it.each(['SF 2022/0147', '00000118004', 'E 4010', '2024-03'])('%s is a code', (label) => {
    expect(isCodeLabel(label)).toBe(true);
  });

  it.each(['Totalt', 'Försäkringskassan', '4003 Dikning', 'E02210Gorsinge 1:1', 'SAMTEAM 2.0 Burlöv', 'Budgeterat resultat 2024', '20% av årlig tilldelning'])('%s is a name', (label) => {
    expect(isCodeLabel(label)).toBe(false);
  });

  it('most labels codes: a list, not budget lines', () => {
    expect(mostlyCodes(['SF 2022/0001', 'SF 2022/0002', 'Totalt'])).toBe(true);
    expect(mostlyCodes(['SF 2022/0001', 'Styrelse', 'Totalt'])).toBe(false);
  });
});

describe('what speaks of money', () => {
  const evidence = { explicitUnit: false, labels: ['Kvinnor', 'Män', 'Summa'], soundsLikeBudget: () => false, headers: ['2021', '2022'] };

  it('a unit, a money word, or year headers that name a budget\'s columns', () => {
    expect(isBudgetTable(evidence)).toBe(false);
    expect(isBudgetTable({ ...evidence, explicitUnit: true })).toBe(true);
    expect(isBudgetTable({ ...evidence, soundsLikeBudget: (label) => label === 'Män' })).toBe(true);
    expect(isBudgetTable({ ...evidence, headers: ['Budget 2021', 'Plan 2022'] })).toBe(true);
    expect(namesColumnKind('2021')).toBe(false);
    expect(namesColumnKind('Utfall 2023')).toBe(true);
  });

  it('labels that are codes are no budget, whatever the unit', () => {
    expect(isBudgetTable({ ...evidence, explicitUnit: true, labels: ['SF 2022/0001', 'SF 2022/0002', 'Totalt'] })).toBe(false);
  });
});

describe('tables that are no budgets', () => {
  it('a participants statistic with its years typed as text (l09)', () => {
    expect(tablesIn([
      ['Deltagare i individinriktade insatser (SUS)'],
      [],
      [null, '2021', '2022', '2023', '2024'],
      ['Kvinnor', 96, 104, 118, 121],
      ['Män', 77, 81, 90, 88],
      ['Summa', 173, 185, 208, 209],
    ])).toEqual([]);
  });

  it('the same rows with money words are a budget, years typed as text or not', () => {
    const [t] = tablesIn([
      [null, '2024', '2025'],
      ['Bidrag från staten', 96, 104],
      ['Kostnader för insatser', 77, 81],
      ['Resultat', 19, 23],
    ]);
    expect(t.table.columns.map((c) => c.year)).toEqual([2024, 2025]);
  });

  it('a ledger of case ids under a year header, in kr: labels that are codes (l10)', () => {
    const rows: CellValue[][] = [['Utbetalningar per ärende, kr'], [], ['Diarienummer', 2022, 2023, 2024]];
    for (let i = 0; i < 20; i++) rows.push([`SF 2022/${String(i + 1).padStart(4, '0')}`, 1000 + i, 500, null]);
    rows.push(['Totalt', 20190, 10000, 1]);
    expect(tablesIn(rows)).toEqual([]);
  });

  it('a list with a start and an end year in every row: years in the data, not a header (l10)', () => {
    const rows: CellValue[][] = [['Diarienummer', 'Insats', 'Startår', 'Slutår', 'Beviljat (kr)']];
    for (let i = 0; i < 12; i++) rows.push([`Ärende ${i + 1}`, 'Arbetsträning', String(2019 + (i % 4)), String(2020 + (i % 4)), '5 000']);
    const sheet = sheetFromValues('Ärenden', rows);
    expect(findHeaderRows(sheet)).toEqual([]);
    expect(analyzeGrid({ sheets: [sheet] }).tables).toEqual([]);
  });
});
