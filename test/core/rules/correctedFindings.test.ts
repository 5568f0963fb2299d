import { analyzeGrid, type TableAnalysis } from '../../../src/core/analyze';
import { toA1 } from '../../../src/core/address';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { planFixes } from '../../../src/core/fixes';
import { REWRITTEN_TOTAL_CODES, WRONG_TOTAL_CODES, correctsTotal } from '../../../src/core/rules/correctedFindings';
import { budgetTableSection } from '../../../src/core/sections/budgetTable';
import { planYears } from '../../../src/core/sections/years';

const analyze = (values: CellValue[][]): TableAnalysis => analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables[0];

// 2024: Summa kostnader is 50 too high (a sum-mismatch) and Resultat follows it (a consequence);
// 2025: Summa kostnader is 1 off (rounding); 2026: Summa intäkter shows #N/A.
const BUDGET: CellValue[][] = [
  ['Budget 2024'],
  [null, 2024, 2025, 2026],
  ['Intäkter', 'tkr', 'tkr', 'tkr'],
  ['Bidrag', 1000, 1000, 1000],
  ['Summa intäkter', 1000, 1000, { error: '#N/A' }],
  ['Kostnader'],
  ['Personal', 600, 600, 600],
  ['Lokaler', 200, 200, 200],
  ['Summa kostnader', 850, 801, 800],
  ['Resultat', 200, 200, 200],
];

describe('which findings correct a total', () => {
  it('a wrong total is a sum-mismatch, a consequence or a carry-over break', () => {
    expect(WRONG_TOTAL_CODES).toEqual(['sum-mismatch', 'consequence', 'carry-over-break']);
    expect(REWRITTEN_TOTAL_CODES).toEqual([...WRONG_TOTAL_CODES, 'rounding', 'formula-omits-line']);
  });

  it('the plan\'s table marks the wrong totals and a total with an error value, not rounding', () => {
    const t = analyze(BUDGET);
    const corrected = t.findings.filter(correctsTotal).map((f) => `${f.code} ${toA1(f.at.row, f.at.col)}`);
    expect(corrected).toEqual(['error-value D5', 'sum-mismatch B9', 'consequence B10']);
    const section = budgetTableSection(t, planYears(t.table), null);
    const note = section.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('*'));
    expect(note?.kind === 'paragraph' && note.text).toContain('Summa kostnader 2024');
    expect(note?.kind === 'paragraph' && note.text).not.toContain('Summa kostnader 2025');
  });

  it('the fix counts a wrong or rounded total as wrong, and any other typed total as merely typed', () => {
    const reasons = planFixes(analyze(BUDGET)).fixes.map((f) => `${toA1(f.at.row, f.at.col)} ${f.reason}`);
    expect(reasons).toEqual([
      'B5 typed-total', 'C5 typed-total', 'D5 typed-total',
      'B9 wrong-total', 'C9 wrong-total', 'D9 typed-total',
      'B10 wrong-total', 'C10 wrong-total', 'D10 typed-total',
    ]);
  });

  it('the fix rewrites a formula that is wrong, and keeps one that is right', () => {
    const sheet = sheetFromValues('Budget', BUDGET);
    // D9 sums only Personal: a SUM that leaves out a line, and a wrong total. D10's formula is right
    // and adds up with what D9 shows; its result goes stale once D9 is fixed.
    sheet.rows[4][3] = { value: 1000, formula: 'D4' };
    sheet.rows[8][3] = { value: 600, formula: 'SUM(D7:D7)' };
    sheet.rows[9][3] = { value: 400, formula: 'D5-D9' };
    const [t] = analyzeGrid({ sheets: [sheet] }).tables;
    const { fixes, stale } = planFixes(t);
    expect(fixes.filter((f) => f.at.col === 3).map((f) => `${toA1(f.at.row, f.at.col)} ${f.reason} =${f.formula}`)).toEqual(['D9 wrong-total =SUM(D7:D8)']);
    expect(stale.map((s) => `${toA1(s.at.row, s.at.col)} ${s.value.toFixed()}`)).toEqual(['D10 200']);
  });
});
