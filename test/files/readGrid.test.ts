/**
 * The reader (src/files/readGrid.ts: SheetJS → the engine's Grid), in the browser's form
 * (readGridBytes, the zip as it is) and the command's (readWorkbookGrid, a stored copy unpacked by
 * zlib). It reads what the engine uses — values, cached results and formula text, number formats,
 * dates, error values, merged ranges, hidden rows and columns, rich and inline text — from
 * packages written by hand (so that nothing is tidied on the way), gives the reasons the reader
 * has always given, and reads the seeds exactly as exceljs did (the goldens stand on it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import type { Cell, Grid } from '../../src/core/grid';
import type { Result } from '../../src/core/result';
import { readGridBytes } from '../../src/files/readGrid';
import { DEFAULT_LIMITS } from '../../src/files/limits';
import { readWorkbookGrid } from '../../src/files/readWorkbookFile';
import { readWorkbookBytes } from '../helpers/exceljsGrid';
import { DAMAGED, NO_WORKSHEET } from '../../src/files/workbookProblem';
import { SEEDS_DIR } from '../helpers/seeds';
import { MAIN_NS, worksheetXml, xlsxPackage, type PackageParts } from '../helpers/xlsxPackage';
import { writeZip } from '../helpers/zipWriter';

const ROOT = path.join(__dirname, '..', '..');

/** Both forms of the reader, and SheetJS reading every cell (plainSheets.ts reads plain sheets itself); they must agree. */
async function read(data: Uint8Array, fileName = 'arbetsbok.xlsx'): Promise<Result<Grid>> {
  const inBrowser = await readGridBytes(data, fileName);
  const inCommand = await readWorkbookGrid(data, fileName);
  const bySheetJs = await readGridBytes(data, fileName, DEFAULT_LIMITS, data, 'sheetjs');
  expect(inCommand).toStrictEqual(inBrowser);
  expect(bySheetJs).toStrictEqual(inBrowser);
  return inCommand;
}

