/**
 * The corrected copy of workbooks with what users' books have and generators rarely write:
 * notes already there (rich and plain), a legacy drawing of form controls, shared formulas, no
 * styles part, Strict Open XML; packed by either codec (zlib in the command, the platform's
 * streams in the page) or stored; and the Swedish reason when a part cannot be patched.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';
import { webCodec, type ZipCodec } from '../../src/files/ooxml/codec';
import { nodeCodec } from '../../src/files/nodeCodec';
import { copyOf, fixChecked, gridCell, gridOf } from '../helpers/fixChecked';
import { recalculatedSheets, requireLibreOffice, withoutCachedResults } from '../helpers/libreoffice';
import { packageProblems } from '../helpers/packageValidator';
import { SEEDS_DIR } from '../helpers/seeds';
import { workbookParts } from '../helpers/xlsxInspect';
import { writeXlsx, type InputSheet } from '../helpers/xlsxWriter';
import { entryDifferences, partContents, storedEntries } from '../helpers/zipEntries';
import { writeZip } from '../helpers/zipWriter';

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const num = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;

/** A small budget: incomes 2025–2028 and their total, C6 stated wrong (999, the lines give 220). */
function budgetRows(total = `${num('B6', 200)}${num('C6', 999)}${num('D6', 240)}${num('E6', 260)}`): string {
  return [
    `<row r="1">${text('A1', 'Budget 2025 (tkr)')}</row>`,
    `<row r="2">${num('B2', 2025)}${num('C2', 2026)}${num('D2', 2027)}${num('E2', 2028)}</row>`,
    `<row r="3">${text('A3', 'Staten')}${num('B3', 100)}${num('C3', 110)}${num('D3', 120)}${num('E3', 130)}</row>`,
    `<row r="4">${text('A4', 'Region')}${num('B4', 50)}${num('C4', 55)}${num('D4', 60)}${num('E4', 65)}</row>`,
    `<row r="5">${text('A5', 'Kommunerna')}${num('B5', 50)}${num('C5', 55)}${num('D5', 60)}${num('E5', 65)}</row>`,
    `<row r="6">${text('A6', 'Summa intäkter')}${total}</row>`,
  ].join('');
}

