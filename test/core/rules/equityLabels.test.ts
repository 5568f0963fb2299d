import { decimalText } from '../../../src/core/amount';
import { analyzeGrid } from '../../../src/core/analyze';
import { toA1 } from '../../../src/core/address';
import { sheetFromValues } from '../../../src/core/grid';
import { roleFromLabel } from '../../../src/core/labels';
import { CLOSING_EQUITY, OPENING_EQUITY } from '../../../src/core/rules/equityLabels';

describe('the equity at a year\'s end', () => {
  it.each([
    'Eget kapital vid årets slut', 'Eget kapital vid årets utgång', 'Utgående eget kapital', 'Eget kapital, utgående',
    'Eget kapital, utgående balans (UB)', 'Eget kapital UB', 'Eget kapital 31 december', 'Utgående eget kapital 31 december 2021',
    'Balanserat kapital vid årets slut', 'Utgående sparade medel', 'Utgående balans', 'Medel till förfogande',
  ])('%s is the closing', (label) => {
    expect(CLOSING_EQUITY.test(label)).toBe(true);
    expect(roleFromLabel(label)).toBe('closing-equity');
  });
});

describe('the equity at a year\'s start', () => {
  it.each([
    'Eget kapital vid årets början', 'Eget kapital vid årets ingång', 'Ingående eget kapital', 'Eget kapital, ingående',
    'Eget kapital, ingående balans (IB) 2023', 'Eget kapital IB', 'Eget kapital 1 januari', 'Ingående eget kapital 1 januari 2021',
    'Balanserat kapital vid årets början', 'Balanserade medel', 'Sparade medel', 'Ingående balans', '- SF södra Lappland eget kapital',
  ])('%s is the opening', (label) => {
    expect(CLOSING_EQUITY.test(label)).toBe(false);
    expect(OPENING_EQUITY.test(label)).toBe(true);
    expect(roleFromLabel(label)).toBe('opening-equity');
  });

  it('a draw on equity is neither', () => {
    for (const label of ['Ianspråktagande av eget kapital', 'Uttag ur eget kapital', 'Användning av eget kapital']) {
      expect(CLOSING_EQUITY.test(label)).toBe(false);
      expect(OPENING_EQUITY.test(label)).toBe(false);
    }
  });
});

describe('a table in these words', () => {
  it('carries `… 31 december` into next year\'s `… 1 januari`, and puts the reserve on the closing (l12)', () => {
    const [analysis] = analyzeGrid({
      sheets: [sheetFromValues('Budget', [
        ['kr', 'Budget 2025', 'Plan 2026', 'Plan 2027'],
        ['Intäkter'],
        ['Försäkringskassan', 2000000, 2000000, 2000000],
        ['Region', 1000000, 1000000, 1000000],
        ['Kommunerna', 1000000, 1000000, 1000000],
        ['Summa intäkter', 4000000, 4000000, 4000000],
        ['Kostnader'],
        ['Insatser', 4370000, 4530000, 4690000],
        ['Summa kostnader', 4370000, 4530000, 4690000],
        ['Budgeterat resultat', -370000, -530000, -690000],
        ['Eget kapital 1 januari', 3100000, 2730000, 2300000],
        ['Eget kapital 31 december', 2730000, 2200000, 1610000],
      ])],
    }).tables;
    const { table, findings, equity } = analysis;
    expect(table.rows.filter((r) => r.role.endsWith('equity')).map((r) => `${r.label}: ${r.role}`)).toEqual([
      'Eget kapital 1 januari: opening-equity', 'Eget kapital 31 december: closing-equity',
    ]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${toA1(f.at.row, f.at.col)} ${f.code}`)).toEqual(['D11 carry-over-break']);
    expect(findings.filter((f) => f.code === 'reserve-excess').map((f) => toA1(f.at.row, f.at.col))).toEqual(['B12', 'C12', 'D12']);
    // Every year states its closing, the last one too.
    expect(equity.map((y) => `${y.year} ${decimalText(y.closing)} ${y.source}`)).toEqual(['2025 2730000 stated', '2026 2200000 stated', '2027 1510000 stated']);
  });
});
