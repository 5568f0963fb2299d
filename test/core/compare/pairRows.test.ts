import type { ComparedRow } from '../../../src/core/compare/comparedRows';
import { labelKey, yearlessKey } from '../../../src/core/compare/labelKey';
import { pairRows } from '../../../src/core/compare/pairRows';

/** A row as the pairing sees it; `terms` makes it a total of those rows. */
function row(index: number, label: string, options: { section?: string; terms?: number[] } = {}): ComparedRow {
  const terms = options.terms ?? [];
  return { index, label, key: labelKey(label), yearless: yearlessKey(label), section: options.section ?? '', computed: terms.length > 0, terms };
}

const noAmounts = () => null;
const pairsOf = (pairs: { old: number | null; new: number | null }[]) => pairs.map((p) => `${p.old ?? '-'}:${p.new ?? '-'}`);

describe('labelKey', () => {
  it.each([
    ['- Övrigt', 'övrigt'],
    ['IRIS (Övergripande)', 'iris övergripande'],
    ['Hållbart näringsliv / arbetsmarknad', 'hållbart näringsliv arbetsmarknad'],
    ['Kansli och administration -personal', 'kansli och administration personal'],
    ['20% av årlig tilldelning', '20% av årlig tilldelning'],
    ['  Summa\u00a0kostnader ', 'summa kostnader'],
  ])('%j → %j', (label, key) => expect(labelKey(label)).toBe(key));

  it('leaves the years out for a plan rolled forward, but keeps a label that is only a year', () => {
    expect(yearlessKey('Eget kapital, ingående balans (IB) 2023')).toBe(yearlessKey('Eget kapital, ingående balans (IB) 2024'));
    expect(yearlessKey('2024')).toBe('2024');
  });
});

describe('pairRows', () => {
  it('pairs a repeated label in its own section, then in order', () => {
    const old = [row(0, 'Arvoden', { section: 'styrelsen' }), row(1, 'Övrigt', { section: 'styrelsen' }), row(2, 'Lön', { section: 'kansli' }), row(3, 'Övrigt', { section: 'kansli' })];
    const now = [row(0, 'Arvoden', { section: 'styrelsen' }), row(1, 'Lön', { section: 'kansli' }), row(2, 'Övrigt', { section: 'kansli' })];
    expect(pairsOf(pairRows({ old, new: now, oldAmounts: noAmounts, newAmounts: noAmounts }))).toEqual(['0:0', '1:-', '2:1', '3:2']);
  });

  it('a renamed line by identical amounts, only where no other unpaired line has them', () => {
    const old = [row(0, 'Utvärderingar'), row(1, 'Projekt X'), row(2, 'Projekt Y')];
    const now = [row(0, 'Uppföljning'), row(1, 'Projekt Z')];
    const amounts = { old: ['300 200', '100 100', '100 100'], new: ['300 200', '100 100'] };
    const pairs = pairRows({ old, new: now, oldAmounts: (i) => amounts.old[i], newAmounts: (i) => amounts.new[i] });
    // Projekt Z has the amounts of both X and Y: no guess.
    expect(pairsOf(pairs)).toEqual(['0:0', '1:-', '2:-', '-:1']);
    // All zero is no evidence.
    const zeros = pairRows({ old: [row(0, 'A')], new: [row(0, 'B')], oldAmounts: noAmounts, newAmounts: noAmounts });
    expect(pairsOf(zeros)).toEqual(['0:-', '-:0']);
  });

  it('a renamed total by its parts, where each is the other\'s only best', () => {
    // Old A sums 0 and 1, old B sums 0, 1 and 2; new X sums the same three: X is B, though A's best is X too.
    const lines = [row(0, 'Hyra'), row(1, 'El'), row(2, 'Städning')];
    const old = [...lines, row(3, 'Summa lokal', { terms: [0, 1] }), row(4, 'Summa lokaler', { terms: [0, 1, 2] })];
    const now = [...lines, row(3, 'Summa fastighet', { terms: [0, 1, 2] })];
    expect(pairsOf(pairRows({ old, new: now, oldAmounts: noAmounts, newAmounts: noAmounts }))).toEqual(['0:0', '1:1', '2:2', '3:-', '4:3']);
  });

  it('a total that shares less than half its parts stays unpaired', () => {
    const lines = [row(0, 'Hyra'), row(1, 'El'), row(2, 'Städning'), row(3, 'Larm')];
    const old = [...lines, row(4, 'Summa lokaler', { terms: [0, 1, 2] })];
    const now = [...lines, row(4, 'Summa drift', { terms: [2, 3] })];
    expect(pairsOf(pairRows({ old, new: now, oldAmounts: noAmounts, newAmounts: noAmounts }))).toEqual(['0:0', '1:1', '2:2', '3:3', '4:-', '-:4']);
  });
});
