import { amountOfInteger, amountOfMoney, decimalText } from '../../../src/core/amount';
import { analyzeGrid } from '../../../src/core/analyze';
import { toA1 } from '../../../src/core/address';
import { sheetFromValues, type CellValue } from '../../../src/core/grid';
import { Money } from '../../../src/core/money';
import { isNoDifference, roundingTolerance, toleranceForRows } from '../../../src/core/rules/roundingTolerance';

/** A small budget in the given unit whose 2025 total states `total2025` (its lines give 12,3 + 4,5 = 16,8 or, whole, 1 230 + 450 = 1 680). */
function budget(unit: 'kr' | 'tkr' | 'mkr', total2025: number): CellValue[][] {
  const lines = unit === 'mkr' ? [[12.3, 12.3], [4.5, 4.5]] : [[1230, 1230], [450, 450]];
  const sum = unit === 'mkr' ? 16.8 : 1680;
  return [
    [`Budget 2024 (${unit})`],
    [null, 2024, 2025],
    ['Kostnader'],
    ['Personal', ...lines[0]],
    ['Lokaler', ...lines[1]],
    ['Summa kostnader', sum, total2025],
  ];
}

/** The findings about the 2025 total (C6), as code and difference. */
function verdict(values: CellValue[][]): string[] {
  const [table] = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables;
  return table.findings.filter((f) => toA1(f.at.row, f.at.col) === 'C6').map((f) => `${f.code} ${f.difference === null ? '' : decimalText(f.difference)}`);
}

describe('roundingTolerance', () => {
  it('is one unit for kronor and thousands, one tenth for millions (written with one decimal)', () => {
    expect(decimalText(roundingTolerance('kr'))).toBe('1');
    expect(decimalText(roundingTolerance('tkr'))).toBe('1');
    expect(decimalText(roundingTolerance('mkr'))).toBe('0.1');
  });

  it.each(['kr', 'tkr'] as const)('in %s a total off by 1 is rounding, off by 2 an error', (unit) => {
    expect(verdict(budget(unit, 1681))).toEqual(['rounding 1']);
    expect(verdict(budget(unit, 1679))).toEqual(['rounding -1']);
    expect(verdict(budget(unit, 1682))).toEqual(['sum-mismatch 2']);
  });

  it('in mkr a total off by 0,1 is rounding, off by 0,2 an error — and 1 is far more than rounding', () => {
    expect(verdict(budget('mkr', 16.9))).toEqual(['rounding 0.1']);
    expect(verdict(budget('mkr', 16.75))).toEqual(['rounding -0.05']);
    expect(verdict(budget('mkr', 17))).toEqual(['sum-mismatch 0.2']);
    expect(verdict(budget('mkr', 17.8))).toEqual(['sum-mismatch 1']);
  });
});

describe('toleranceForRows', () => {
  const tkr = roundingTolerance('tkr');
  const mkr = roundingTolerance('mkr');

  it('is half a unit per rounded row, and at least one unit', () => {
    expect(decimalText(toleranceForRows(tkr, 1))).toBe('1');
    expect(decimalText(toleranceForRows(tkr, 2))).toBe('1');
    expect(decimalText(toleranceForRows(tkr, 3))).toBe('1.5');
    expect(decimalText(toleranceForRows(tkr, 9))).toBe('4.5');
    expect(decimalText(toleranceForRows(mkr, 4))).toBe('0.2');
  });

  it('keeps any tolerance it is given as the least', () => {
    expect(decimalText(toleranceForRows(amountOfMoney(new Money('0.5')), 1))).toBe('0.5');
    expect(decimalText(toleranceForRows(amountOfInteger(0), 7))).toBe('0');
  });
});

describe('isNoDifference', () => {
  it('floating-point noise is no difference; a hundredth of an öre already is one', () => {
    expect(isNoDifference(amountOfMoney(new Money('0.0000002')))).toBe(true);
    expect(isNoDifference(amountOfInteger(0))).toBe(true);
    expect(isNoDifference(amountOfMoney(new Money('0.0001')))).toBe(false);
  });

  it('a cached formula result with binary noise agrees with its lines: no rounding of 0 kr (l05)', () => {
    const values: CellValue[][] = [
      ['kr', 2025, 2026],
      ['Kostnader'],
      ['Lokalhyra', 94000.48, 120000],
      ['Styrelsearvoden', 408, 190000],
      // What Excel caches for =SUM(…) of amounts with öre: 94 408,48 and binary noise.
      ['Summa kostnader', 94408.48000000021, 310000],
    ];
    const [table] = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }).tables;
    expect(table.findings.filter((f) => f.code === 'rounding' || f.code === 'sum-mismatch')).toEqual([]);
  });
});
