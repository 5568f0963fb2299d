import * as fs from 'fs';
import * as path from 'path';
import { buildSections } from '../../src/core/sections/buildSections';
import type { Block, DocSection } from '../../src/core/sections/types';
import { columnWidths, DOCX_TITLE, headerLines, sectionBookmark, sectionsToDocx } from '../../src/files/writeDocx';
import { sectionPackage } from '../../src/wordml/sectionsXml';
import { bodyParagraphs, docxParts, numberFormats, tables, type DocxParts } from '../helpers/docx';
import { analyzeSeed, SEED_SLUGS } from '../helpers/seeds';

const NBSP = '\u00a0';
type TableBlock = Extract<Block, { kind: 'table' }>;
const tableBlocks = (sections: DocSection[]) => sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === 'table'));

const cache = new Map<string, { sections: DocSection[]; bytes: Uint8Array; parts: DocxParts }>();
async function written(slug: string) {
  if (!cache.has(slug)) {
    const sections = buildSections(await analyzeSeed(`${slug}.xlsx`));
    const bytes = await sectionsToDocx(sections);
    cache.set(slug, { sections, bytes, parts: await docxParts(bytes) });
  }
  return cache.get(slug)!;
}

describe.each([...SEED_SLUGS])('the Word document of %s', (slug) => {
  it('is a .docx: a zip with the title and Budgetkoll as its author, in Swedish', async () => {
    const { bytes, parts } = await written(slug);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    // Deflated: a fraction of its XML.
    expect(bytes.length).toBeLessThan((parts.document.length + parts.styles.length + parts.numbering.length) / 3);
    expect(parts.core).toContain(`<dc:title>${DOCX_TITLE}</dc:title>`);
    expect(parts.core).toContain('<dc:creator>Budgetkoll</dc:creator>');
    expect(parts.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:docDefaults>/);
  });

  it('uses Word\'s own Heading 1 style, with its outline level, so the navigation pane and a table of contents find it', async () => {
    const { parts } = await written(slug);
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">([\s\S]*?)<\/w:style>/.exec(parts.styles)?.[1] ?? '';
    expect(heading1).toContain('<w:name w:val="Heading 1"/>');
    expect(heading1).toContain('<w:outlineLvl w:val="0"/>');
  });

  it('has each section title as a Heading 1, in order, each in its own bookmark', async () => {
    const { sections, parts } = await written(slug);
    const paragraphs = bodyParagraphs(parts.document);
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: DOCX_TITLE });
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(sections.map((s) => s.title));
    const bookmarks = [...parts.document.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(bookmarks).toEqual(sections.map((s) => sectionBookmark(s.key)));
    expect(bookmarks.every((b) => /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(b))).toBe(true);
    for (const s of sections) {
      const heading = paragraphs.find((p) => p.style === 'Heading1' && p.text === s.title)!;
      expect(heading.xml).toContain(`w:name="${sectionBookmark(s.key)}"`);
    }
  });

  it('writes every paragraph of the sections, word for word, hard spaces and all', async () => {
    const { sections, parts } = await written(slug);
    const texts = bodyParagraphs(parts.document).map((p) => p.text);
    for (const block of sections.flatMap((s) => s.blocks)) {
      if (block.kind === 'paragraph' || block.kind === 'heading') expect(texts).toContain(block.text);
    }
  });

  it('makes the lists real Word lists: numbered 1, 2, 3 … and bulleted, none typed into the text', async () => {
    const { sections, parts } = await written(slug);
    const formats = numberFormats(parts.numbering);
    const listed = bodyParagraphs(parts.document).filter((p) => p.numId !== null);
    const lists = sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
    expect(listed.map((p) => p.text)).toEqual(lists.flatMap((l) => l.items));
    let i = 0;
    for (const list of lists) {
      const paragraphs = listed.slice(i, i + list.items.length);
      i += list.items.length;
      expect(new Set(paragraphs.map((p) => p.numId)).size).toBe(1);
      expect(formats.get(paragraphs[0].numId!)).toBe(list.ordered ? 'decimal' : 'bullet');
      for (const p of paragraphs) expect(p.text).not.toMatch(/^(\d+\.|•|-)\s/);
    }
    expect(parts.numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/);
    expect(parts.numbering).toContain('<w:numFmt w:val="bullet"/>');
  });

  it('makes the tables real Word tables: header row repeated, figures right-aligned, totals bold, full width', async () => {
    const { sections, parts } = await written(slug);
    const blocks = tableBlocks(sections);
    const written_ = tables(parts.document);
    expect(written_).toHaveLength(blocks.length);
    blocks.forEach((block, t) => {
      const table = written_[t];
      expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([block.header, ...block.rows]);
      expect(table.rows.map((r) => r.header)).toEqual([true, ...block.rows.map(() => false)]);
      expect(table.width).toBe(9070);
      expect(table.grid.reduce((s, w) => s + w, 0)).toBe(9070);
      expect(table.grid).toHaveLength(block.header.length);
      expect(table.xml).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"[\s\S]*<\/w:tblBorders>/);
      for (const row of table.rows) {
        row.cells.forEach((cell, col) => expect([col, cell.alignment]).toEqual([col, block.numericColumns.includes(col) ? 'right' : 'left']));
      }
      expect(table.rows[0].cells.filter((c) => c.text !== '').every((c) => c.bold)).toBe(true);
      block.rows.forEach((row, r) => {
        const cells = table.rows[r + 1].cells.filter((c) => c.text !== '');
        expect([row[0], cells.every((c) => c.bold)]).toEqual([row[0], block.totalRows.includes(r)]);
      });
    });
  });
});

