/**
 * The package validator (test/helpers/packageValidator.ts) finds each flaw it claims to: a
 * valid workbook made wrong in one place at a time must give the problem that place has.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { newPackageProblems, packageProblems } from '../helpers/packageValidator';
import { SEEDS_DIR } from '../helpers/seeds';
import { writeXlsx } from '../helpers/xlsxWriter';

type Edit = (zip: JSZip) => Promise<void>;

const replaceIn = (part: string, from: string | RegExp, to: string): Edit => async (zip) => {
  const text = await zip.file(part)!.async('string');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${part}: nothing to replace for ${from}`);
  zip.file(part, changed);
};

/** A valid workbook: a budget with a user's note (comments, VML, legacyDrawing) and a shared formula. */
function valid(): Uint8Array {
  return writeXlsx([{
    name: 'Budget',
    sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>Budget</t></is></c><c r="B1" s="1"><v>1</v></c></row>'
      + '<row r="2"><c r="A2" s="2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:C2" si="0">A2*2</f><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c></row>',
    after: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId2"/>',
    rels: [['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml']],
  }, { name: 'Blad2', cells: [['x']] }], [
    { name: 'xl/comments1.xml', text: '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Anna</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Hej</t></text></comment></commentList></comments>', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml' },
    { name: 'xl/drawings/vmlDrawing1.vml', text: '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025"/></xml>' },
  ]);
}

async function broken(edit: Edit): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(valid());
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('the package validator', () => {
  it('finds nothing wrong with a valid workbook, a seed, or the real-world files\' own flaws in their copies', async () => {
    expect(await packageProblems(valid())).toEqual([]);
    expect(await packageProblems(new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, 'seed-002-bksv.xlsx'))))).toEqual([]);
    const flawed = await broken(replaceIn('xl/_rels/workbook.xml.rels', '</Relationships>', '<Relationship Id="rId99" Type="x/theme" Target="saknas.xml"/></Relationships>'));
    expect(await newPackageProblems(flawed, flawed)).toEqual([]);
  });

  it.each<[string, Edit, RegExp]>([
    ['a relationship to a missing part', async (zip) => void zip.remove('xl/drawings/vmlDrawing1.vml'), /rId2 \(vmlDrawing\) points at a missing part xl\/drawings\/vmlDrawing1\.vml/],
    ['a relationship id twice', replaceIn('xl/_rels/workbook.xml.rels', 'Id="rId2"', 'Id="rId1"'), /relationship id rId1 twice/],
    ['an r:id that is no relationship', replaceIn(SHEET, '<legacyDrawing r:id="rId2"/>', '<legacyDrawing r:id="rId7"/>'), /uses rId7, not a relationship of the part/],
    ['a part without a content type', async (zip) => void zip.file('xl/extra.bin', 'x'), /xl\/extra\.bin: no content type/],
    ['an Override for a missing part', replaceIn('[Content_Types].xml', '</Types>', '<Override PartName="/xl/saknas.xml" ContentType="application/xml"/></Types>'), /Override for a missing part \/xl\/saknas\.xml/],
    ['XML that is not well-formed', replaceIn(SHEET, '</sheetData>', '</sheetdata>'), /sheet1\.xml: not well-formed: <sheetData> closed by <\/sheetdata>/],
    ['an entity XML does not know', replaceIn('xl/sharedStrings.xml', '<t xml:space="preserve">x</t>', '<t>&nbsp;</t>'), /not well-formed: unknown entity &nbsp;/],
    ['a prefix nobody declared', replaceIn(SHEET, '<legacyDrawing r:id="rId2"/>', '<legacyDrawing q:id="rId2"/>'), /prefix q not declared/],
    ['a sheet name twice', replaceIn('xl/workbook.xml', 'name="Blad2"', 'name="BUDGET"'), /sheet name "BUDGET" twice/],
    ['a sheetId twice', replaceIn('xl/workbook.xml', 'sheetId="2"', 'sheetId="1"'), /sheetId 1 twice/],
    ['a worksheet no sheet lists', replaceIn('xl/workbook.xml', /<sheet name="Blad2"[^>]*\/>/, ''), /rId4 is a sheet no <sheet> lists/],
    ['cells out of order', replaceIn(SHEET, '<c r="A1" t="inlineStr"><is><t>Budget</t></is></c><c r="B1" s="1"><v>1</v></c>', '<c r="B1" s="1"><v>1</v></c><c r="A1" t="inlineStr"><is><t>Budget</t></is></c>'), /cell A1 out of order in row 1/],
    ['a cell in the wrong row', replaceIn(SHEET, '<c r="B1" s="1">', '<c r="B3" s="1">'), /cell B3 in row 1/],
    ['rows out of order', replaceIn(SHEET, '<row r="2">', '<row r="1">'), /row 1 after row 1/],
    ['a style past cellXfs', replaceIn(SHEET, '<c r="B1" s="1">', '<c r="B1" s="9">'), /B1 style 9 past cellXfs \(3\)/],
    ['a count that is not the list', replaceIn('xl/styles.xml', '<cellXfs count="3">', '<cellXfs count="4">'), /<cellXfs count="4"> holds 3/],
    ['a fill past the fills', replaceIn('xl/styles.xml', 'numFmtId="3" fontId="0" fillId="0"', 'numFmtId="3" fontId="0" fillId="5"'), /cellXfs\[1\] fillId=5 past the end/],
    ['a number format nobody defined', replaceIn('xl/styles.xml', 'numFmtId="164" fontId', 'numFmtId="170" fontId'), /numFmtId=170 is not defined/],
    ['a shared formula without its master', replaceIn(SHEET, '<f t="shared" ref="B2:C2" si="0">A2*2</f>', '<f>A2*2</f>'), /shared formula 0 has no master/],
    ['elements out of schema order', replaceIn(SHEET, /<pageMargins[^>]*\/><legacyDrawing r:id="rId2"\/>/, '<legacyDrawing r:id="rId2"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'), /<pageMargins> out of schema order/],
    ['two notes on one cell', replaceIn('xl/comments1.xml', '</commentList>', '<comment ref="A1" authorId="0"><text><t>Igen</t></text></comment></commentList>'), /two notes on A1/],
    ['a note by an author not listed', replaceIn('xl/comments1.xml', 'authorId="0"', 'authorId="1"'), /note on A1 by author 1 of 1/],
    ['an author twice', replaceIn('xl/comments1.xml', '<author>Anna</author>', '<author>Anna</author><author>Anna</author>'), /an author named twice/],
    ['notes without the legacy drawing', replaceIn(SHEET, '<legacyDrawing r:id="rId2"/>', ''), /notes without the legacy drawing that shows them/],
    ['a shared string past the table', replaceIn(SHEET, '<c r="A1" t="inlineStr"><is><t>Budget</t></is></c>', '<c r="A1" t="s"><v>5</v></c>'), /A1 shared string 5 past the table/],
  ])('finds %s', async (_, edit, problem) => {
    const problems = await packageProblems(await broken(edit));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it('finds a zip whose data do not match their CRC', async () => {
    const bytes = Buffer.from(writeXlsx([{ name: 'Budget', cells: [['Budget', 1]] }]));
    // writeZip deflates: flip a bit inside the first entry's data.
    const at = 30 + bytes.readUInt16LE(26) + 2;
    bytes[at] ^= 0x01;
    expect((await packageProblems(new Uint8Array(bytes))).join('\n')).toMatch(/^zip: /);
  });
});
