/**
 * The read limits (src/files/limits.ts) and the file kinds (src/files/fileKinds.ts): a file
 * beyond a limit or of another kind gets one Swedish reason before a reader unpacks or parses
 * anything — SheetJS for the Grid (readGrid.ts), exceljs for the corrected copy (readXlsx.ts).
 * The limits are injectable, so small files stand in for big ones here; test/cli/badInput.test.ts
 * runs the defaults through the command.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_LIMITS, fileSizeProblem, zipProblem, type ReadLimits } from '../../src/files/limits';
import { textDocumentKind, zipDocumentKind } from '../../src/files/fileKinds';
import { readGridBytes } from '../../src/files/readGrid';
import { readFileBytes, readWorkbookFile, readWorkbookGrid } from '../../src/files/readWorkbookFile';
import { storedCopy } from '../../src/files/storedZip';
import { zipEntries } from '../../src/files/zipDirectory';
import { manyCellsWorkbook, zipBomb } from '../fixtures/badCorpus';
import { SEEDS_DIR, SEED_SLUGS } from '../helpers/seeds';
import { MAIN_NS, xlsxPackage } from '../helpers/xlsxPackage';
import { repeatedDeflate, writeZip } from '../helpers/zipWriter';

const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });

/** Every reader: SheetJS as the page runs it (the zip as it is) and as the command does (a stored copy). */
const READERS: [string, (data: Uint8Array, fileName: string, limits?: ReadLimits) => Promise<{ ok: boolean }>][] = [
  ['readGridBytes (SheetJS, in the page)', readGridBytes],
  ['readWorkbookGrid (SheetJS, in the command)', readWorkbookGrid],
];
const seedBytes = (slug: string) => new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, `${slug}.xlsx`)));

/** The cells exceljs builds (with a value or a style), counted the slow way. */
async function exceljsCells(data: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, (row) => { n += row.actualCellCount; }));
  return n;
}

