import { analyzeGrid } from '../../../src/core/analyze';
import { sheetFromValues } from '../../../src/core/grid';
import { LUND } from '../../helpers/tables';
import type { RowRole } from '../../../src/core/labels';
import { COMPUTED_ROLES, isComputedRole, mayNameSubtotal, namesOnePayer } from '../../../src/core/rules/computedRows';
import { toA1 } from '../../../src/core/address';
import { decimalText } from '../../../src/core/amount';
import type { CellValue } from '../../../src/core/grid';
import { budgetTableSection } from '../../../src/core/sections/budgetTable';
import { planYears } from '../../../src/core/sections/years';

describe('what counts as a total', () => {
  it('is a total, the money available, a result, the closing equity and what remains', () => {
    expect([...COMPUTED_ROLES].sort()).toEqual(['available', 'closing-equity', 'remaining', 'result', 'total']);
    const others: RowRole[] = ['line', 'group', 'opening-equity', 'limit'];
    for (const role of others) expect(isComputedRole(role)).toBe(false);
  });

  it('the recognizer finds the parts of exactly the computed rows', () => {
    const [analysis] = analyzeGrid({ sheets: [sheetFromValues('Budget', LUND)] }).tables;
    const { table } = analysis;
    const targets = table.relations.map((r) => table.rows[r.target].label);
    const computed = table.rows.filter((r) => isComputedRole(r.role)).map((r) => r.label);
    expect(targets).toEqual(computed);
    expect(computed).toEqual(['Summa intäkter', 'Tillgängliga medel', 'Summa kostnader', 'Medel till förfogande']);
  });

  it('the plan\'s budget table sets exactly the computed rows as totals', () => {
    const [analysis] = analyzeGrid({ sheets: [sheetFromValues('Budget', LUND)] }).tables;
    const section = budgetTableSection(analysis, planYears(analysis.table), null);
    const block = section.blocks.find((b) => b.kind === 'table');
    if (block?.kind !== 'table') throw new Error('no table in the section');
    expect(block.totalRows.map((i) => block.rows[i][0])).toEqual(['Summa intäkter', 'Tillgängliga medel', 'Summa kostnader', 'Medel till förfogande']);
  });
});

/** The table's rows as `label: role = parts` (the parts of the rows that have any). */
function structureOf(values: CellValue[][]): string[] {
  const [{ table }] = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables;
  return table.rows.map((r, i) => {
    const rel = table.relations.find((x) => x.target === i);
    return `${r.label}: ${r.role}${rel ? ` = ${rel.terms.map((t) => table.rows[t.row].label).join(' + ')}` : ''}`;
  });
}

describe('a subtotal no `Summa` names', () => {
  it.each(['Medlemsbidrag', 'Medlemsavgifter', 'Summa medlemsavgifter', 'Tilldelning', 'Verksamhetens intäkter', 'Verksamhetens kostnader', 'Personalkostnader', '- Kostnader'])('%s may be one', (label) => {
    expect(mayNameSubtotal(label)).toBe(true);
  });

  it.each(['Övriga intäkter', 'Försäkringskassan', 'Styrelse', 'Medlemsavgift Region Västerland', 'Övriga verksamhetskostnader'])('%s is not', (label) => {
    expect(mayNameSubtotal(label)).toBe(false);
  });

  it('is the total of the lines above it where they add up, and the total below counts them once, through it (l15)', () => {
    expect(structureOf([
      ['tkr', 'Budget 2025', 'Plan 2026', 'Plan 2027'],
      ['Finansiering'],
      ['Staten via Försäkringskassan', 3600, 3600, 3600],
      ['Region Västra', 1800, 1800, 1800],
      ['Åkerby kommun', 1080, 1080, 1080],
      ['Lövby kommun', 720, 720, 620],
      ['Medlemsbidrag', 7200, 7200, 7100],
      ['ESF-projekt Nya vägar', 900, 900, 0],
      ['Försäljning av utbildningsplatser', 120, 120, 120],
      ['Summa finansiering', 8220, 8220, 7220],
    ])).toEqual([
      'Finansiering: group',
      'Staten via Försäkringskassan: line', 'Region Västra: line', 'Åkerby kommun: line', 'Lövby kommun: line',
      'Medlemsbidrag: total = Staten via Försäkringskassan + Region Västra + Åkerby kommun + Lövby kommun',
      'ESF-projekt Nya vägar: line', 'Försäljning av utbildningsplatser: line',
      'Summa finansiering: total = Medlemsbidrag + ESF-projekt Nya vägar + Försäljning av utbildningsplatser',
    ]);
  });

  it('stays a line where nothing above it adds up to it (a resultatbudget\'s first line)', () => {
    expect(structureOf([
      ['tkr', 2024, 2025],
      ['Medlemsbidrag', 6800, 7000],
      ['Övriga intäkter', 50, 50],
      ['Verksamhetens intäkter', 6850, 7050],
    ])).toEqual(['Medlemsbidrag: line', 'Övriga intäkter: line', 'Verksamhetens intäkter: total = Medlemsbidrag + Övriga intäkter']);
  });
});

