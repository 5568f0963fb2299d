import { decimalText } from '../../../src/core/amount';
import { analyzeGrid, type TableAnalysis } from '../../../src/core/analyze';
import { toA1 } from '../../../src/core/address';
import { sheetFromValues, type CellValue, type Sheet } from '../../../src/core/grid';
import { makeFinding } from '../../../src/core/findings';
import { findingMessage } from '../../../src/core/messages';
import { correctsTotal } from '../../../src/core/rules/correctedFindings';
import { oneFindingPerCause } from '../../../src/core/rules/oneFindingPerCause';

/** Costs whose 2025 total is `=SUM(B4:B6)`, leaving out the line inserted below it (`omitted` in 2025). */
function costs(omitted: number): Sheet {
  const values: CellValue[][] = [
    ['tkr', 'Budget 2025', 'Plan 2026'],
    ['Kostnader'],
    ['Styrelse', 160, 165],
    ['Administration', 900, 930],
    ['Insatser', 2200, 2300],
    ['Arbetsgivaravgifter för arvoden', omitted, 40],
    ['Summa kostnader', 3260, 3435],
  ];
  const sheet = sheetFromValues('Budget', values);
  sheet.rows[6][1] = { value: 3260, formula: 'SUM(B3:B5)' };
  sheet.rows[6][2] = { value: 3435, formula: 'SUM(C3:C6)' };
  return sheet;
}

const analyze = (sheet: Sheet): TableAnalysis => analyzeGrid({ sheets: [sheet] }).tables[0];
const shown = (t: TableAnalysis) => t.findings.filter((f) => f.code !== 'hardcoded-totals').map((f) => `${toA1(f.at.row, f.at.col)} ${f.code} ${f.severity}`);

describe('one cause, one finding', () => {
  it('a SUM that leaves out a line is one error, carrying its wrong sum (l17)', () => {
    const t = analyze(costs(40));
    expect(shown(t)).toEqual(['B7 formula-omits-line error']);
    const [f] = t.findings;
    expect([f.stated, f.expected, f.difference].map((a) => decimalText(a!))).toEqual(['3260', '3300', '-40']);
    expect(f.params.wrongSum).toBe(true);
    expect(correctsTotal(f)).toBe(true);
    expect(findingMessage(f, 'tkr')).toBe('Summa kostnader 2025: formeln =SUM(B3:B5) tar inte med Arbetsgivaravgifter för arvoden, som hör till summan. Med alla rader blir summan 3 300 tkr, inte 3 260 tkr.');
  });

  it('a left-out line within rounding is still the one error, and no wrong total to correct', () => {
    const t = analyze(costs(1));
    expect(shown(t)).toEqual(['B7 formula-omits-line error']);
    expect(t.findings[0].params.wrongSum).toBe(false);
    expect(correctsTotal(t.findings[0])).toBe(false);
  });

  it('a left-out line that is zero: the formula finding alone, with no sum to carry', () => {
    const t = analyze(costs(0));
    expect(shown(t)).toEqual(['B7 formula-omits-line error']);
    expect(t.findings[0].expected).toBeNull();
    expect(findingMessage(t.findings[0], 'tkr')).toBe('Summa kostnader 2025: formeln =SUM(B3:B5) tar inte med Arbetsgivaravgifter för arvoden, som hör till summan.');
  });

  it('findings on other cells, or of other causes, are kept as they are', () => {
    const at = { sheet: 'Budget', row: 6, col: 1 };
    const other = { sheet: 'Budget', row: 6, col: 2 };
    const findings = [
      makeFinding('formula-omits-line', at, { params: { omitted: 'X' } }),
      makeFinding('sum-mismatch', other),
      makeFinding('reserve-excess', at),
    ];
    expect(oneFindingPerCause(findings)).toBe(findings);
    expect(findings.map((f) => f.code)).toEqual(['formula-omits-line', 'sum-mismatch', 'reserve-excess']);
  });
});