describe('one rendering for the .docx and the Word pane', () => {
  it.each([...SEED_SLUGS])('%s: each section’s WordprocessingML in the .docx is what the Word pane inserts into its control', async (slug) => {
    const { sections, parts } = await written(slug);
    // Bookmarks and list instance numbers are the .docx's own; the title and page are around the sections.
    const plain = (xml: string) => xml.replace(/<w:bookmark(Start|End)\b[^>]*\/>/g, '').replace(/<w:numId w:val="\d+"\/>/g, '<w:numId/>');
    const body = plain(/<w:body>([\s\S]*)<w:sectPr>/.exec(parts.document)?.[1] ?? '');
    const inserted = sections.map((s) => plain(/<w:body>([\s\S]*)<\/w:body>/.exec(sectionPackage(s))?.[1] ?? '')).join('');
    expect(body.endsWith(inserted)).toBe(true);
    expect(body.slice(0, body.length - inserted.length)).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">[^<]*<\/w:t><\/w:r><\/w:p>$/);
    // No section properties go to Word: they would add a section break (OfficeDev/office-js #110).
    for (const s of sections) expect(sectionPackage(s)).not.toContain('<w:sectPr');
  });
});

describe('the figures of seed 000 (Lund, preliminary)', () => {
  it('stand in the budget table as recomputed, marked, with no-break spaces', async () => {
    const { parts } = await written('seed-000-lund-prel');
    const [budget] = tables(parts.document);
    const row = (label: string) => budget.rows.find((r) => r.cells[0].text === label)!.cells.map((c) => c.text);
    expect(row('Summa kostnader')).toEqual(['Summa kostnader', `14${NBSP}020`, `14${NBSP}060*`, `13${NBSP}520`, `2${NBSP}810`]);
    expect(row('Medel till förfogande')).toEqual(['Medel till förfogande', `2${NBSP}240`, `1${NBSP}110*`, '530*', `5${NBSP}560*`]);
    expect(row('Region Skåne')[1]).toBe(`1${NBSP}842,5`);
    expect(parts.document).toContain(`>14${NBSP}060*</w:t>`);
    expect(parts.document).not.toContain('>14 060*<');
    // The year's qualifier wraps onto its own line in the header, but the cell's text is the header.
    expect(budget.rows[0].cells[1].xml).toMatch(/<w:t[^>]*>2023<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t[^>]*>\(prel\.\)<\/w:t>/);
  });

  it('stand in the equity table year by year, the deficits with a real minus sign', async () => {
    const { parts } = await written('seed-000-lund-prel');
    const equity = tables(parts.document)[1];
    expect(equity.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['År', 'Ingående (tkr)', 'Resultat (tkr)', 'Utgående (tkr)', 'Riktvärde (tkr)', 'Kvar att disponera (tkr)'],
      ['2023', `2${NBSP}790`, '−550', `2${NBSP}240`, `1${NBSP}474`, '766'],
      ['2024', `2${NBSP}240`, `−1${NBSP}130`, `1${NBSP}110`, `1${NBSP}474`, '0'],
      ['2025', `1${NBSP}110`, '−580', '530', `1${NBSP}476`, '0'],
      ['2026', '530', `5${NBSP}030`, `5${NBSP}560`, `1${NBSP}476`, `4${NBSP}084`],
    ]);
  });

  it('numbers the six tasks 1–6 and bullets the two proposals', async () => {
    const { parts } = await written('seed-000-lund-prel');
    const formats = numberFormats(parts.numbering);
    const listed = bodyParagraphs(parts.document).filter((p) => p.numId !== null);
    expect(listed.map((p) => formats.get(p.numId!))).toEqual([...Array(6).fill('decimal'), 'bullet', 'bullet']);
    expect(listed[0].text).toBe('besluta om mål och riktlinjer för den finansiella samordningen,');
    expect(listed[7].text).toBe('att fastställa budgeten för 2024 och planen för 2025–2026.');
  });
});

