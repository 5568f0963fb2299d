import { analyzeGrid } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import { sheetFromValues } from '../../src/core/grid';
import { findingMessage } from '../../src/core/messages';

describe('findings in words', () => {
  it('name a row without its child marker: `- Styrelsen`, `-En väg vidare` read as the board reads them', () => {
    const sheet = sheetFromValues('Budget', [
      ['tkr', 'Budget 2024', 'Plan 2025'],
      ['Kostnader'],
      ['- Styrelsen', 120, 130],
      ['-En väg vidare', 500, 500],
      ['- Revision', 60, 60],
      ['Summa kostnader', 680, 690],
    ]);
    sheet.rows[5][1] = { value: 620, formula: 'SUM(B3:B4)' };
    const [{ table, findings }] = analyzeGrid({ sheets: [sheet] }).tables;
    const messages = findings.filter((f) => f.severity === 'error').map((f) => `${toA1(f.at.row, f.at.col)} ${findingMessage(f, table.unit)}`);
    expect(messages).toEqual([
      'B6 Summa kostnader 2024: formeln =SUM(B3:B4) tar inte med Revision, som hör till summan. Med alla rader blir summan 680 tkr, inte 620 tkr.',
    ]);
    expect(findings[0].rowLabel).toBe('Summa kostnader');
  });

  it('the row label itself keeps what the sheet says; only the words lose the dash', () => {
    const [{ table, findings }] = analyzeGrid({
      sheets: [sheetFromValues('Budget', [
        ['tkr', 'Budget 2024', 'Plan 2025'],
        ['- Finansiering från medlemmar', 3000, 3000],
        ['- Försäkringskassan', 1500, 1500],
        ['- Region', 750, 750],
        ['- Kommunerna', 700, 750],
        ['Kostnader'],
        ['Personal', 2900, 3000],
        ['Summa kostnader', 2900, 3000],
      ])],
    }).tables;
    const wrong = findings.find((f) => f.code === 'sum-mismatch')!;
    expect(wrong.rowLabel).toBe('- Finansiering från medlemmar');
    expect(findingMessage(wrong, table.unit)).toBe('Finansiering från medlemmar 2024 är 3 000 tkr men raderna summerar till 2 950 tkr.');
  });
});
