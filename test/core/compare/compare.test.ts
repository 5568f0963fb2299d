import { analyzeGrid, type Analysis } from '../../../src/core/analyze';
import { sheetFromValues, type CellValue, type Grid } from '../../../src/core/grid';
import { compareAnalyses, hasDifferences } from '../../../src/core/compare/compareAnalyses';
import { diffReport, type DiffReport, type TableDiffReport } from '../../../src/core/compare/diffReport';
import { analyzeSeed } from '../../helpers/seeds';
import { BASE, NEXT_YEAR, draftValues, gridOfDraft, type Draft, type Line } from '../../helpers/budgetDraft';

const diff = (a: Analysis, b: Analysis): DiffReport => diffReport(compareAnalyses(a, b), { old: 'a.xlsx', new: 'b.xlsx' });
const onlyTable = (report: DiffReport): TableDiffReport => {
  expect(report.tables).toHaveLength(1);
  return report.tables[0];
};
const line = (t: TableDiffReport, label: string) => t.lines.find((l) => l.label === label);
const gridOf = (values: CellValue[][]): Grid => ({ sheets: [sheetFromValues('Budget', values)] });
const withCosts = (d: Draft, costs: Line[]): Draft => ({ ...d, costs });

describe('seeds 000 → 001: the preliminary and the adopted Lund budget', () => {
  let table: TableDiffReport;
  beforeAll(async () => {
    table = onlyTable(diff(await analyzeSeed('seed-000-lund-prel.xlsx'), await analyzeSeed('seed-001-lund-antagen.xlsx')));
  });

  it('pairs the tables and the years: 2023(prel.) becomes 2023', () => {
    expect(table.old).toEqual({ sheet: 'Budget 2024', range: 'A4:E31', title: 'BUDGET för 2024', unit: 'tkr' });
    expect(table.new).toEqual({ sheet: 'Budget 2024', range: 'A3:E36', title: 'BUDGET för 2024', unit: 'tkr' });
    expect(table.columns).toEqual([
      { year: 2023, old: '2023(prel.)', new: '2023' },
      { year: 2024, old: '2024', new: '2024' },
      { year: 2025, old: '2025', new: '2025' },
      { year: 2026, old: '2026', new: '2026' },
    ]);
  });

  it('IRIS (Övergripande) 2024: 1 600 → 2 000, and only the years that changed', () => {
    expect(line(table, 'IRIS (Övergripande)')).toEqual({
      label: 'IRIS (Övergripande)', status: 'changed', oldLabel: null,
      changes: [
        { year: 2023, old: '1600', new: '1674', difference: '74', oldCell: 'B20', newCell: 'B22' },
        { year: 2024, old: '1600', new: '2000', difference: '400', oldCell: 'C20', newCell: 'C22' },
        { year: 2025, old: '1600', new: '2000', difference: '400', oldCell: 'D20', newCell: 'D22' },
      ],
    });
  });

  it('the line the adopted plan adds, its label wrapped over two rows in the PDF', () => {
    expect(table.lines.filter((l) => l.status === 'added')).toEqual([{
      label: 'Finansiella intäkter och kostnader', status: 'added', oldLabel: null,
      changes: [{ year: 2023, old: null, new: '1', difference: '1', oldCell: null, newCell: 'B33' }],
    }]);
    // `Strategisk` / `arbetsmarknadssamordning` is wrapped in 001 too, and still the same line.
    expect(line(table, 'Strategisk arbetsmarknadssamordning')?.changes.map((c) => c.year)).toEqual([2023]);
    expect(table.counts).toEqual({ changed: 16, added: 1, removed: 0, unchanged: 4 });
    expect(table.lines.filter((l) => l.status === 'unchanged').map((l) => l.label)).toEqual(['Staten', 'Region Skåne', 'Lunds kommun', 'Räntor']);
  });

  it('compares totals by their recomputed values, so a stale total does not hide a change', () => {
    const costs = table.totals.filter((t) => t.label === 'Summa kostnader');
    expect(costs.find((t) => t.year === 2024)).toMatchObject({ old: '14060', new: '14492', difference: '432', oldStated: '14065', newStated: '14492' });
    // 2026 states 2 810 in both versions; its lines say 2 810 before and 2 912 after.
    expect(costs.find((t) => t.year === 2026)).toMatchObject({ old: '2810', new: '2912', difference: '102', oldStated: '2810', newStated: '2810' });
    expect(table.totals.find((t) => t.label === 'Summa intäkter' && t.year === 2024)).toMatchObject({ old: '12930', new: '12970', oldStated: '12930', newStated: '12930' });
    expect(new Set(table.totals.map((t) => t.label))).toEqual(new Set(['Summa intäkter', 'Sparade medel', 'Tillgängliga medel', 'Summa kostnader', 'Medel till förfogande']));
  });

  it('the equity chain per year, old and new closing', () => {
    expect(table.equity).toEqual([
      { year: 2023, old: '2240', new: '3421', difference: '1181' },
      { year: 2024, old: '1110', new: '1899', difference: '789' },
      { year: 2025, old: '530', new: '857', difference: '327' },
      { year: 2026, old: '5560', new: '5425', difference: '-135' },
    ]);
  });

  it('findings fixed, new and remaining by code, row and year, not by cell', () => {
    const brief = (f: { code: string; row: string | null; year: number | null; cell: string }) => `${f.code} ${f.row} ${f.year} ${f.cell}`;
    expect(table.findings.fixed.map(brief)).toEqual(['sum-mismatch Summa kostnader 2024 C30', 'sum-mismatch Medel till förfogande 2024 C31']);
    expect(table.findings.new.map(brief)).toEqual([
      'sum-mismatch Summa intäkter 2024 C10', 'sum-mismatch Summa kostnader 2026 E34', 'consequence Tillgängliga medel 2024 C12',
      'reserve-excess Eget kapital vid årets slut 2024 C36', 'rounding Medel till förfogande 2023 B36',
    ]);
    // The reserve warnings of 2023 and 2026 stay, though their cells moved from row 31 to 36.
    expect(table.findings.remaining.map(brief)).toEqual([
      'reserve-excess Eget kapital vid årets slut 2023 B36', 'reserve-excess Eget kapital vid årets slut 2026 E36', 'hardcoded-totals null null B10',
    ]);
  });
});

