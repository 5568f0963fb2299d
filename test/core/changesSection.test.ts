import { amountOf, amountOfInteger } from '../../src/core/amount';
import type { Analysis } from '../../src/core/analyze';
import { compareAnalyses } from '../../src/core/compare/compareAnalyses';
import { changesSection } from '../../src/core/sections/changesSection';
import { CHANGES_TITLE, inPlanOrder, type Block, type DocSection } from '../../src/core/sections/types';
import { analyzeSeed } from '../helpers/seeds';

// The plan's section on the changes since the previous proposal, built from the comparison of
// seeds 000 (preliminary) and 001 (adopted), the Lund budget the board saw twice.

type Table = Extract<Block, { kind: 'table' }>;
const NBSP = /\u00a0/g;
const textOf = (section: DocSection) => section.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').map((b) => (b as { text: string }).text.replace(NBSP, ' '));
const tableAfter = (section: DocSection, heading: string): Table | undefined => {
  const at = section.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  return at < 0 ? undefined : (section.blocks.slice(at).find((b) => b.kind === 'table') as Table);
};
const rows = (table: Table | undefined) => (table?.rows ?? []).map((r) => r.map((c) => c.replace(NBSP, ' ')));

describe('changesSection: seeds 000 → 001', () => {
  let prel: Analysis;
  let adopted: Analysis;
  const section = (threshold: string) => changesSection(compareAnalyses(prel, adopted).tables[0], amountOf(threshold));

  beforeAll(async () => {
    prel = await analyzeSeed('seed-000-lund-prel.xlsx');
    adopted = await analyzeSeed('seed-001-lund-antagen.xlsx');
  });

  it('lists the lines, totals and equity that changed by at least 100 tkr, the biggest first, and says how many smaller ones it leaves out', () => {
    const s = section('100');
    expect(s.key).toBe('forandringar');
    expect(s.title).toBe(CHANGES_TITLE);
    expect(s.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Förändringar jämfört med föregående förslag' });
    expect(textOf(s)).toContain('Jämfört med föregående förslag har budgeten ändrats enligt nedan. Här redovisas ändringar på minst 100 tkr, per rad och år, den största först. 23 mindre ändringar redovisas inte.');
    const lines = tableAfter(s, 'Budgetens rader');
    expect(lines?.header).toEqual(['Rad', 'År', 'Föregående förslag (tkr)', 'Nytt förslag (tkr)', 'Förändring (tkr)']);
    expect(rows(lines)[0]).toEqual(['IRIS Insam', '2023', '2 570', '1 884', '−686']);
    expect(rows(lines)).toContainEqual(['IRIS (Övergripande)', '2024', '1 600', '2 000', '+400']);
    // 74 tkr (2023) is below the threshold.
    expect(rows(lines).filter((r) => r[0] === 'IRIS (Övergripande)').map((r) => r[1])).toEqual(['2024', '2025']);
    expect(rows(tableAfter(s, 'Summor'))).toContainEqual(['Summa kostnader', '2024', '14 060', '14 492', '+432']);
    expect(rows(tableAfter(s, 'Eget kapital vid årets slut'))).toEqual([
      ['2023', '2 240', '3 421', '+1 181'], ['2024', '1 110', '1 899', '+789'], ['2025', '530', '857', '+327'], ['2026', '5 560', '5 425', '−135'],
    ]);
  });

  it('names an added line whatever its amount', () => {
    expect(textOf(section('100'))).toContain('Ny rad: Finansiella intäkter och kostnader (1 tkr 2023).');
    expect(textOf(section('5000'))).toContain('Ny rad: Finansiella intäkter och kostnader (1 tkr 2023).');
  });

  it('a higher threshold lists fewer changes; zero lists them all', () => {
    const high = section('500');
    expect(rows(tableAfter(high, 'Budgetens rader')).map((r) => r[0])).toEqual(['IRIS Insam']);
    expect(rows(tableAfter(high, 'Eget kapital vid årets slut')).map((r) => r[0])).toEqual(['2023', '2024']);
    const all = section('0');
    expect(textOf(all)).toContain('Jämfört med föregående förslag har budgeten ändrats enligt nedan. Här redovisas alla ändrade belopp, per rad och år, den största först.');
    expect(rows(tableAfter(all, 'Budgetens rader'))).toContainEqual(['Samverkansakademin', '2023', '0', '1', '+1']);
    expect(rows(tableAfter(all, 'Budgetens rader'))).toContainEqual(['IRIS (Övergripande)', '2023', '1 600', '1 674', '+74']);
  });

  it('says so when nothing reaches the threshold, and when nothing changed at all', () => {
    const none = section('5000');
    expect(textOf(none)).toContain('Inga belopp har ändrats med 5 000 tkr eller mer jämfört med föregående förslag. 60 mindre ändringar redovisas inte.');
    expect(none.blocks.some((b) => b.kind === 'table')).toBe(false);
    const same = changesSection(compareAnalyses(adopted, adopted).tables[0], amountOfInteger(100));
    expect(textOf(same)).toEqual([CHANGES_TITLE, 'Budgeten har inga ändrade belopp jämfört med föregående förslag.']);
  });

  it('says why it lists nothing when the budget table is in one version only', () => {
    const onlyNew = compareAnalyses({ tables: [] }, adopted).tables[0];
    expect(textOf(changesSection(onlyNew, amountOfInteger(100)))[1]).toBe('Budgettabellen finns inte i föregående förslag, så ändringarna kan inte redovisas.');
    expect(textOf(changesSection(null, amountOfInteger(100)))[1]).toBe('Budgettabellen finns inte i den nya versionen, så ändringarna kan inte redovisas.');
  });
});

describe('inPlanOrder', () => {
  it('puts the changes after the budget comment, before equity', () => {
    const keys = ['uppdrag', 'budget', 'budgetkommentar', 'eget-kapital', 'fordelning', 'forslag-till-beslut', 'forandringar'] as const;
    expect(inPlanOrder(keys.map((key) => ({ key }))).map((s) => s.key)).toEqual(['uppdrag', 'budget', 'budgetkommentar', 'forandringar', 'eget-kapital', 'fordelning', 'forslag-till-beslut']);
  });
});