describe('the layout of the tables', () => {
  const budget: TableBlock = {
    kind: 'table',
    header: ['', '2023(prel.)', '2024', '2025', '2026'],
    rows: [['Strategisk arbetsmarknadssamordning', '60', '0', '0', '0'], ['Summa kostnader', `14${NBSP}020`, `14${NBSP}060*`, `13${NBSP}520`, `2${NBSP}810`]],
    totalRows: [1],
    numericColumns: [1, 2, 3, 4],
  };

  it('gives the labels the room they need and every figure column the same width, filling the page', () => {
    const widths = columnWidths(budget);
    expect(widths.reduce((s, w) => s + w, 0)).toBe(9070);
    expect(new Set(widths.slice(2)).size).toBe(1);
    expect(Math.abs(widths[1] - widths[2])).toBeLessThanOrEqual(1);
    expect(widths[0]).toBeGreaterThan(3 * widths[1]);
  });

  it('lets a long label wrap rather than the figures when the table is too wide', () => {
    const wide: TableBlock = { ...budget, rows: [['En mycket lång rad om projektmedel och samverkan med många ord i sig', '1', '2', '3', '4']], totalRows: [] };
    const widths = columnWidths(wide);
    expect(widths.reduce((s, w) => s + w, 0)).toBe(9070);
    expect(widths[1]).toBeGreaterThanOrEqual(columnWidths(budget)[1] - 400);
  });

  it('puts a year\'s qualifier on a line of its own only when the column is too narrow', () => {
    expect(headerLines('2023(prel.)', 1000)).toEqual(['2023', '(prel.)']);
    expect(headerLines('2023(prel.)', 3000)).toEqual(['2023(prel.)']);
    expect(headerLines('Budget 2024', 500)).toEqual(['Budget 2024']);
  });

  it('is browser-safe: no Node built-ins in the writer', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'files', 'writeDocx.ts'), 'utf8');
    expect(source).not.toMatch(/from '(fs|path|os|child_process|node:[a-z]+)'/);
    expect(source).not.toMatch(/\bBuffer\.|\.toBuffer\(|\.toStream\(/);
  });
});
