import * as fs from 'fs';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../src/core/grid';
import { buildSections } from '../../src/core/sections/buildSections';
import type { DocSection } from '../../src/core/sections/types';
import { analyzeSeed, SEED_SLUGS } from '../helpers/seeds';

// The section text is part of the contract: a reviewer reads these golden files.
const GOLDEN_DIR = path.join(__dirname, '..', 'golden', 'sections');

const texts = (sections: DocSection[]) => sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : b.kind === 'list' ? b.items : [])));

describe.each([...SEED_SLUGS])('sections of %s', (slug) => {
  it('match the reviewed golden file', async () => {
    const sections = buildSections(await analyzeSeed(`${slug}.xlsx`));
    const actual = `${JSON.stringify(sections, null, 2)}\n`;
    const file = path.join(GOLDEN_DIR, `${slug}.json`);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(GOLDEN_DIR, { recursive: true });
      fs.writeFileSync(file, actual);
    }
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('has the six sections, each starting with its heading, with stable keys', async () => {
    const sections = buildSections(await analyzeSeed(`${slug}.xlsx`));
    expect(sections.map((s) => s.key)).toEqual(['uppdrag', 'budget', 'budgetkommentar', 'eget-kapital', 'fordelning', 'forslag-till-beslut']);
    for (const s of sections) expect(s.blocks[0]).toEqual({ kind: 'heading', level: 1, text: s.title });
  });
});

describe('the sentences', () => {
  it('say surplus or deficit, one year or several, with Swedish numbers that do not wrap', async () => {
    const lund = texts(buildSections(await analyzeSeed('seed-000-lund-prel.xlsx')));
    expect(lund).toContain('Budgeten för 2024 visar ett underskott på 1\u00a0130\u00a0tkr.');
    expect(lund).toContain('Planen visar ett underskott på 580\u00a0tkr för 2025 och ett överskott på 5\u00a0030\u00a0tkr för 2026.');
    expect(lund).toContain('Underskotten 2024 och 2025 täcks av förbundets eget kapital.');
    expect(lund).toContain('Eget kapital ligger över riktvärdet 2023 och 2026, övriga år under.');
    const bksv = texts(buildSections(await analyzeSeed('seed-002-bksv.xlsx')));
    expect(bksv).toContain('Eget kapital ligger över riktvärdet alla år 2024–2026.');
    expect(bksv.some((t) => t.startsWith('Observera: budgettabellen innehåller ett fel'))).toBe(true);
  });

  it('write a total that shows an error value as its lines\' sum, marked and explained', () => {
    const values: CellValue[][] = [
      ['Budget 2024'], [null, 2024, 2025], ['Intäkter', 'tkr', 'tkr'], ['Staten', 1000, 1000], ['Region Skåne', 500, 500], ['Kommunerna', 500, 500],
      ['Summa intäkter', 2000, 2000], ['Kostnader'], ['Kansli', 900, 900], ['Insatser', 1000, 1000],
      ['Summa kostnader', { error: '#N/A' }, 1900], ['Resultat', 100, 100],
    ];
    const sections = buildSections(analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }));
    const table = sections[1].blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.find((r) => r[0] === 'Summa kostnader')!.slice(1)).toEqual(['1\u00a0900*', '1\u00a0900']);
    expect(texts(sections.slice(1, 2)).at(-1)).toBe('* Rättat av Budgetkoll, och summor som ändras av rättelsen: Summa kostnader 2024 (angivet #N/A, rätt 1\u00a0900\u00a0tkr).');
  });

  it('name the förbund from the sheet, above the table\'s title', async () => {
    const bksv = texts(buildSections(await analyzeSeed('seed-002-bksv.xlsx')));
    expect(bksv).toContain('Samordningsförbundet Burlöv-Kävlinge-Staffanstorp-Vellinge. Belopp i kr.');
  });

  it('propose the decision for the budget year and the plan years', async () => {
    const sections = buildSections(await analyzeSeed('seed-004-sodra-lappland.xlsx'));
    expect(texts(sections.slice(-1))).toEqual(['Förslag till beslut', 'Styrelsen föreslås besluta:', 'att godkänna verksamhetsplanen för 2024,', 'att fastställa budgeten för 2024 och planen för 2025–2026.']);
  });

  it('mark corrected totals and the totals that follow from them', async () => {
    const sections = buildSections(await analyzeSeed('seed-000-lund-prel.xlsx'));
    const table = sections[1].blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    const row = (label: string) => table.rows.find((r) => r[0] === label)!;
    expect(row('Summa kostnader')[2]).toBe('14\u00a0060*');
    expect(row('Sparade medel')[3]).toBe('1\u00a0110*');
    expect(row('Staten')[1]).toBe('3\u00a0685');
  });
});