async function gridOf(parts: PackageParts): Promise<Grid> {
  const result = await read(xlsxPackage(parts));
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Row r (1-based) of the first sheet, as [value, formula, numFmt] per cell. */
const row = (grid: Grid, r: number, sheet = 0) => (grid.sheets[sheet].rows[r - 1] ?? []).map((c: Cell | undefined) => (c ? [c.value, c.formula, c.numFmt] : c));

describe('what the reader reads', () => {
  it('values, cached results and formula text: numbers, shared, inline and rich text, booleans, errors, formulas', async () => {
    const grid = await gridOf({
      sharedStrings: '<si><t>Intäkter</t></si><si><r><t>Summa </t></r><r><rPr><b/></rPr><t>intäkter</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t xml:space="preserve"> rad_x000D_\nbrytning </t></si>',
      sheets: [{
        name: 'Budget',
        xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1000</v></c><c r="C1"><v>-2.5</v></c><c r="D1" t="b"><v>1</v></c></row>'
          + '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>SUM(B1:B1)</f><v>1000</v></c><c r="C2" t="str"><f>A1&amp;"!"</f><v>Intäkter!</v></c><c r="D2" t="inlineStr"><is><t>inline</t></is></c></row>'
          + '<row r="3"><c r="A3" t="inlineStr"><is><r><t>rik </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="e"><v>#REF!</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
          + '<row r="4"><c r="A4" t="e"><f>_xlfn.SEQUENCE(2)</f><v>#SPILL!</v></c><c r="B4" t="e"><v>#N/A</v></c></row>',
      }],
    });
    expect(grid.sheets.map((s) => s.name)).toEqual(['Budget']);
    expect(row(grid, 1)).toEqual([['Intäkter', undefined, undefined], [1000, undefined, undefined], [-2.5, undefined, undefined], [true, undefined, undefined]]);
    expect(row(grid, 2)).toEqual([['Summa intäkter', undefined, undefined], [1000, 'SUM(B1:B1)', undefined], ['Intäkter!', 'A1&"!"', undefined], ['inline', undefined, undefined]]);
    // _x000D_ (a carriage return other programs write) and the line break: one line break, as in an Excel cell.
    expect(row(grid, 3)).toEqual([['rik inline', undefined, undefined], [' rad\nbrytning ', undefined, undefined], [{ error: '#REF!' }, undefined, undefined], [{ error: '#DIV/0!' }, '1/0', undefined]]);
    // An error SheetJS has no code for is read from the cell's XML; the _xlfn. prefix is kept, as written.
    expect(row(grid, 4)).toEqual([[{ error: '#SPILL!' }, '_xlfn.SEQUENCE(2)', undefined], [{ error: '#N/A' }, undefined, undefined]]);
  });

  it('a formula\'s cached result of 0 is 0; a formula the file keeps no result for has none (null)', async () => {
    const grid = await gridOf({
      sheets: [{
        name: 'Budget',
        xml: '<row r="1"><c r="A1"><v>0</v></c><c r="B1"><f>A1</f><v>0</v></c><c r="C1"><f>A1*2</f></c><c r="D1"><f>A1*3</f><v></v></c><c r="E1"><f>A1*4</f><v/></c><c r="F1" t="n"><f>A1*5</f></c></row>'
          + '<row r="2"><c r="A2"><f t="shared" ref="A2:C2" si="0">A1+1</f><v>1</v></c><c r="B2"><f t="shared" si="0"/><v>0</v></c><c r="C2"><f t="shared" si="0"/></c></row>'
          + '<row r="3"><c r="A3"><f t="array" ref="A3:B3">A1:B1*1</f><v>0</v></c><c r="B3"><v>0</v></c></row>',
      }],
    });
    expect(row(grid, 1)).toEqual([[0, undefined, undefined], [0, 'A1', undefined], [null, 'A1*2', undefined], [null, 'A1*3', undefined], [null, 'A1*4', undefined], [null, 'A1*5', undefined]]);
    // A shared formula's copies get their own text.
    expect(row(grid, 2)).toEqual([[1, 'A1+1', undefined], [0, 'B1+1', undefined], [null, 'C1+1', undefined]]);
    // An array formula's text is its first cell's; the others hold its results.
    expect(row(grid, 3)).toEqual([[0, 'A1:B1*1', undefined], [0, undefined, undefined]]);
  });

  it('number formats, and numbers shown as dates as the UTC day they stand for (1900 and 1904 date systems)', async () => {
    const parts = (date1904: boolean): PackageParts => ({
      date1904,
      numFmts: '<numFmt numFmtId="164" formatCode="#,##0 &quot;kr&quot;"/><numFmt numFmtId="165" formatCode="yyyy"/><numFmt numFmtId="166" formatCode="GENERAL"/>',
      cellXfs: ['<xf numFmtId="164" applyNumberFormat="1"/>', '<xf numFmtId="165" applyNumberFormat="1"/>', '<xf numFmtId="14" applyNumberFormat="1"/>', '<xf numFmtId="3" applyNumberFormat="1"/>', '<xf numFmtId="166" applyNumberFormat="1"/>'],
      sheets: [{ name: 'Budget', xml: '<row r="1"><c r="A1" s="1"><v>1500</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="3"><v>45658.5</v></c><c r="D1" s="4"><v>1234567</v></c><c r="E1" s="5"><v>7</v></c><c r="F1" s="0"><v>8</v></c></row>' }],
    });
    const grid1900 = await gridOf(parts(false));
    expect(row(grid1900, 1)).toEqual([
      [1500, undefined, '#,##0 "kr"'],
      [new Date(Date.UTC(2024, 0, 1)), undefined, 'yyyy'],
      [new Date(Date.UTC(2025, 0, 1, 12)), undefined, 'm/d/yy'],
      [1234567, undefined, '#,##0'],
      [7, undefined, undefined],
      [8, undefined, undefined],
    ]);
    const grid1904 = await gridOf(parts(true));
    expect(grid1904.sheets[0].rows[0][1]!.value).toEqual(new Date(Date.UTC(2028, 0, 2)));
  });

  it('merged ranges, hidden rows and hidden columns', async () => {
    const grid = await gridOf({
      sheets: [{
        name: 'Budget',
        xml: worksheetXml('').replace('<sheetData></sheetData>', '<cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="5" width="12"/></cols><sheetData>'
          + '<row r="1"><c r="A1" t="inlineStr"><is><t>Rubrik</t></is></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c></row><row r="4" hidden="1"/>'
          + '</sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="F3:E2"/></mergeCells>'),
      }],
    });
    const [sheet] = grid.sheets;
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }, { top: 1, left: 4, bottom: 2, right: 5 }]);
    expect(sheet.hiddenRows).toEqual([1, 3]);
    expect(sheet.hiddenColumns).toEqual([1, 2]);
    // The merged cells other than the first are empty, as Excel (and Office.js) has them.
    expect(row(grid, 1)).toEqual([['Rubrik', undefined, undefined]]);
  });

  it('hidden rows without row numbers, hidden="true", a prefix, and a column range hidden to the last column', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:cols><x:col min="3" max="16384" hidden="true"/></x:cols><x:sheetData>`
      + '<x:row><x:c><x:v>1</x:v></x:c></x:row><x:row hidden="true"><x:c><x:v>2</x:v></x:c></x:row><x:row r="5" hidden="0"/><x:row hidden="1"/>'
      + '</x:sheetData><x:rowBreaks count="1"><x:brk id="1"/></x:rowBreaks></x:worksheet>';
    const [sheet] = (await gridOf({ sheets: [{ name: 'Export', xml }] })).sheets;
    expect(sheet.hiddenRows).toEqual([1, 5]);
    expect(sheet.hiddenColumns).toHaveLength(16_382);
    expect(sheet.hiddenColumns!.slice(0, 2)).toEqual([2, 3]);
  });

  it('odd XML other programs write: rows without numbers, cells without addresses, a namespace prefix, a BOM', async () => {
    const prefixed = `\ufeff<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>`
      + '<x:row><x:c t="inlineStr"><x:is><x:t>Staten</x:t></x:is></x:c><x:c><x:v>10</x:v></x:c></x:row>'
      + '<x:row><x:c r="A2" t="inlineStr"><x:is><x:t>Summa</x:t></x:is></x:c><x:c r="B2"><x:f>SUM(B1)</x:f></x:c></x:row>'
      + '</x:sheetData></x:worksheet>';
    const grid = await gridOf({ sheets: [{ name: 'Export', xml: prefixed }] });
    expect(row(grid, 1)).toEqual([['Staten', undefined, undefined], [10, undefined, undefined]]);
    expect(row(grid, 2)).toEqual([['Summa', undefined, undefined], [null, 'SUM(B1)', undefined]]);
  });

  it('a workbook of chart sheets only is read (no cells: no tables), and a chart sheet is no sheet of the Grid', async () => {
    const chart = `<?xml version="1.0"?><chartsheet xmlns="${MAIN_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    await expect(gridOf({ sheets: [{ name: 'Diagram', xml: chart, chart: true }] })).resolves.toEqual({ sheets: [] });
    const grid = await gridOf({ sheets: [{ name: 'Diagram', xml: chart, chart: true }, { name: 'Budget', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    expect(grid.sheets.map((s) => s.name)).toEqual(['Budget']);
  });

  it('text longer than a cell holds in Excel (32 767 characters) is cut there, as Excel does', async () => {
    const grid = await gridOf({ sharedStrings: `<si><t>${'x'.repeat(40_000)}</t></si>`, sheets: [{ name: 'Budget', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>' }] });
    expect(row(grid, 1).map((c) => (c![0] as string).length)).toEqual([32_767, 32_767]);
  });
});

describe('the reasons the reader gives', () => {
  const budget = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1000</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>';
  const base = (replace: PackageParts['replace'] = {}): Buffer => xlsxPackage({ sharedStrings: '<si><t>Staten</t></si>', sheets: [{ name: 'Budget', xml: budget }], replace });

  it.each<[string, PackageParts['replace'], string]>([
    ['a sheet cut off in the middle of a row', { 'xl/worksheets/sheet1.xml': worksheetXml(budget).slice(0, -40) }, DAMAGED],
    ['a sheet cut off right after its last row', { 'xl/worksheets/sheet1.xml': worksheetXml(budget).replace('</sheetData></worksheet>', '') }, DAMAGED],
    ['shared strings cut off', { 'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${MAIN_NS}"><si><t>Sta` }, DAMAGED],
    ['workbook.xml cut off', { 'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets>` }, DAMAGED],
    ['the only sheet part missing', { 'xl/worksheets/sheet1.xml': null }, NO_WORKSHEET],
    ['no [Content_Types].xml', { '[Content_Types].xml': null }, DAMAGED],
  ])('%s', async (_what, replace, reason) => {
    await expect(read(base(replace))).resolves.toEqual({ ok: false, reason });
  });

  it('finds the parts of a package whose names are Windows paths in any case (xl\\Worksheets\\Sheet1.xml): read whole, damaged cut off', async () => {
    const windows = async (data: Buffer): Promise<Buffer> => {
      const zip = await JSZip.loadAsync(data);
      const entries = await Promise.all(Object.values(zip.files).map(async (f) => ({ name: f.name.startsWith('xl/') ? f.name.replace(/\//g, '\\').replace('worksheets', 'Worksheets') : f.name, data: await f.async('uint8array') })));
      return writeZip(entries);
    };
    await expect(read(await windows(base()))).resolves.toMatchObject({ ok: true, value: { sheets: [{ name: 'Budget', rows: [[{ value: 'Staten' }, { value: 1000 }], [{ value: 'Staten' }]] }] } });
    const cut = await windows(base({ 'xl/worksheets/sheet1.xml': worksheetXml(budget).slice(0, -40) }));
    await expect(read(cut)).resolves.toEqual({ ok: false, reason: DAMAGED });
  });

  it('reads a whole part with trailing white space, a comment before the root, or a root that closes itself', async () => {
    const sheet = `<?xml version="1.0"?>\n<!-- skrivet av ett ekonomisystem -->\n<worksheet xmlns="${MAIN_NS}"><sheetData>${budget}</sheetData></worksheet>\n\n`;
    await expect(read(base({ 'xl/worksheets/sheet1.xml': sheet }))).resolves.toMatchObject({ ok: true });
    const empty = `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"/>`;
    await expect(read(base({ 'xl/worksheets/sheet1.xml': empty }))).resolves.toEqual({ ok: true, value: { sheets: [{ name: 'Budget', rows: [], merges: [], hiddenRows: [] }] } });
  });

  it('a zip entry packed in a way no .xlsx is (compression method 99) is damaged', async () => {
    const data = base();
    // The first entry's method, in its local header and in the central directory.
    data.writeUInt16LE(99, 8);
    data.writeUInt16LE(99, data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    await expect(read(data)).resolves.toEqual({ ok: false, reason: DAMAGED });
  });
});

describe('XML that would make a parser expand or fetch', () => {
  const laughs = '<!DOCTYPE sst [<!ENTITY lol "lol">'
    + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') + ']>';

  it('a "billion laughs" DTD (10⁹ lols) is read without expanding anything, at once', async () => {
    const started = Date.now();
    const grid = await gridOf({
      sharedStrings: `<?xml version="1.0"?>${laughs}<sst xmlns="${MAIN_NS}"><si><t>&lol9;</t></si><si><t>Staten</t></si></sst>`,
      sheets: [{ name: 'Budget', xml: `<?xml version="1.0"?>${laughs.replace('sst', 'worksheet')}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>` }],
    });
    expect(Date.now() - started).toBeLessThan(5000);
    const texts = row(grid, 1).map((c) => c![0] as string);
    expect(texts[1]).toBe('Staten');
    for (const text of [texts[0], texts[2]]) expect(text.length).toBeLessThan(20);
  });

  it('an external entity (XXE) is never fetched: the file it names does not appear', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-xxe-'));
    try {
      const secret = path.join(tmp, 'hemligt.txt');
      fs.writeFileSync(secret, 'HEMLIGT-INNEHALL');
      const doctype = `<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://${secret}">]>`;
      const data = xlsxPackage({ sheets: [{ name: 'Budget', xml: `<?xml version="1.0"?>${doctype}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>` }] });
      const result = await read(data);
      expect(result.ok).toBe(true);
      expect(JSON.stringify(result)).not.toContain('HEMLIGT');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

/** A Grid as plain data (Dates as ISO text, no undefined properties), as exceljs and SheetJS may build it differently. */
const plain = (grid: Grid): unknown => JSON.parse(JSON.stringify(grid));

describe('the seeds and examples read as exceljs read them (the goldens stand on this)', () => {
  const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f)) : []);
  const files = [...filesIn(SEEDS_DIR), ...filesIn(path.join(ROOT, 'examples'))];

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', async (_name, file) => {
    const data = new Uint8Array(fs.readFileSync(file));
    const exceljs = await readWorkbookBytes(data, path.basename(file));
    const sheetjs = await read(data, path.basename(file));
    if (!exceljs.ok || !sheetjs.ok) throw new Error('unreadable');
    expect(plain(sheetjs.value)).toEqual(plain(exceljs.grid));
  });
});