describe('the cell count', () => {
  it.each(SEED_SLUGS.flatMap((s) => [s, `${s}-formulas`]))('is exact on %s: the limit at the count passes, one below it stops', async (slug) => {
    const data = seedBytes(slug);
    const cells = await exceljsCells(data);
    expect(cells).toBeGreaterThan(50);
    await expect(zipProblem(data, limits({ maxCells: cells }))).resolves.toBeNull();
    await expect(zipProblem(data, limits({ maxCells: cells - 1 }))).resolves.toBe(
      `arbetsboken har för många celler (${String(cells).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}, högst ${String(cells - 1).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}) – kopiera budgetbladet till en egen arbetsbok och kontrollera den`,
    );
  });

  it('counts cells with a namespace prefix and without addresses, and not <col>, <cfRule> or </c>', async () => {
    const sheet = '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="2"/></x:cols>'
      + '<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c r="B1"\n t="n"><x:v>2</x:v></x:c><x:c/></x:row></x:sheetData>'
      + '<x:conditionalFormatting><x:cfRule type="cellIs"/></x:conditionalFormatting></x:worksheet>';
    const data = writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) }]);
    await expect(zipProblem(data, limits({ maxCells: 3 }))).resolves.toBeNull();
    await expect(zipProblem(data, limits({ maxCells: 2 }))).resolves.toMatch(/för många celler \(3, högst 2\)/);
  });

  it('skips counting only stored sheets too small to pass the limit (four bytes a cell at the least)', async () => {
    // `<c/>` n times: 4n bytes, n cells.
    const sheetOf = (cells: number) => [{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<c/>'.repeat(cells)) }];
    const stored = (cells: number) => storedCopy(writeZip(sheetOf(cells)), DEFAULT_LIMITS.maxUnpackedBytes)!;
    await expect(zipProblem(stored(3), limits({ maxCells: 3 }))).resolves.toBeNull();
    await expect(zipProblem(stored(4), limits({ maxCells: 3 }))).resolves.toMatch(/för många celler \(4, högst 3\)/);
    // Packed, the sizes are only what the zip says: always counted.
    await expect(zipProblem(writeZip(sheetOf(4)), limits({ maxCells: 3 }))).resolves.toMatch(/för många celler \(4, högst 3\)/);
  });

  it('counts across the chunks the stream unpacks in (a million cells, exactly)', async () => {
    const data = await manyCellsWorkbook(1_000_000);
    await expect(zipProblem(data, limits({ maxCells: 1_000_000 }))).resolves.toBeNull();
    await expect(zipProblem(data, limits({ maxCells: 999_999 }))).resolves.toMatch(/för många celler \(1 000 000, högst 999 999\)/);
  });

  it('stops counting at twice the limit and says "more than"', async () => {
    const data = await manyCellsWorkbook(50_000);
    const started = Date.now();
    await expect(zipProblem(data, limits({ maxCells: 1000 }))).resolves.toMatch(/för många celler \(mer än 2 000, högst 1 000\)/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each(READERS)('keeps a workbook beyond the limit from the reader: %s answers at once', async (_name, reader) => {
    const data = await manyCellsWorkbook(1_200_000);
    const started = Date.now();
    const read = await reader(data, 'stor.xlsx');
    expect(read).toEqual({ ok: false, reason: 'arbetsboken har för många celler (1 200 000, högst 1 000 000) – kopiera budgetbladet till en egen arbetsbok och kontrollera den' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('zip bombs and sizes', () => {
  it('stops at the unpacked size the zip states', async () => {
    const data = await zipBomb(3, false);
    await expect(zipProblem(data, limits({ maxUnpackedBytes: 2 * 1024 * 1024 }))).resolves.toMatch(/^arbetsboken är för stor uppackad \(3,0 MB, högst 2,0 MB\) – /);
    await expect(zipProblem(data, limits({ maxUnpackedBytes: 4 * 1024 * 1024 }))).resolves.toBeNull();
  });

  it('stops while unpacking when the zip understates it', async () => {
    const data = await zipBomb(3, true);
    expect(zipEntries(data)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.uncompressedSize).toBe(4096);
    await expect(zipProblem(data, limits({ maxUnpackedBytes: 2 * 1024 * 1024 }))).resolves.toMatch(/^arbetsboken är för stor uppackad \(mer än 2,0 MB\) – /);
  });

  it('counts the cells of a sheet wherever the workbook keeps it, and an entry the workbook never uses', async () => {
    const cells = '<c><v>1</v></c>'.repeat(10);
    const sheet = `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>${`<row>${cells}</row>`.repeat(100)}</sheetData></worksheet>`;
    // A relationship may name any part as a worksheet, in any case; SheetJS unpacks every entry.
    const elsewhere = xlsxPackage({ sheets: [{ name: 'Budget', xml: sheet }], replace: {
      'xl/worksheets/sheet1.xml': null,
      'XL/Data/Celler.XML': sheet,
      'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="Data/Celler.XML"/></Relationships>',
    } });
    const unused = xlsxPackage({ sheets: [{ name: 'Budget', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], replace: { 'customXml/item9.xml': sheet } });
    for (const data of [elsewhere, unused]) {
      await expect(zipProblem(data, limits({ maxCells: 999 }))).resolves.toMatch(/för många celler \(1 00\d, högst 999\)/);
      for (const [, reader] of READERS.slice(0, 2)) await expect(reader(data, 'celler.xlsx', limits({ maxCells: 999 }))).resolves.toMatchObject({ ok: false });
    }
    await expect(readGridBytes(elsewhere, 'celler.xlsx')).resolves.toMatchObject({ ok: true, value: { sheets: [{ name: 'Budget' }] } });
  });

  it('refuses an entry the workbook never uses that unpacks to more than the zip says (an image), before any reader unpacks it', async () => {
    const base = xlsxPackage({ sheets: [{ name: 'Budget', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const image = repeatedDeflate(Buffer.from('\x89PNG'), Buffer.alloc(1024 * 1024, 0x20), 3, Buffer.alloc(0));
    const zip = await JSZip.loadAsync(base);
    const entries = await Promise.all(Object.values(zip.files).map(async (f) => ({ name: f.name, data: await f.async('uint8array') })));
    const data = writeZip([...entries, { name: 'xl/media/image1.png', ...image, size: 4096 }]);
    for (const [, reader] of READERS) {
      await expect(reader(data, 'bild.xlsx', limits({ maxUnpackedBytes: 2 * 1024 * 1024 }))).resolves.toEqual({ ok: false, reason: expect.stringMatching(/^arbetsboken är för stor uppackad \(mer än 2,0 MB\) – /) });
    }
  });

  it.each(READERS)('%s refuses both bombs before unpacking them', async (_name, reader) => {
    for (const lie of [false, true]) {
      await expect(reader(await zipBomb(3, lie), 'bomb.xlsx', limits({ maxUnpackedBytes: 2 * 1024 * 1024 }))).resolves.toEqual({
        ok: false, reason: expect.stringMatching(/^arbetsboken är för stor uppackad \((mer än )?\d,\d MB(, högst 2,0 MB)?\) – /),
      });
    }
  });

  it('says a file is too big before it reads it (a sparse 60 MB file), and on bytes as the pane has them', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-limits-'));
    try {
      const file = path.join(tmp, 'stor.xlsx');
      fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      fs.truncateSync(file, 60 * 1024 * 1024);
      await expect(readFileBytes(file)).resolves.toEqual({ ok: false, reason: 'filen är för stor (60 MB) – Budgetkoll läser arbetsböcker på högst 50 MB' });
      const small = path.join(SEEDS_DIR, 'seed-000-lund-prel.xlsx');
      await expect(readWorkbookFile(small, limits({ maxFileBytes: 1000 }))).resolves.toMatchObject({ ok: false, reason: expect.stringMatching(/^filen är för stor/) });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    expect(fileSizeProblem(50 * 1024 * 1024)).toBeNull();
    expect(fileSizeProblem(50 * 1024 * 1024 + 1)).toMatch(/för stor \(50 MB\)/);
    const seed = seedBytes('seed-000-lund-prel');
    for (const [, reader] of READERS) {
      await expect(reader(seed, 'seed.xlsx', limits({ maxFileBytes: seed.length - 1 }))).resolves.toMatchObject({ ok: false, reason: expect.stringMatching(/^filen är för stor/) });
      await expect(reader(seed, 'seed.xlsx', limits({ maxFileBytes: seed.length }))).resolves.toMatchObject({ ok: true });
    }
  });
});

describe('what a file is when it is no workbook', () => {
  it.each([
    ['<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>', /webbsida \(HTML\)/],
    ['\ufeff  <html xmlns:x="urn:schemas-microsoft-com:office:excel"><table></table></html>', /webbsida \(HTML\)/],
    ['<table><tr><td>Staten</td></tr></table>', /webbsida \(HTML\)/],
    ['<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', /XML-kalkylblad \(Excel 2003\)/],
    ['<?xml version="1.0"?><rapport/>', /XML-fil, ingen Excel-arbetsbok/],
    ['%PDF-1.7\n', /PDF/],
    ['{\\rtf1\\ansi Budget}', /RTF-dokument/],
    ['Konto;Belopp\n3000;100\n', null],
  ])('%j', (text, kind) => {
    const result = textDocumentKind(new Uint8Array(Buffer.from(text, 'utf8')));
    if (kind === null) expect(result).toBeNull();
    else expect(result).toMatch(kind);
  });

  it('reads an HTML export saved as UTF-16 too', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body><table></table></body></html>', 'utf16le')]);
    expect(textDocumentKind(new Uint8Array(utf16))).toMatch(/webbsida/);
  });

  it.each([
    [['xl/workbook.xml', 'xl/worksheets/sheet1.xml'], null],
    [['xl/workbook.bin'], /\.xlsb/],
    [['word/document.xml'], /Word-dokument/],
    [['ppt/presentation.xml'], /PowerPoint/],
    [['mimetype', 'content.xml'], /OpenDocument/],
    [['a.txt'], /zip-arkiv men ingen Excel-arbetsbok/],
  ])('a zip with %j', (names, kind) => {
    const result = zipDocumentKind(new Set(names));
    if (kind === null) expect(result).toBeNull();
    else expect(result).toMatch(kind);
  });

  it('lists a zip\'s entries as JSZip does, and gives up on a cut-off one', async () => {
    const data = seedBytes('seed-002-bksv');
    const names = Object.keys((await JSZip.loadAsync(data)).files).filter((n) => !n.endsWith('/')).sort();
    expect(zipEntries(data)!.map((e) => e.name).filter((n) => !n.endsWith('/')).sort()).toEqual(names);
    expect(zipEntries(data.subarray(0, data.length - 30))).toBeNull();
    expect(zipEntries(new Uint8Array(10))).toBeNull();
  });
});

