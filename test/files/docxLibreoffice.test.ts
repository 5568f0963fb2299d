import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSections } from '../../src/core/sections/buildSections';
import type { Block, DocSection } from '../../src/core/sections/types';
import { DOCX_TITLE, sectionsToDocx } from '../../src/files/writeDocx';
import { convert, requireLibreOffice } from '../helpers/libreoffice';
import { outlineTitles, pageCount, pdfLines, pdfPages, pdfWords, renderPages, requirePdfToText, squeeze } from '../helpers/pdf';
import { analyzeSeed, SEED_SLUGS } from '../helpers/seeds';

// A second, independent implementation of Word's format lays the documents out:
// LibreOffice Writer turns each .docx into a PDF, and we read the PDF back.
// The PDFs and page images are left in test-artifacts/docx/ to look at.
jest.setTimeout(180_000);

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'docx');
type TableBlock = Extract<Block, { kind: 'table' }>;
const tablesOf = (sections: DocSection[]) => sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === 'table'));

describe('LibreOffice lays out the Word documents', () => {
  let tmp = '';
  let ready = false;
  let withText = false;
  const sections = new Map<string, DocSection[]>();
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    if (!requireLibreOffice('utskrift av avsnitten (.docx) till PDF', 'libreoffice-writer-nogui')) return;
    withText = requirePdfToText('avsnitten som PDF');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-docx-'));
    const docx: string[] = [];
    for (const slug of SEED_SLUGS) {
      const built = buildSections(await analyzeSeed(`${slug}.xlsx`));
      sections.set(slug, built);
      const file = path.join(tmp, `${slug}-avsnitt.docx`);
      fs.writeFileSync(file, await sectionsToDocx(built));
      docx.push(file);
    }
    const outDir = path.join(tmp, 'pdf');
    fs.mkdirSync(outDir);
    await convert(docx, 'pdf', outDir);
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const slug of SEED_SLUGS) {
      const pdf = path.join(outDir, `${slug}-avsnitt.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`LibreOffice skrev ingen PDF för ${slug}`);
      const kept = path.join(ARTIFACTS, `${slug}-avsnitt.pdf`);
      fs.copyFileSync(pdf, kept);
      await renderPages(kept, path.join(ARTIFACTS, `${slug}-avsnitt`));
      pdfs.set(slug, kept);
    }
    ready = true;
  });
  afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  describe.each([...SEED_SLUGS])('%s', (slug) => {
    it('is a PDF of a few A4 pages whose bookmarks are the six headings: LibreOffice reads them as Heading 1', () => {
      if (!ready) return;
      const pdf = fs.readFileSync(pdfs.get(slug)!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
      expect(pageCount(pdf)).toBeLessThanOrEqual(5);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/);
      expect(outlineTitles(pdf)).toEqual(sections.get(slug)!.map((s) => s.title));
    });

    it('shows the title, the headings in order, the numbered and bulleted lists, and the totals of every table', async () => {
      if (!ready || !withText) return;
      const pages = await pdfPages(pdfs.get(slug)!);
      const text = squeeze(pages.join('\n'));
      expect(text.startsWith(DOCX_TITLE)).toBe(true);
      const at = sections.get(slug)!.map((s) => text.indexOf(s.title));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // The numbers and bullets come from Word's numbering definitions, not from the text.
      expect(text).toContain('1. besluta om mål och riktlinjer för den finansiella samordningen,');
      expect(text).toContain('6. upprätta budget och årsredovisning för den finansiella samordningen.');
      expect(text).toMatch(/• att godkänna verksamhetsplanen för \d{4},/);
      const lines = pages.flatMap((p) => p.split('\n')).map(squeeze);
      for (const table of tablesOf(sections.get(slug)!)) {
        for (const r of table.totalRows) expect(lines).toContain(squeeze(table.rows[r].join(' ')));
      }
    });

    it('right-aligns the figures and left-aligns the labels of the budget table, as the .docx says', async () => {
      if (!ready || !withText) return;
      const budget = tablesOf(sections.get(slug)!)[0];
      const last = budget.header.length - 1;
      const lines = pdfLines(await pdfWords(pdfs.get(slug)!));
      const found = budget.rows
        .filter((row) => row[last] !== '')
        .map((row) => lines.find((line) => squeeze(line.map((w) => w.text).join(' ')) === squeeze(row.join(' '))))
        .filter((line) => line !== undefined);
      // Every row is one line of the PDF, unless a long label wrapped.
      expect(found.length).toBeGreaterThanOrEqual(Math.ceil(budget.rows.filter((row) => row[last] !== '').length * 0.8));
      const rightEdges = found.map((line) => line[line.length - 1].xMax);
      const leftEdges = found.map((line) => line[0].xMin);
      expect(Math.max(...rightEdges) - Math.min(...rightEdges)).toBeLessThan(1);
      expect(Math.max(...leftEdges) - Math.min(...leftEdges)).toBeLessThan(1);
      // The last year's header sits right-aligned above its figures; the table spans the text width (2.5 cm margins).
      const lastWord = budget.header[last].split(/\s+/).pop();
      const first = found[0][0];
      const header = lines.find((line) => line[0].page === first.page && line[0].yMin < first.yMin && line[line.length - 1].text === lastWord)!;
      expect(Math.abs(header[header.length - 1].xMax - rightEdges[0])).toBeLessThan(1);
      expect(leftEdges[0]).toBeGreaterThan(70);
      expect(leftEdges[0]).toBeLessThan(80);
      expect(rightEdges[0]).toBeGreaterThan(515);
      expect(rightEdges[0]).toBeLessThan(525.3);
    });
  });

  it('shows seed 000\'s corrected totals and its equity year by year', async () => {
    if (!ready || !withText) return;
    const lines = (await pdfPages(pdfs.get('seed-000-lund-prel')!)).flatMap((p) => p.split('\n')).map(squeeze);
    expect(lines).toContain('Summa kostnader 14 020 14 060* 13 520 2 810');
    expect(lines).toContain('Medel till förfogande 2 240 1 110* 530* 5 560*');
    expect(lines).toContain('2024 2 240 −1 130 1 110 1 474 0');
    expect(lines).toContain('2026 530 5 030 5 560 1 476 4 084');
    expect(lines).toContain('Summa tilldelning 7 370 7 370 7 380 7 380');
  });
});
