import fc from 'fast-check';
import { formatSwedish } from '../../src/core/format';
import { Money } from '../../src/core/money';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { countText, formatAmount, formatDecimal, formatNumber, keepAmountsTogether, sentence } from '../../src/taskpane/model/format';
import { DEFAULT_FORM, settingsFromForm } from '../../src/taskpane/model/settings';
import { buildViewModel } from '../../src/taskpane/model/viewModel';
import { seedReports } from './helpers';

describe('Swedish numbers in the pane', () => {
  it('formats decimal strings like the engine, with no-break spaces', () => {
    expect(formatAmount('-1522', 'tkr')).toBe('\u22121\u00a0522\u00a0tkr');
    expect(formatDecimal('1842.5')).toBe('1\u00a0842,5');
    expect(formatDecimal('-0')).toBe('0');
    expect(formatDecimal('0.995')).toBe('1');
    expect(formatDecimal('0.5005')).toBe('0,5');
    expect(formatNumber(2000)).toBe('2\u00a0000');
    expect(formatNumber(-2500)).toBe('\u22122\u00a0500');
  });

  it('agrees with formatSwedish for any amount', () => {
    const amount = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, places]) => new Money(n).dividedBy(10 ** places));
    fc.assert(fc.property(amount, (m) => {
      expect(formatDecimal(m.toFixed())).toBe(formatSwedish(m, { groupSeparator: '\u00a0' }));
    }));
  });

  it('keeps amounts on one line without changing a word', () => {
    const message = 'Summa intäkter 2024 är 12 930 tkr men raderna summerar till 12 970 tkr (20 % av 7 370 tkr).';
    const kept = keepAmountsTogether(message);
    expect(kept).toBe('Summa intäkter 2024 är 12\u00a0930\u00a0tkr men raderna summerar till 12\u00a0970\u00a0tkr (20\u00a0% av 7\u00a0370\u00a0tkr).');
    fc.assert(fc.property(fc.string(), (s) => {
      expect(keepAmountsTogether(s).replace(/\u00a0/g, ' ')).toBe(s.replace(/\u00a0/g, ' '));
    }));
  });

  it('counts in Swedish', () => {
    expect(countText(1, 'error')).toBe('1 fel');
    expect(countText(4, 'warning')).toBe('4 varningar');
    expect(countText(1, 'info')).toBe('1 notering');
    expect(countText(2, 'table')).toBe('2 tabeller');
    expect(sentence('filen är tom')).toBe('Filen är tom.');
  });
});

describe('settings form', () => {
  it('starts from the engine defaults', async () => {
    const parsed = await settingsFromForm(DEFAULT_FORM);
    if (!parsed.ok) throw new Error('defaults invalid');
    expect(parsed.value.reserve?.base).toBe(DEFAULT_SETTINGS.reserve.base);
    expect(parsed.value.reserve?.brackets.map((b) => [b.upToKr, b.percent.toFixed()]))
      .toEqual(DEFAULT_SETTINGS.reserve.brackets.map((b) => [b.upToKr, b.percent.toFixed()]));
    expect(parsed.value.openingEquity).toBeNull();
  });

  it('reads ÅR=BELOPP and Swedish percentages, and says what is wrong', async () => {
    const ok = await settingsFromForm({ reservePercent: '12,5', reserveBase: 'costs', openingEquity: ' 2025 = 4 000 ' });
    expect(ok.ok && ok.value.reserve?.brackets[0].percent.toFixed()).toBe('12.5');
    expect(ok.ok && ok.value.reserve?.base).toBe('costs');
    expect(ok.ok && [ok.value.openingEquity?.year, ok.value.openingEquity?.amount.toFixed()]).toEqual([2025, '4000']);
    const bad = await settingsFromForm({ reservePercent: '120', reserveBase: 'allocation', openingEquity: '4000' });
    expect(bad).toEqual({
      ok: false,
      reason: {
        reservePercent: 'Procentsatsen ska vara ett tal mellan 0 och 100 (fick ”120”).',
        openingEquity: 'Ingående eget kapital ska skrivas ÅR=BELOPP, till exempel 2025=4000 (fick ”4000”).',
      },
    });
  });
});

describe('view model', () => {
  it('groups the report of seed 001 for the pane', () => {
    const view = buildViewModel(seedReports());
    expect(view.tables).toHaveLength(1);
    expect(view.tables[0]).toMatchObject({ id: 'Budget 2024!A3:E36', heading: 'BUDGET för 2024', unit: 'tkr', years: '2023\u20132026' });
    expect(view.counts).toEqual({ error: 2, warning: 4, info: 2 });
    expect(view.findings.slice(0, 3).map((f) => [f.severity, f.cell])).toEqual([['error', 'C10'], ['error', 'E34'], ['warning', 'C12']]);
    expect(view.findings[2].causedBy).toBe('C10');
    expect(view.manySheets).toBe(false);
    expect(view.tables[0].equity.map((e) => e.closing)).toEqual(['3421', '1899', '857', '5425']);
  });

  it('puts errors of every table before warnings, keeping each table’s order', () => {
    const [table] = seedReports();
    const other = { ...table, sheet: 'Plan', range: 'A1:E30' };
    const view = buildViewModel([table, other]);
    expect(view.manySheets).toBe(true);
    expect(view.findings.slice(0, 4).map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Budget 2024!C10', 'Budget 2024!E34', 'Plan!C10', 'Plan!E34']);
    expect(new Set(view.findings.map((f) => f.id)).size).toBe(view.findings.length);
  });
});
