import { decimalText } from '../../src/core/amount';
import { toA1 } from '../../src/core/address';
import { analyzeGrid } from '../../src/core/analyze';
import { findingMessage } from '../../src/core/messages';
import { sheetFromValues, type CellValue, type Grid } from '../../src/core/grid';
import { LUND } from '../helpers/tables';

const grid = (values: CellValue[][], name = 'Budget'): Grid => ({ sheets: [sheetFromValues(name, values)] });
const cell = (ref: { row: number; col: number }) => toA1(ref.row, ref.col);
const only = (values: CellValue[][]) => {
  const { tables } = analyzeGrid(grid(values));
  expect(tables).toHaveLength(1);
  return tables[0];
};
const problems = (values: CellValue[][]) =>
  only(values).findings.filter((f) => f.code !== 'hardcoded-totals').map((f) => `${f.code} ${cell(f.at)}`);

describe('recognising a table', () => {
  it('finds the header, the label column, the unit and the title', () => {
    const { table } = only(LUND);
    expect(table.columns.map((c) => [toA1(table.headerRow, c.col), c.year, c.kind])).toEqual([['B2', 2024, 'budget'], ['C2', 2025, 'budget']]);
    expect(table.labelCol).toBe(0);
    expect(table.unit).toBe('tkr');
    expect(table.unitSource).toBe('unit-row');
    expect(table.title?.text).toBe('BUDGET för 2024');
    expect(table.rows.map((r) => r.role)).toEqual([
      'group', 'line', 'line', 'line', 'total', 'opening-equity', 'available', 'group', 'line', 'line', 'total', 'closing-equity',
    ]);
  });

  it('finds nothing wrong in a table that adds up, and names every relation', () => {
    const { table, findings } = only(LUND);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const label = (i: number) => table.rows[i].label;
    expect(table.relations.map((r) => `${label(r.target)} = ${r.terms.map((t) => `${t.sign < 0 ? '−' : '+'}${label(t.row)}`).join(' ')}`)).toEqual([
      'Summa intäkter = +Staten +Region Skåne +Lunds kommun',
      'Tillgängliga medel = +Summa intäkter +Sparade medel',
      'Summa kostnader = +Kansli +Insatser',
      'Medel till förfogande = +Tillgängliga medel −Summa kostnader',
    ]);
    expect(table.carry.map((c) => label(c.target))).toEqual(['Sparade medel']);
  });

  it('finds the table anywhere on the sheet and in any sheet, with addresses that follow it', () => {
    const shifted = [[], [], ...LUND.map((row) => [null, null, null, ...row])];
    const broken = shifted.map((row) => [...row]);
    broken[14][5] = 8000; // Summa kostnader 2024 (sheet row 15, column F)
    const { tables } = analyzeGrid({ sheets: [sheetFromValues('Anteckningar', [['Inget här']]), sheetFromValues('Blad 7', broken)] });
    expect(tables).toHaveLength(1);
    expect(tables[0].table.sheet).toBe('Blad 7');
    expect(tables[0].findings.filter((f) => f.severity === 'error').map((f) => cell(f.at))).toEqual(['F15']);
  });

  it.each([
    ['Budget 2024', 'Budget 2025', 'budget'],
    ['Plan 2025', 'Plan 2026', 'plan'],
    ['Utfall 2022', 'Utfall 2023', 'utfall'],
    ['B 2024', 'B 2025', 'budget'],
  ])('reads year headers written as %j', (a, b, kind) => {
    const values = LUND.map((row) => [...row]);
    values[1] = [null, a, b];
    expect(only(values).table.columns.map((c) => c.kind)).toEqual([kind, kind]);
  });

  it('finds two tables side by side on one header row, each with its own labels, title and findings', () => {
    const second = LUND.map((row, i) => (i === 0 ? ['BUDGET för 2024 – projekt'] : row.map((v) => (typeof v === 'number' && i > 1 ? v * 2 : v))));
    second[12] = ['Summa kostnader', 17020, 99]; // H13 wrong: 15920
    const values = LUND.map((row, i) => [...row, ...new Array(4 - row.length).fill(null), null, ...second[i]]);
    const { tables } = analyzeGrid(grid(values));
    expect(tables.map((t) => [t.table.title?.text, toA1(t.table.range.top, t.table.range.left) + ':' + toA1(t.table.range.bottom, t.table.range.right)])).toEqual([
      ['BUDGET för 2024', 'A2:C14'],
      ['BUDGET för 2024 – projekt', 'F2:H14'],
    ]);
    expect(tables[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(tables[1].findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${cell(f.at)}`)).toContain('sum-mismatch H13');
  });

  it('reads a header row whose years go back only as the start of another table of two years or more', () => {
    const header = (years: CellValue[]) => [['BUDGET för 2024'], [null, ...years], ...LUND.slice(2).map((row) => [...row, 1, 1])];
    // 2024 2025 | 2023 alone: no second table, and no first one (the row is no header).
    expect(analyzeGrid(grid(header([2024, 2025, 2023, null]).map((r) => r.slice(0, 4)))).tables).toEqual([]);
    // Going back within written headers is no header either: Plan 2026 before Budget 2024.
    expect(analyzeGrid(grid([[null, 'Plan 2026', 'Budget 2024'], ...LUND.slice(2)]))).toEqual({ tables: [] });
  });

  it('reads a header whose kind follows the year (2025 Budget, 2026 Plan), as economy systems write it', () => {
    const values: CellValue[][] = LUND.map((row, r) => (r === 1 ? [null, '2024 Budget', '2025 Plan'] : row));
    const { table, findings } = only(values);
    expect(table.columns.map((c) => [c.header, c.year, c.kind])).toEqual([['2024 Budget', 2024, 'budget'], ['2025 Plan', 2025, 'plan']]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('takes the unit from a header cell, a title, a note under the table, or the size of the numbers', () => {
    const body: CellValue[][] = [['Medlemmar', 4000, 4000], ['Kansli', 3000, 3100], ['Summa kostnader', 3000, 3100]];
    expect(only([['Intäkter (tkr)', 'Budget 2024', 'Budget 2025'], ...body]).table.unitSource).toBe('header');
    expect(only([['Budget 2024, belopp i kr'], [null, 2024, 2025], ...body]).table).toMatchObject({ unit: 'kr', unitSource: 'title' });
    expect(only([[null, 2024, 2025], ...body, [], ['Belopp i mkr']]).table).toMatchObject({ unit: 'mkr', unitSource: 'note' });
    expect(only([[null, 'Budget 2024', 'Budget 2025'], ['Medlemmar', 4000000, 4000000], ['Summa intäkter', 4000000, 4000000]]).table).toMatchObject({ unit: 'kr', unitSource: 'magnitude' });
  });

  it('joins a label wrapped over two rows (Finansiella intäkter och / kostnader)', () => {
    const { table } = only([
      [null, 2023, 2024],
      ['AKTIV', 161, 370],
      ['Finansiella intäkter och'],
      ['kostnader', 1, null],
      ['Summa kostnader', 162, 370],
    ]);
    expect(table.rows.map((r) => r.label)).toEqual(['AKTIV', 'Finansiella intäkter och kostnader', 'Summa kostnader']);
  });

  it('finds subtotals stated above their parts, whatever their dashes say (seed 004)', () => {
    const { table, findings } = only([
      ['Budget 2023', 'Budget 2023', 'Budget 2024'],
      ['Finansiering'],
      ['- Finansiering från medlemmar', 300, 310],
      ['- Kommun A', 100, 110],
      ['- Kommun B', 200, 200],
      ['- Eget kapital', 50, 60],
      ['Summa medel att disponera', 350, 370],
      ['Kansli och administration -personal', 120, 130],
      ['Förbundschef', 120, 130],
      ['Projektkostnader', 170, 180],
      ['- Projekt X', 100, 100],
      ['-Projekt Y', 70, 80],
      ['Summa kostnader', 290, 310],
    ]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const label = (i: number) => table.rows[i].label;
    expect(table.relations.map((r) => `${label(r.target)}: ${r.terms.map((t) => label(t.row)).join(', ')}`)).toEqual([
      '- Finansiering från medlemmar: - Kommun A, - Kommun B',
      'Summa medel att disponera: - Finansiering från medlemmar, - Eget kapital',
      'Kansli och administration -personal: Förbundschef',
      'Projektkostnader: - Projekt X, -Projekt Y',
      'Summa kostnader: Kansli och administration -personal, Projektkostnader',
    ]);
  });

  it('keeps the structure when one column is wrong: the other columns still agree', () => {
    const values = LUND.map((row) => [...row]);
    values[12][1] = 9000;
    // The closing balance was typed from the right costs: it is a consequence, not a second error.
    expect(problems(values)).toEqual(['sum-mismatch B13', 'consequence B14']);
    expect(only(values).table.relations).toEqual(only(LUND).table.relations);
  });

  it('does not take two equal lines for a subtotal and its part', () => {
    const { findings, table } = only([
      [null, 2024, 2025],
      ['Kostnader'],
      ['Hyra', 35, 35],
      ['El', 35, 35],
      ['Summa kostnader', 70, 70],
    ]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(table.rows.map((r) => r.role)).toEqual(['group', 'line', 'line', 'total']);
  });

  it('tells two blocks closed by the same label apart by their section (seed 003)', () => {
    const { table, findings } = only([
      ['Intäkter (tkr)', 'Budget 2024', 'Budget 2025'],
      ['Region', 1520, 1563],
      ['Staten', 3040, 3125],
      ['Totalt', 4560, 4688],
      ['Utgifter/Kostnader'],
      ['Fasta kostnader'],
      ['Kansli', 2250, 2250],
      ['Individinsatser'],
      ['Team', 2200, null],
      ['Totalt', 4450, 2250],
      ['Resultat', 110, 2438],
    ]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const result = table.relations.find((r) => table.rows[r.target].label === 'Resultat')!;
    expect(result.terms).toEqual([{ row: 2, sign: 1 }, { row: 8, sign: -1 }]);
  });

  it('ignores sheets that are not budgets: prose, and statistics without money', () => {
    const prose = sheetFromValues('Info', [['Rådhuset, Torget 1'], ['245 80 Staffanstorp'], ['Förbundet bildades 2012.']]);
    const statistics = sheetFromValues('Statistik', [
      [null, 2021, 2022, 2023],
      ['Deltagare, kvinnor', 120, 130, 140],
      ['Deltagare, män', 100, 90, 95],
      ['Totalt', 230, 220, 235],
    ]);
    expect(analyzeGrid({ sheets: [prose, statistics] }).tables).toEqual([]);
  });
});

describe('findings on cells', () => {
  it('reads a number stored as text and says so', () => {
    const values = LUND.map((row) => [...row]);
    values[4][1] = '1 842,5';
    expect(problems(values)).toEqual(['text-number B5']);
  });

  it('reports a SUM that leaves out a line of its block, even one that is 0 today', () => {
    const sheet = sheetFromValues('Budget', LUND.map((row) => [...row]));
    sheet.rows[12]![1] = { value: 8510, formula: 'SUM(B11:B12)' };
    sheet.rows[12]![2] = { value: 7960, formula: 'SUM(C11:C11)+C12' };
    const withNewLine = { ...sheet, rows: [...sheet.rows.slice(0, 12), [{ value: 'Ny rad' }, { value: 0 }, { value: 0 }], ...sheet.rows.slice(12)] };
    const [analysis] = analyzeGrid({ sheets: [withNewLine] }).tables;
    const omits = analysis.findings.filter((f) => f.code === 'formula-omits-line');
    expect(omits.map((f) => [cell(f.at), f.params.omitted])).toEqual([['B14', 'Ny rad'], ['C14', 'Ny rad']]);
    expect(analysis.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
  });

  it('names an error value instead of reading it as 0: a line leaves its totals unchecked, a total is its lines\' sum', () => {
    const values = LUND.map((row) => [...row]);
    values[4][2] = { error: '#REF!' }; // Region Skåne 2025
    values[12][1] = { error: '#N/A' }; // Summa kostnader 2024
    const { findings, table } = only(values);
    expect(findings.filter((f) => f.code !== 'hardcoded-totals').map((f) => `${f.code} ${cell(f.at)}`)).toEqual(['error-value C5', 'error-value B13']);
    const [line, total] = findings;
    expect(line.affects.map((a) => toA1(a.row, a.col))).toEqual(['C7', 'C9', 'C14']);
    expect(findingMessage(line, table.unit)).toBe('Region Skåne 2025 visar felvärdet #REF! i stället för ett belopp – rätta formeln eller skriv in beloppet. Summorna som bygger på cellen kan inte kontrolleras förrän dess.');
    expect(findingMessage(total, table.unit)).toBe('Summa kostnader 2024 visar felvärdet #N/A i stället för en summa – raderna summerar till 8 510 tkr. Rätta formeln i cellen.');
  });

  it('keeps a total whose every year is an error value in the table, as a total', () => {
    const values = LUND.map((row) => [...row]);
    values[12] = ['Summa kostnader', { error: '#REF!' }, { error: '#REF!' }];
    const { findings, table } = only(values);
    expect(table.rows.find((r) => r.label === 'Summa kostnader')?.role).toBe('total');
    expect(findings.filter((f) => f.code !== 'hardcoded-totals').map((f) => `${f.code} ${cell(f.at)} ${f.expected === null ? null : decimalText(f.expected)}`)).toEqual(['error-value B13 8510', 'error-value C13 7960']);
  });

  it('counts typed totals once per table', () => {
    const note = only(LUND).findings.filter((f) => f.code === 'hardcoded-totals');
    expect(note.map((f) => [f.params.count, f.params.total])).toEqual([[8, 8]]);
  });

  it.each([
    ['Budget 2023 plan 2024–2025', [2023, 2024, 2025, 2026], true],
    ['Budget 2024 med plan 2025–2026', [2023, 2024, 2025, 2026], false],
    ['Budget 2024 - 2026', [2023, 2024, 2025, 2026], false],
    ['BUDGET för 2024', [2023, 2024, 2025, 2026], false],
    ['Budget 2025', [2023, 2024], true],
  ])('title %j over columns %j: mismatch %s', (title, years, mismatch) => {
    const values: CellValue[][] = [[title], [null, ...years], ['Kansli', ...years.map(() => 100)], ['Summa kostnader', ...years.map(() => 100)]];
    expect(problems(values).some((p) => p.startsWith('title-years-mismatch'))).toBe(mismatch);
  });
});

describe('a very long table', () => {
  // Guards the bound on subtotals stated above their parts: without it this took minutes
  // (N²/2 steps). The timeout is a hang guard, not a performance assertion.
  it('of 20 000 lines is read as one table whose total adds up', () => {
    const lines = 20_000;
    const values: CellValue[][] = [[null, 2024, 2025]];
    for (let i = 0; i < lines; i++) values.push([`Konto ${i}`, 1000 + (i % 97), 2000 + (i % 89)]);
    const sum = (col: number) => values.slice(1).reduce((n, row) => n + (row[col] as number), 0);
    values.push(['Summa kostnader', sum(1), sum(2)]);
    const analysis = analyzeGrid({ sheets: [sheetFromValues('Huvudbok', values)] });
    expect(analysis.tables).toHaveLength(1);
    expect(analysis.tables[0].table.rows[lines].role).toBe('total');
    expect(analysis.tables[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
  }, 30_000);
});