describe('a total whose block starts at no heading', () => {
  it('sums the lines right above it that add up: `Summa kommunerna` under the state\'s and the region\'s lines, one column wrong', () => {
    expect(structureOf([
      ['tkr', 'Budget 2025', 'Plan 2026', 'Plan 2027'],
      ['Intäkter'],
      ['Försäkringskassan', 3000, 3000, 3000],
      ['Region Sörmark', 1500, 1500, 1400],
      ['Alby kommun', 700, 700, 700],
      ['Berga kommun', 500, 500, 500],
      ['Cedra kommun', 300, 300, 300],
      ['Summa kommunerna', 1500, 1450, 1500],
      ['Summa medlemsavgifter', 6000, 5950, 5900],
    ])).toEqual([
      'Intäkter: group', 'Försäkringskassan: line', 'Region Sörmark: line', 'Alby kommun: line', 'Berga kommun: line', 'Cedra kommun: line',
      'Summa kommunerna: total = Alby kommun + Berga kommun + Cedra kommun',
      'Summa medlemsavgifter: total = Försäkringskassan + Region Sörmark + Summa kommunerna',
    ]);
  });

  it('a net right under its lines: `Finansiella poster` = financial income + financial costs', () => {
    expect(structureOf([
      ['tkr', 2024, 2025],
      ['Verksamhetens intäkter', 50, 50],
      ['Verksamhetens kostnader', -6900, -7250],
      ['Verksamhetens nettokostnader', -6850, -7200],
      ['Bidrag från medlemmarna', 6800, 7000],
      ['Finansiella intäkter', 10, 10],
      ['Finansiella kostnader', -2, -2],
      ['Finansiella poster', 8, 8],
      ['Årets resultat', -42, -192],
    ]).slice(-2)).toEqual([
      'Finansiella poster: total = Finansiella intäkter + Finansiella kostnader',
      'Årets resultat: result = Verksamhetens nettokostnader + Bidrag från medlemmarna + Finansiella poster',
    ]);
  });
});

describe('a line that names one payer', () => {
  it('is the state or a region, not a municipality or the members together', () => {
    for (const label of ['Försäkringskassan', 'Staten', 'Region Ås', 'Medlemsavgift Region Västerland']) expect(namesOnePayer(label)).toBe(true);
    for (const label of ['Åsby kommun', 'Kommunerna', 'Tilldelning från medlemmarna', 'Summa intäkter']) expect(namesOnePayer(label)).toBe(false);
  });

  it('is never the subtotal of the members under it, though ½ ¼ ¼ makes it add up: the subtotal above them is found (l18)', () => {
    const values: CellValue[][] = [
      ['kr', 'Bokslut 2023', 'Budget 2024', 'Budget 2025'],
      ['Tilldelning från medlemmarna', 3000000, 3000000, 3100000],
      ['Försäkringskassan', 1500000, 1500000, 1600000],
      ['Region Ås', 750000, 750000, 800000],
      ['Åsby kommun', 450000, 450000, 480000],
      ['Bäckby kommun', 300000, 300000, 320000],
      ['Ränteintäkter', 4200, 3000, 3000],
      ['Summa intäkter', 3004200, 3003000, 3103000],
    ];
    expect(structureOf(values)).toEqual([
      'Tilldelning från medlemmarna: total = Försäkringskassan + Region Ås + Åsby kommun + Bäckby kommun',
      'Försäkringskassan: line', 'Region Ås: line', 'Åsby kommun: line', 'Bäckby kommun: line', 'Ränteintäkter: line',
      'Summa intäkter: total = Tilldelning från medlemmarna + Ränteintäkter',
    ]);
    const [analysis] = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables;
    // One wrong total, the subtotal's 2025; the sum under it adds up from its stated parts.
    expect(analysis.findings.filter((f) => f.severity === 'error').map((f) => `${toA1(f.at.row, f.at.col)} ${f.code} ${decimalText(f.expected!)}`)).toEqual(['D2 sum-mismatch 3200000']);
  });
});