describe('pairing', () => {
  const compare = (a: Draft, b: Draft, options: Parameters<typeof gridOfDraft>[1] = {}) => onlyTable(diff(analyzeGrid(gridOfDraft(a)), analyzeGrid(gridOfDraft(b, options))));

  it('identical tables: no differences, every line unchanged', () => {
    const comparison = compareAnalyses(analyzeGrid(gridOfDraft(BASE)), analyzeGrid(gridOfDraft(BASE)));
    expect(hasDifferences(comparison)).toBe(false);
    const table = onlyTable(diffReport(comparison, { old: 'a', new: 'b' }));
    expect(table.counts).toEqual({ changed: 0, added: 0, removed: 0, unchanged: 10 });
    expect(table.totals).toEqual([]);
    expect(table.equity.every((e) => e.difference === '0')).toBe(true);
    expect(table.findings.fixed.concat(table.findings.new)).toEqual([]);
  });

  it('a table moved on the sheet and to another sheet: the same table, nothing changed but its place', () => {
    const comparison = compareAnalyses(analyzeGrid(gridOfDraft(BASE)), analyzeGrid(gridOfDraft(BASE, { sheet: 'Budget 2024', down: 6, right: 2 })));
    expect(hasDifferences(comparison)).toBe(false);
    const table = onlyTable(diffReport(comparison, { old: 'a', new: 'b' }));
    expect([table.old?.range, table.new?.range, table.new?.sheet]).toEqual(['A3:D20', 'C9:F26', 'Budget 2024']);
    // Findings follow their rows, not their cells.
    expect(table.findings.remaining.map((f) => f.cell)).toEqual(['D26', 'E26', 'F26', 'D15']);
  });

  it('a line renamed and moved with the same amounts is one renamed line', () => {
    const renamed = withCosts(BASE, [['Uppföljning och utvärdering', [300, 200, 200]], ...BASE.costs.filter(([label]) => label !== 'Utvärderingar')]);
    const table = compare(BASE, renamed);
    expect(table.lines.filter((l) => l.status !== 'unchanged')).toEqual([
      { label: 'Uppföljning och utvärdering', oldLabel: 'Utvärderingar', status: 'changed', changes: [] },
    ]);
    expect(table.totals).toEqual([]);
  });

  it('a line renamed, moved and given new amounts is a removed and an added line: no guess from the spelling', () => {
    const renamed = withCosts(BASE, [['Utvärdering', [300, 250, 200]], ...BASE.costs.filter(([label]) => label !== 'Utvärderingar')]);
    const table = compare(BASE, renamed);
    expect(table.lines.filter((l) => l.status !== 'unchanged').map((l) => [l.status, l.label])).toEqual([['added', 'Utvärdering'], ['removed', 'Utvärderingar']]);
    // 2025 costs 50 more: the result falls by 50, and the equity after it.
    expect(table.totals.map((t) => [t.label, t.year, t.difference])).toEqual([
      ['Summa kostnader', 2025, '50'], ['Budgeterat resultat 2024', 2025, '-50'],
      ['Eget kapital, ingående balans (IB) 2024', 2026, '-50'],
      ['Eget kapital, utgående balans (UB)', 2025, '-50'], ['Eget kapital, utgående balans (UB)', 2026, '-50'],
    ]);
    expect(table.equity.map((e) => e.difference)).toEqual(['0', '-50', '-50']);
  });

  it('a line moved to another place keeps its label: paired, unchanged', () => {
    const moved = withCosts(BASE, [...BASE.costs].reverse());
    expect(compare(BASE, moved).counts).toEqual({ changed: 0, added: 0, removed: 0, unchanged: 10 });
  });

  it('labels written differently are one line: case, dashes, spaces, brackets', () => {
    const respelled = withCosts(BASE, BASE.costs.map(([label, amounts]): Line => [label === 'Projekt Aktiv' ? '- PROJEKT  aktiv' : label, amounts]));
    const table = compare(BASE, respelled);
    expect(table.lines.find((l) => l.label.includes('PROJEKT'))).toMatchObject({ status: 'unchanged', oldLabel: null });
    expect(table.counts.unchanged).toBe(10);
  });

  it('a plan rolled forward a year shares the overlapping years; labels that name a year follow it', () => {
    const table = compare(BASE, NEXT_YEAR);
    expect(table.columns).toEqual([
      { year: 2024, old: '2024', new: null },
      { year: 2025, old: 'Plan 2025', new: '2025' },
      { year: 2026, old: 'Plan 2026', new: 'Plan 2026' },
      { year: 2027, old: null, new: 'Plan 2027' },
    ]);
    expect(table.lines.filter((l) => l.status !== 'unchanged')).toEqual([{
      label: 'Kansli', oldLabel: null, status: 'changed',
      changes: [{ year: 2026, old: '2100', new: '2150', difference: '50', oldCell: 'D11', newCell: 'C11' }],
    }]);
    // `Budgeterat resultat 2024` is `Budgeterat resultat 2025` now: the same row, renamed.
    expect(table.totals.map((t) => [t.label, t.oldLabel, t.year, t.old, t.new])).toEqual([
      ['Summa kostnader', null, 2026, '5500', '5550'],
      ['Budgeterat resultat 2025', 'Budgeterat resultat 2024', 2026, '500', '450'],
      ['Eget kapital, utgående balans (UB)', null, 2026, '1900', '1850'],
    ]);
    expect(table.equity.map((e) => [e.year, e.old, e.new])).toEqual([[2024, '1900', null], [2025, '1400', '1400'], [2026, '1900', '1850'], [2027, null, '2350']]);
  });

  it('repeated labels pair by their section: Samsund\'s two `Totalt`, an income line added', () => {
    const samsund = (income: [string, number][]): CellValue[][] => {
      const totalIncome = income.reduce((a, [, v]) => a + v, 0);
      return [
        ['Budget 2024 - 2026'], [], [null, 'Budget 2024', 'Budget 2025'],
        ...income.map(([label, v]) => [label, v, v]),
        ['Totalt', totalIncome, totalIncome],
        ['Utgifter/Kostnader'], ['Kansli', 1500, 1500], ['Insatser', 1200, 1300],
        ['Totalt', 2700, 2800],
        ['Resultat', totalIncome - 2700, totalIncome - 2800],
      ];
    };
    const before = samsund([['Region Stockholm', 1000], ['Arbetsförmedlingen + Försäkringskassan', 2000]]);
    const after = samsund([['Region Stockholm', 1000], ['Arbetsförmedlingen + Försäkringskassan', 2000], ['Järfälla', 1000]]);
    const table = onlyTable(diff(analyzeGrid(gridOf(before)), analyzeGrid(gridOf(after))));
    expect(table.lines.filter((l) => l.status !== 'unchanged').map((l) => [l.status, l.label])).toEqual([['added', 'Järfälla']]);
    // The income `Totalt` (row 6, then 7) grows by 1 000; the cost `Totalt` (row 10, then 11) is the same.
    expect(table.totals.map((t) => [t.label, t.year, t.oldCell, t.newCell, t.difference])).toEqual([
      ['Totalt', 2024, 'B6', 'B7', '1000'], ['Totalt', 2025, 'C6', 'C7', '1000'],
      ['Resultat', 2024, 'B11', 'B12', '1000'], ['Resultat', 2025, 'C11', 'C12', '1000'],
    ]);
  });

  it('repeated labels pair by their section, not merely in order: the first `Övrigt` removed', () => {
    const budget = (styrelsen: [string, number][], kansliOvrigt: number): CellValue[][] => {
      const board = styrelsen.reduce((a, [, v]) => a + v, 0);
      return [
        ['Budget 2024'], [], [null, 2024, 2025], ['Intäkter', 'tkr', 'tkr'],
        ['Medlemsavgifter', 5000, 5000], ['Summa intäkter', 5000, 5000],
        ['Styrelsen'], ...styrelsen.map(([label, v]) => [label, v, v]), ['Summa styrelsen', board, board],
        ['Kansli'], ['Lön', 2000, 2000], ['Övrigt', kansliOvrigt, kansliOvrigt], ['Summa kansli', 2000 + kansliOvrigt, 2000 + kansliOvrigt],
        ['Summa kostnader', board + 2000 + kansliOvrigt, board + 2000 + kansliOvrigt],
        ['Resultat', 5000 - board - 2000 - kansliOvrigt, 5000 - board - 2000 - kansliOvrigt],
      ];
    };
    const before = budget([['Arvoden', 300], ['Övrigt', 100]], 250);
    const after = budget([['Arvoden', 300]], 260);
    const table = onlyTable(diff(analyzeGrid(gridOf(before)), analyzeGrid(gridOf(after))));
    expect(table.lines.filter((l) => l.status !== 'unchanged').map((l) => [l.status, l.label, l.changes.map((c) => `${c.oldCell}→${c.newCell} ${c.difference}`)])).toEqual([
      ['removed', 'Övrigt', ['B9→null -100', 'C9→null -100']],
      ['changed', 'Övrigt', ['B13→B12 10', 'C13→C12 10']],
    ]);
  });

  it('a renamed total is the same total when it sums the same lines', () => {
    // The draft writes `Summa kostnader`; the new version calls it `Summa verksamhetskostnader`.
    const grid = gridOfDraft({ ...BASE, costs: BASE.costs.map(([l, a]): Line => [l, l === 'Kansli' ? [2100, a[1], a[2]] : a]) });
    const labelCell = grid.sheets[0].rows.find((row) => row[0]?.value === 'Summa kostnader')![0]!;
    labelCell.value = 'Summa verksamhetskostnader';
    const table = onlyTable(diff(analyzeGrid(gridOfDraft(BASE)), analyzeGrid(grid)));
    expect(table.lines.filter((l) => l.status === 'added' || l.status === 'removed')).toEqual([]);
    expect(table.totals[0]).toMatchObject({ label: 'Summa verksamhetskostnader', oldLabel: 'Summa kostnader', year: 2024, old: '6900', new: '7000' });
  });

  it('tables pair by what they hold, whatever their order; a table of one version only is listed alone', () => {
    const project: Draft = {
      title: 'Projektbudget ESF Lumena', firstYear: 2024, years: [2024, 2025],
      income: [['ESF-medel', [900, 900]], ['Medfinansiering', [100, 100]]],
      costs: [['Projektledare', [600, 600]], ['Lokaler', [150, 150]], ['Resor', [250, 250]]],
    };
    const sheetOf = (d: Draft, name: string) => gridOfDraft(d, { sheet: name }).sheets[0];
    const before = analyzeGrid({ sheets: [sheetOf(BASE, 'Budget'), sheetOf(project, 'Projekt')] });
    const after = analyzeGrid({ sheets: [sheetOf(project, 'Projekt ESF'), sheetOf(BASE, 'Budget 2024')] });
    const report = diff(before, after);
    expect(report.tables.map((t) => [t.old?.sheet, t.new?.sheet, t.counts.unchanged])).toEqual([['Projekt', 'Projekt ESF', 5], ['Budget', 'Budget 2024', 10]]);
    const alone = diff(analyzeGrid({ sheets: [sheetOf(BASE, 'Budget')] }), after);
    // Every row of a table of one version only is added: its five lines and its three totals.
    expect(alone.tables.map((t) => [t.old?.sheet ?? null, t.new?.sheet ?? null, t.counts.added])).toEqual([[null, 'Projekt ESF', 8], ['Budget', 'Budget 2024', 0]]);
  });

  it('two tables on one sheet, stacked the other way round in the new version: each pairs with its own', () => {
    const project: Draft = {
      title: 'Projektbudget ESF Lumena', firstYear: 2024, years: [2024, 2025],
      income: [['ESF-medel', [900, 900]], ['Medfinansiering', [100, 100]]],
      costs: [['Projektledare', [600, 600]], ['Lokaler', [150, 150]], ['Resor', [250, 250]]],
    };
    const stacked = (first: Draft, second: Draft): Grid => gridOf([...draftValues(first), [], [], ...draftValues(second)]);
    const report = diff(analyzeGrid(stacked(BASE, project)), analyzeGrid(stacked(project, BASE)));
    expect(report.tables.map((t) => [t.old?.title, t.new?.title, t.old?.range, t.new?.range, t.counts.unchanged])).toEqual([
      ['Projektbudget ESF Lumena', 'Projektbudget ESF Lumena', 'A25:C35', 'A3:C13', 5],
      ['Budget för 2024', 'Budget för 2024', 'A3:D20', 'A18:D35', 10],
    ]);
  });

  it('a table in kronor and the same in tkr have no differences: amounts compared exactly in the finer unit', () => {
    const inKronor: Draft = {
      ...BASE, opening: BASE.opening! * 1000,
      income: BASE.income.map(([l, a]): Line => [l, a.map((x) => x * 1000)]),
      costs: BASE.costs.map(([l, a]): Line => [l, a.map((x) => x * 1000)]),
    };
    const kronorValues = gridOfDraft(inKronor);
    // The unit row says kr.
    kronorValues.sheets[0].rows[3] = kronorValues.sheets[0].rows[3].map((c, i) => (i === 0 ? c : { value: 'kr' }));
    const table = onlyTable(diff(analyzeGrid(gridOfDraft(BASE)), analyzeGrid(kronorValues)));
    expect(table.unit).toBe('kr');
    expect([table.old?.unit, table.new?.unit]).toEqual(['tkr', 'kr']);
    expect(table.counts.unchanged).toBe(10);
    expect(table.totals).toEqual([]);
  });
});