const VML_HEAD = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>';
const noteShape = (id: number, row: number, col: number) => `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';

function withNotes(comments: string, vml: string, sheet: Partial<InputSheet> = {}): Uint8Array {
  return writeXlsx([{
    // C6 and E6 wrong: C6 has a note of the user's, E6 none.
    name: 'Budget', sheetData: budgetRows(`${num('B6', 200)}${num('C6', 999)}${num('D6', 240)}${num('E6', 275)}`), after: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId2"/>',
    rels: [['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml']], ...sheet,
  }], [
    { name: 'xl/comments1.xml', text: comments, contentType: COMMENTS_TYPE },
    { name: 'xl/drawings/vmlDrawing1.vml', text: vml },
  ]);
}

describe('notes a workbook already has', () => {
  it('are kept: a marked cell\'s note gets ours after it, other notes stay, the author is added once, each new note gets a shape', async () => {
    const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Anna Ek</author></authors><commentList>`
      + '<comment ref="C6" authorId="0"><text><r><rPr><b/></rPr><t>Anna Ek:</t></r><r><t xml:space="preserve"> kolla med regionen</t></r></text></comment>'
      + '<comment ref="A3" authorId="0"><text><t>Statens del enligt avtalet</t></text></comment></commentList></comments>';
    const vml = `${VML_HEAD}<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/>${noteShape(1025, 5, 2)}${noteShape(1026, 2, 0)}</xml>`;
    const data = withNotes(comments, vml);
    const result = await fixChecked(data, 'anteckningar.xlsx');
    const parts = await workbookParts(result.bytes);
    expect(parts.note('Budget', 'C6')).toMatch(/^Anna Ek: kolla med regionen\n\nBudgetkoll: Summa intäkter 2026 är 999 tkr men raderna summerar till 220 tkr\./);
    expect(parts.note('Budget', 'A3')).toBe('Statens del enligt avtalet');
    const diff = entryDifferences(data, result.bytes);
    expect(diff.added.filter((n) => /comments|vml|_rels\/sheet/.test(n))).toEqual([]);
    expect(diff.same).toContain('xl/worksheets/_rels/sheet1.xml.rels');
    const after = await partContents(result.bytes);
    expect(after.get('xl/worksheets/sheet1.xml')!.match(/<legacyDrawing /g)).toHaveLength(1);
    expect(parts.note('Budget', 'E6')).toBe('Budgetkoll: Summa intäkter 2028 är 275 tkr men raderna summerar till 260 tkr.');
    expect([...parts.notes('Budget').keys()]).toEqual(['C6', 'A3', 'E6']);
    // Every note has one shape, with its own id; the new one is shown at E6.
    const vmlAfter = after.get('xl/drawings/vmlDrawing1.vml')!;
    expect([...vmlAfter.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1])).toEqual(['1025', '1026', '1027']);
    expect(vmlAfter).toMatch(/id="_x0000_s1027"[^]*<x:Row>5<\/x:Row><x:Column>4<\/x:Column>/);
    const authors = [...after.get('xl/comments1.xml')!.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
    expect(authors).toEqual(['Anna Ek', 'Budgetkoll']);
    // Corrected again: nothing added to the notes.
    const again = await fixChecked(result.bytes, 'anteckningar-rattad.xlsx');
    expect((await workbookParts(again.bytes)).notes('Budget')).toEqual(parts.notes('Budget'));
  });

  it('of plain text: the note becomes a run, ours the next one', async () => {
    const comments = `<?xml version="1.0" encoding="UTF-8"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Anna Ek</author></authors><commentList><comment ref="C6" authorId="0"><text><t>Preliminärt</t></text></comment></commentList></comments>`;
    const result = await fixChecked(withNotes(comments, `${VML_HEAD}${noteShape(1025, 5, 2)}</xml>`), 'x.xlsx');
    expect((await workbookParts(result.bytes)).note('Budget', 'C6')).toMatch(/^Preliminärt\n\nBudgetkoll: Summa intäkter 2026/);
    expect((await partContents(result.bytes)).get('xl/comments1.xml')).toContain('<r><t>Preliminärt</t></r><r><rPr>');
  });

  it('on a cell with a threaded comment: the cell gets the fill alone, the thread\'s placeholder is untouched, and the copy says which cell (as the Excel pane does)', async () => {
    // As Excel writes a threaded comment: its placeholder note under the author tc={thread id}.
    const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc={9FE0EFFC-F649-7D41-B909-522703F4B7ED}</author></authors><commentList>`
      + '<comment ref="C6" authorId="0" shapeId="0"><text><t xml:space="preserve">[Threaded comment]\n\nComment:\n    kolla med regionen</t></text></comment></commentList></comments>';
    const data = withNotes(comments, `${VML_HEAD}${noteShape(1025, 5, 2)}</xml>`);
    const result = await fixChecked(data, 'trad.xlsx');
    expect(result.fillOnly).toEqual([{ sheet: 'Budget', row: 5, col: 2 }]);
    const parts = await workbookParts(result.bytes);
    expect(parts.note('Budget', 'C6')).toBe('[Threaded comment]\n\nComment:\n    kolla med regionen');
    expect(parts.note('Budget', 'E6')).toMatch(/^Budgetkoll: Summa intäkter 2028/);
    // C6 is marked all the same: its style is a new one with the error fill.
    expect((await partContents(result.bytes)).get('xl/worksheets/sheet1.xml')).toMatch(/<c r="C6" s="\d+"/);
    // The command says so, in the words of the Excel pane.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-trad-'));
    try {
      fs.writeFileSync(path.join(dir, 'trad.xlsx'), data);
      const io = memoryIo();
      expect(await main(['fix', path.join(dir, 'trad.xlsx')], io)).toBe(0);
      expect(io.stdout).toContain('Budget!C6 har en kommentar och fick bara färg: Excel tillåter inte både kommentar och anteckning i samma cell.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in a legacy drawing that holds form controls only: the notes go in a new comments part, their shapes into that drawing', async () => {
    const vml = `${VML_HEAD}<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"/><v:shape id="_x0000_s1025" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"><x:Anchor>1, 0, 1, 0, 2, 0, 2, 0</x:Anchor></x:ClientData></v:shape></xml>`;
    const data = writeXlsx([{ name: 'Budget', sheetData: budgetRows(), after: '<legacyDrawing r:id="rId1"/>', rels: [['rId1', 'vmlDrawing', '../drawings/vmlDrawing1.vml']] }], [{ name: 'xl/drawings/vmlDrawing1.vml', text: vml }]);
    const result = await fixChecked(data, 'kryssrutor.xlsx');
    const after = await partContents(result.bytes);
    expect(after.get('xl/drawings/vmlDrawing1.vml')).toMatch(/^<xml [^]*ObjectType="Checkbox"[^]*id="_x0000_t202"[^]*ObjectType="Note"/);
    expect(after.get('xl/worksheets/sheet1.xml')!.match(/<legacyDrawing /g)).toHaveLength(1);
    expect(after.get('[Content_Types].xml')).toContain(`<Override PartName="/xl/comments1.xml" ContentType="${COMMENTS_TYPE}"/>`);
    expect((await workbookParts(result.bytes)).note('Budget', 'C6')).toMatch(/^Budgetkoll: /);
  });
});

describe('shared formulas', () => {
  it('a fixed cell of a shared formula leaves the group\'s other cells their own formulas, which LibreOffice and the engine agree on', async () => {
    const shared = '<c r="B6"><f t="shared" ref="B6:E6" si="0">SUM(B3:B5)</f><v>200</v></c><c r="C6"><f t="shared" si="0"/><v>999</v></c><c r="D6"><f t="shared" si="0"/><v>240</v></c><c r="E6"><f t="shared" si="0"/><v>260</v></c>';
    const data = writeXlsx([{ name: 'Budget', sheetData: budgetRows(shared) }]);
    const result = await fixChecked(data, 'delad.xlsx');
    expect(result.fixes.map((f) => f.formula)).toEqual(['SUM(C3:C5)']);
    const grid = await gridOf(result.bytes);
    expect(['B6', 'C6', 'D6', 'E6'].map((a1) => [gridCell(grid, 'Budget', a1)?.formula, gridCell(grid, 'Budget', a1)?.value])).toEqual([['SUM(B3:B5)', 200], ['SUM(C3:C5)', 220], ['SUM(D3:D5)', 240], ['SUM(E3:E5)', 260]]);
    expect((await partContents(result.bytes)).get('xl/worksheets/sheet1.xml')).not.toContain('t="shared"');
    if (!requireLibreOffice('LibreOffice räknar om en delad formel som rättats')) return;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-shared-'));
    try {
      const file = path.join(tmp, 'delad-rattad.xlsx');
      fs.writeFileSync(file, await withoutCachedResults(result.bytes, new Map([['xl/worksheets/sheet1.xml', ['B6', 'C6', 'D6', 'E6']]])));
      expect((await recalculatedSheets(file)).get('Budget')?.[5]).toEqual(['Summa intäkter', '200', '220', '240', '260']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('packages of other shapes', () => {
  it('a workbook without a styles part gets Excel\'s minimal one, with the fills added', async () => {
    const zip = await JSZip.loadAsync(writeXlsx([{ name: 'Budget', sheetData: budgetRows() }]));
    zip.remove('xl/styles.xml');
    zip.file('xl/_rels/workbook.xml.rels', (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(/<Relationship Id="rId1"[^>]*\/>/, ''));
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
    const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const result = await fixChecked(data, 'utan-format.xlsx');
    expect(await packageProblems(result.bytes)).toEqual([]);
    expect((await workbookParts(result.bytes)).fill('Budget', 'C6')).toBe('FFFFC7CE');
  });

  it('a Strict Open XML workbook gets its check sheet and relationships in the strict namespaces', async () => {
    const data = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'real-world-fix', 'sample.strict.xlsx')));
    const result = await fixChecked(data, 'sample.strict.xlsx');
    const parts = await workbookParts(result.bytes);
    const after = await partContents(result.bytes);
    expect(after.get(parts.sheetPart('Budgetkoll'))).toContain('<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">');
    expect(after.get('xl/_rels/workbook.xml.rels')).toMatch(/Type="http:\/\/purl.oclc.org\/ooxml\/officeDocument\/relationships\/worksheet" Target="worksheets\/sheet\d+\.xml"\/><\/Relationships>$/);
  });
});

describe('the codecs', () => {
  const seed = () => new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, 'seed-001-lund-antagen.xlsx')));
  const stored: ZipCodec = { inflate: webCodec.inflate, deflate: async () => null };

  it('zlib (the command), the platform\'s streams (the page) and no packing at all give the same parts', async () => {
    const contents = [];
    for (const codec of [nodeCodec, webCodec, stored]) contents.push(await partContents((await fixChecked(seed(), 'seed.xlsx', {}, codec)).bytes));
    expect(contents[1]).toEqual(contents[0]);
    expect(contents[2]).toEqual(contents[0]);
  });

  it('without a packer the changed parts are stored, the others kept as they were packed', async () => {
    const data = seed();
    const result = await fixChecked(data, 'seed.xlsx', {}, stored);
    const diff = entryDifferences(data, result.bytes);
    const entries = storedEntries(result.bytes);
    for (const name of [...diff.changed, ...diff.added]) expect([name, entries.get(name)!.method]).toEqual([name, 0]);
    for (const name of diff.same) expect([name, entries.get(name)!.method]).toEqual([name, storedEntries(data).get(name)!.method]);
  });

  it.each([['zlib', nodeCodec], ['the platform\'s streams', webCodec]] as const)('%s: a part that unpacks to more than the zip says is refused, with a Swedish reason', async (_, codec) => {
    const data = seed();
    const grid = await gridOf(data);
    const zip = await JSZip.loadAsync(data);
    const entries = [];
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
      const content = await zip.file(name)!.async('uint8array');
      entries.push(name === 'xl/styles.xml' ? { ...deflated(content), size: 10, name } : { name, data: content });
    }
    const result = await copyOf(new Uint8Array(writeZip(entries)), grid, {}, codec);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^den rättade kopian kunde inte skapas: arbetsboken har en del som Budgetkoll inte kan ändra säkert – originalet är oförändrat \(teknisk orsak: .*\)$/) });
  });

  it('a sheet the workbook does not have is a reason, not a throw', async () => {
    const grid = await gridOf(seed());
    const renamed = { sheets: grid.sheets.map((s) => ({ ...s, name: 'Saknas' })) };
    expect(await copyOf(seed(), renamed)).toEqual({ ok: false, reason: expect.stringMatching(/^den rättade kopian kunde inte skapas: .*teknisk orsak: the sheet Saknas has no part\)$/) });
  });
});

function deflated(content: Uint8Array): { deflated: Buffer; crc: number } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('zlib') as typeof import('zlib');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { crc32 } = require('../helpers/zipWriter') as typeof import('../helpers/zipWriter');
  return { deflated: zlib.deflateRawSync(content), crc: crc32(content) };
}
