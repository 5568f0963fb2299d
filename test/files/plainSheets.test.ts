/**
 * Budgetkoll's own reading of plain worksheets (src/files/plainSheets.ts, sheetDataScanner.ts)
 * gives exactly the Grid that SheetJS's reading of every cell gives: on every workbook among the
 * fixtures and examples, and on each form of cell it reads or leaves to SheetJS. A form it
 * declines is named (so that a test cannot pass by declining everything), and the sheet holding it
 * is read by SheetJS as before, the other sheets still here. The same comparison, run on Apache POI's 385 test workbooks for the closing note of
 * issue 13, found every Grid identical.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Grid } from '../../src/core/grid';
import type { Result } from '../../src/core/result';
import { DEFAULT_LIMITS } from '../../src/files/limits';
import { readGridBytes } from '../../src/files/readGrid';
import { readBook, readPlainBook } from '../../src/files/sheetjsBook';
import { storedCopy } from '../../src/files/storedZip';
import { xlsxPackage, type PackageParts } from '../helpers/xlsxPackage';

const ROOT = path.join(__dirname, '..', '..');

/**
 * A reading as it is compared: dates by their instant, so that two readings of a number too large
 * for a date (an Invalid Date each way, which Jest never calls equal) are the same.
 */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return { date: String(value.getTime()) };
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

/** The Grid read both ways, which must be the same, and whether the sheets were read here (or why not). */
async function bothWays(data: Uint8Array, fileName = 'arbetsbok.xlsx', askWhyUnread = true): Promise<{ grid: Result<Grid>; notPlain: string | undefined }> {
  // The command's form (storedZip.ts: unpacked once by zlib), which makes three readings affordable.
  const stored = storedCopy(data, DEFAULT_LIMITS.maxUnpackedBytes) ?? data;
  const plainFirst = await readGridBytes(data, fileName, DEFAULT_LIMITS, stored, 'plain-first');
  const bySheetJs = await readGridBytes(data, fileName, DEFAULT_LIMITS, stored, 'sheetjs');
  expect(comparable(plainFirst)).toStrictEqual(comparable(bySheetJs));
  if (!plainFirst.ok && !askWhyUnread) return { grid: plainFirst, notPlain: 'not read' };
  try {
    const plain = readPlainBook(stored);
    return { grid: plainFirst, notPlain: plain.ok ? undefined : plain.reason };
  } catch {
    return { grid: plainFirst, notPlain: 'SheetJS cannot read the zip' };
  }
}

function workbooksUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return workbooksUnder(full);
    return /\.xls[xm]$/i.test(entry.name) ? [full] : [];
  });
}

describe('every workbook among the fixtures and examples', () => {
  // Many workbooks are in more than one folder (real-world and real-world-fix): each is read once.
  const seen = new Set<string>();
  const files = [...workbooksUnder(path.join(ROOT, 'test', 'fixtures')), ...workbooksUnder(path.join(ROOT, 'examples'))].filter((file) => {
    const hash = createHash('sha1').update(fs.readFileSync(file)).digest('hex');
    return !seen.has(hash) && seen.add(hash);
  });

  it('is read to the same Grid (or the same reason) both ways; the seeds and the layout corpus are read here', async () => {
    expect(files.length).toBeGreaterThan(100);
    const readHere: string[] = [];
    for (const file of files) {
      const { notPlain } = await bothWays(new Uint8Array(fs.readFileSync(file)), path.basename(file), false);
      if (notPlain === undefined) readHere.push(path.relative(ROOT, file));
    }
    const mustBeReadHere = files.map((f) => path.relative(ROOT, f)).filter((f) => /fixtures[\\/](seeds|layouts)[\\/]|^examples[\\/]/.test(f));
    expect(mustBeReadHere.length).toBeGreaterThan(30);
    expect(mustBeReadHere.filter((f) => !readHere.includes(f))).toEqual([]);
  }, 60_000);
});

const STRINGS = '<si><t>Intäkter</t></si><si><r><t>Rik </t></r><r><rPr><b/></rPr><t>text</t></r></si>';
const STYLES: Pick<PackageParts, 'numFmts' | 'cellXfs'> = {
  numFmts: '<numFmt numFmtId="164" formatCode="#,##0;[Red]\\-#,##0"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>',
  cellXfs: [
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  ],
};

/** A one-sheet package around `sheetData`, with shared strings and number formats to look up. */
const workbook = (sheetData: string, more: Partial<PackageParts> = {}): Buffer =>
  xlsxPackage({ sheets: [{ name: 'Budget', xml: sheetData }], sharedStrings: STRINGS, ...STYLES, ...more });

describe('forms read here, to the Grid SheetJS reads', () => {
  const read: [string, string | Buffer][] = [
    ['numbers: whole, negative, decimal, exponent, -0, leading zeros, 16 digits and more, spaces around',
      '<row r="1"><c r="A1"><v>12970</v></c><c r="B1"><v>-450</v></c><c r="C1"><v>0.1</v></c><c r="D1"><v>1.5E3</v></c><c r="E1"><v>-0</v></c>'
      + '<c r="F1"><v>007</v></c><c r="G1"><v>12345678901234567</v></c><c r="H1" t="n"><v> 12 </v></c><c r="I1"><v>abc</v></c></row>'],
    ['shared strings, plain and rich, and a text a formula gave (UTF-8: å, ä, ö, €)',
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><f>A1&amp;"ÅÄÖ €"</f><v>IntäkterÅÄÖ €</v></c><c r="D1" t="str"><v></v></c></row>'],
    ['booleans and errors, older and newer, with and without a value',
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>true</v></c><c r="D1" t="b"/>'
      + '<c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="e"><f>A1:A2</f><v>#SPILL!</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="e"><f>1/0</f></c></row>'],
    ['formulas: with a result, without one (typed and not), volatile, entities, a quoted sheet name with å',
      '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>0</v></c><c r="B1"><f>1+1</f></c><c r="C1" t="s"><f>A1</f></c><c r="D1" t="n"><f>A1</f><v></v></c>'
      + '<c r="E1"><f ca="1">NOW()</f><v>46000.5</v></c><c r="F1"><f>IF(A1&lt;&gt;0,A1&gt;1,"&quot;")</f><v>1</v></c>'
      + '<c r="G1"><f>\'Blad å\'!A1*2</f><v>4</v></c><c r="H1"><f>_xlfn.XLOOKUP(A1,B1:B2,C1:C2)</f><v>1</v></c></row>'],
    ['number formats and dates (a built-in date format, a custom one, General, a style beyond the styles)',
      '<row r="1"><c r="A1" s="1"><v>1234567</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="3"><v>45658</v></c><c r="D1" s="4"><v>5</v></c>'
      + '<c r="E1" s="0"><v>2025</v></c><c r="F1" s="99"><v>3</v></c><c r="G1" s="3"><f>B1+1</f></c></row>'],
    ['the 1904 date system', xlsxPackage({ sheets: [{ name: 'B', xml: '<row r="1"><c r="A1" s="2"><v>43830</v></c></row>' }], ...STYLES, date1904: true })],
    ['white space and line breaks between elements, rows without numbers, rows that close themselves, cells that do, attributes in any order',
      '\n  <row>\n    <c s="1" t="n" r="A1">\n      <v>1</v>\n    </c>\n    <c r="B1"/>\n  </row>\n  <row r="2" spans="1:3" ht="20" customHeight="1"/>\n  <row r="3"><c t="s" r="C3"><v>0</v></c></row>\n'],
    ['merged ranges (one cell, reversed), hidden rows and columns, and a merge written with $ (which SheetJS does not see)',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="2" max="3" hidden="1"/></cols>'
      + '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row></sheetData>'
      + '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="B5"/><mergeCell ref="D4:C2"/><mergeCell ref="$E$1:$F$1"/></mergeCells></worksheet>'],
    ['shared formulas (Excel writes them when a formula is filled down): the group\'s text moved to each cell, $ kept, a cell met before its group\'s first without one',
      '<row r="1"><c r="A1"><f t="shared" si="1"/><v>0</v></c><c r="B1"><f t="shared" ref="B1:D2" si="1">SUM(A1:A$3)+$A1+Blad2!B1</f><v>1</v></c>'
      + '<c r="C1"><f t="shared" si="1"/><v>2</v></c><c r="D1" t="str"><f t="shared" si="1"></f><v>x</v></c></row>'
      + '<row r="2"><c r="B2"><f t="shared" si="1"/><v>3</v></c><c r="D2" s="1"><f t="shared" si="1"/></c><c r="E2"><f t="shared" ref="E2:E3" si="2">IF(D2&gt;0,"D2",XFD1)</f><v>4</v></c></row>'
      + '<row r="3"><c r="E3"><f t="shared" si="2"/><v>5</v></c></row><row r="5"><c r="C5"><f t="shared" si="1"/><v>6</v></c></row>'],
    ['LibreOffice\'s aca on a formula, and Excel 2003\'s converter\'s empty <v/>',
      '<row r="1"><c r="A1"><f aca="false">1+1</f><v>2</v></c><c r="B1" t="str"><f>A1</f><v/></c></row>'],
    ['inline strings (what streaming writers such as economy systems\' exports write): plain, keeping spaces, empty, UTF-8, none at all, with a formula',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Intäkter</t></is></c><c r="B1" t="inlineStr"><is>\n  <t xml:space="preserve"> Summa </t>\n</is></c>'
      + '<c r="C1" t="inlineStr"><is><t></t></is></c><c r="D1" t="inlineStr"/><c r="E1" t="inlineStr"><f>A1</f><is><t>Intäkter</t></is></c></row>'],
    ['an empty sheetData, and none at all',
      xlsxPackage({ sheets: [{ name: 'Tom', xml: '' }, { name: 'Ingen', xml: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' }] })],
  ];

  it.each(read)('%s', async (_, form) => {
    const data = typeof form === 'string' ? workbook(form) : form;
    const { grid, notPlain } = await bothWays(data);
    expect(notPlain).toBeUndefined();
    expect(grid.ok).toBe(true);
  });

  it('moves a shared formula\'s references as SheetJS does', async () => {
    const { grid } = await bothWays(workbook(read.find(([name]) => name.startsWith('shared formulas'))![1] as string));
    if (!grid.ok) throw new Error(grid.reason);
    const formulas = [...grid.value.sheets[0].rows].map((cells) => cells && [...cells].map((c) => c?.formula));
    expect(formulas).toEqual([
      [undefined, 'SUM(A1:A$3)+$A1+Blad2!B1', 'SUM(B1:B$3)+$A1+Blad2!C1', 'SUM(C1:C$3)+$A1+Blad2!D1'],
      [undefined, 'SUM(A2:A$3)+$A2+Blad2!B2', undefined, 'SUM(C2:C$3)+$A2+Blad2!D2', 'IF(D2>0,"D2",XFD1)'],
      [undefined, undefined, undefined, undefined, 'IF(D3>0,"D3",XFD2)'],
      undefined,
      [undefined, undefined, 'SUM(B5:B$3)+$A5+Blad2!C5'],
    ]);
  });

  it('reads what the forms say (not only what SheetJS says): a formula without a result has none, errors keep their text', async () => {
    const { grid } = await bothWays(workbook(read[2][1] as string));
    const { grid: formulas } = await bothWays(workbook(read[3][1] as string));
    if (!grid.ok || !formulas.ok) throw new Error('unread');
    expect(grid.value.sheets[0].rows[0].map((c) => c?.value)).toEqual([true, false, true, false, { error: '#DIV/0!' }, { error: '#SPILL!' }, { error: '#N/A' }, { error: '#VALUE!' }]);
    expect(formulas.value.sheets[0].rows[0].map((c) => [c?.value, c?.formula])).toEqual([
      [0, 'SUM(B1:C1)'], [null, '1+1'], [null, 'A1'], [null, 'A1'], [46000.5, 'NOW()'], [1, 'IF(A1<>0,A1>1,"\\"")'.replace('\\"', '"')],
      [4, "'Blad å'!A1*2"], [1, '_xlfn.XLOOKUP(A1,B1:B2,C1:C2)'],
    ]);
  });
});

describe('forms left to SheetJS, which reads them as before', () => {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const declined: [string, string | Buffer, string][] = [
    ['a shared formula that would reach left of column A (SheetJS gives up on the sheet)',
      '<row r="1"><c r="B1"><f t="shared" ref="A1:B2" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>', 'marked formula'],
    ['an array formula', '<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2*2</f><v>2</v></c></row>', 'marked formula'],
    ['an inline string of rich text', '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Hej</t></r></is></c></row>', 'an inline string SheetJS reads its own way'],
    ['an inline string in a cell not typed for one', '<row r="1"><c r="A1"><is><t>Hej</t></is></c></row>', 'type n'],
    ['an inline string beside a value', '<row r="1"><c r="A1" t="inlineStr"><v>1</v><is><t>Hej</t></is></c></row>', 'type inlineStr'],
    ['cells without addresses', '<row r="1"><c><v>1</v></c><c><v>2</v></c></row>', 'no r'],
    ['cells out of order', '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>', 'out of order'],
    ['one cell twice', '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>', 'out of order'],
    ['an address in another form', '<row r="1"><c r="a1"><v>1</v></c></row>', 'out of order or not canonical'],
    ['a prefixed element', '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', 'other than <row>'],
    ['a dynamic array (cm) and a linked data type (vm)', '<row r="1"><c r="A1" cm="1"><f>SEQUENCE(2)</f><v>1</v></c></row>', 'attribute other than r, s and t'],
    ['a numeric character reference in a formula', '<row r="1"><c r="A1"><f>"&#65;"</f><v>1</v></c></row>', 'decodes its own way'],
    ['an entity in upper case', '<row r="1"><c r="A1"><f>"&AMP;"</f><v>1</v></c></row>', 'decodes its own way'],
    ['Excel\'s _x000D_ escape in a text a formula gave', '<row r="1"><c r="A1" t="str"><f>A2</f><v>rad_x000D_</v></c></row>', 'type str'],
    ['a line break written as CR LF in a formula', '<row r="1"><c r="A1"><f>1+\r\n2</f><v>3</v></c></row>', 'decodes its own way'],
    ['an entity in a value', '<row r="1"><c r="A1" t="str"><v>A &amp; B</v></c></row>', 'type str'],
    ['a date cell (t="d")', '<row r="1"><c r="A1" t="d"><v>2025-01-01</v></c></row>', 'type d'],
    ['an error text Excel does not have', '<row r="1"><c r="A1" t="e"><v>#OOPS!</v></c></row>', 'type e'],
    ['a shared string beyond the table', '<row r="1"><c r="A1" t="s"><v>7</v></c></row>', 'type s'],
    ['another element in a cell', '<row r="1"><c r="A1"><v>1</v><extLst/></c></row>', 'an element other than <f> and <v>'],
    ['a merge SheetJS reads that is no range Excel writes', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells><mergeCell ref="A0:B2"/></mergeCells></worksheet>', 'merge'],
    ['a chart sheet beside the worksheet',
      xlsxPackage({ sheets: [{ name: 'B', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'Diagram', chart: true, xml: `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><drawing r:id="rId1"/></chartsheet>` }] }),
      'not a worksheet at xl/worksheets/'],
    ['a worksheet elsewhere than xl/worksheets/',
      xlsxPackage({ sheets: [{ name: 'B', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], replace: {
        'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/../worksheets/sheet1.xml"/></Relationships>`,
      } }),
      'not a worksheet at xl/worksheets/'],
  ];

  it.each(declined)('%s', async (_, form, reason) => {
    const data = typeof form === 'string' ? workbook(form) : form;
    const { notPlain } = await bothWays(data);
    expect(notPlain).toContain(reason);
  });

  it('in a workbook with a chart sheet or a sheet in a form of its own, the plain worksheets are still read here', async () => {
    const REL_CHART = `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><drawing r:id="rId1"/></chartsheet>`;
    const data = xlsxPackage({
      sheets: [
        { name: 'Budget', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Diagram', chart: true, xml: REL_CHART },
        { name: 'Matris', xml: '<row r="1"><c r="A1"><f t="array" ref="A1">B1*2</f><v>2</v></c></row>' },
        { name: 'Plan', xml: '<row r="2"><c r="B2"><v>3</v></c></row>' },
      ],
    });
    const { grid } = await bothWays(data);
    expect(grid.ok && grid.value.sheets.map((sheet) => sheet.name)).toEqual(['Budget', 'Matris', 'Plan']);
    expect([...(readBook(storedCopy(data, DEFAULT_LIMITS.maxUnpackedBytes) ?? data).plain?.keys() ?? [])]).toEqual([0, 3]);
  });

  it('bytes that are not UTF-8 in a text a formula gave', async () => {
    const head = Buffer.from('<row r="1"><c r="A1" t="str"><f>A2</f><v>');
    const sheet = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), head, Buffer.from([0xc3, 0x28]), Buffer.from('</v></c></row></sheetData></worksheet>')]);
    const { notPlain } = await bothWays(xlsxPackage({ sheets: [{ name: 'Budget', xml: '' }], replace: { 'xl/worksheets/sheet1.xml': sheet } }));
    expect(notPlain).toContain('type str');
  });
});

describe('any sheetData, generated', () => {
  /** Mostly what is read here, now and then what is left to SheetJS: most sheets are then read here, not all. */
  const mostly = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 12 }, { arbitrary: rare, weight: 1 });
  const typed = fc.oneof(
    fc.tuple(fc.constantFrom('', ' t="n"'), mostly(fc.constantFrom('12970', '-450', '0.1', '1.5E3', '-0', '007', ' 12 ', '12345678901234567', 'abc'), fc.constant('1&amp;2'))),
    fc.tuple(fc.constant(' t="s"'), mostly(fc.constantFrom('0', '1', '2'), fc.constant('9'))),
    fc.tuple(fc.constant(' t="str"'), mostly(fc.constantFrom('abc', 'Åäö €', ''), fc.constantFrom('A &amp; B', 'rad_x000D_'))),
    fc.tuple(fc.constant(' t="b"'), fc.constantFrom('0', '1', 'true', 'false', 'x')),
    fc.tuple(fc.constant(' t="e"'), mostly(fc.constantFrom('#DIV/0!', '#SPILL!', '#N/A', '#WTF?'), fc.constant('#OOPS!'))),
    fc.tuple(fc.constantFrom(' t="d"', ' t="x"'), fc.constant('1')),
  );
  const formulaText = mostly(
    fc.constantFrom('SUM(A1:B2)', 'A1+$B$2', '"x"&amp;A1', 'IF(A1&lt;&gt;0,1,2)', 'Blad2!C3*2', '\'Blad å\'!A1+1', 'XFD1+A1048576', ''),
    fc.constantFrom('"&#65;"', 'A1&amp;"_x000D_"', '"&AMP;"'),
  );
  const formula = fc.oneof(
    { arbitrary: fc.constant(''), weight: 4 },
    { arbitrary: formulaText.map((f) => `<f>${f}</f>`), weight: 3 },
    { arbitrary: formulaText.map((f) => `<f ca="1">${f}</f>`), weight: 1 },
    { arbitrary: formulaText.map((f) => `<f aca="false">${f}</f>`), weight: 1 },
    { arbitrary: fc.tuple(fc.integer({ min: 0, max: 2 }), formulaText).map(([si, f]) => `<f t="shared" ref="A1:D9" si="${si}">${f}</f>`), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 2 }).map((si) => `<f t="shared" si="${si}"/>`), weight: 5 },
    { arbitrary: formulaText.map((f) => `<f t="array" ref="A1">${f}</f>`), weight: 1 },
  );
  const cell = fc.record({
    column: mostly(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -1, max: 0 })),
    typed,
    style: fc.constantFrom('', ' s="0"', ' s="1"', ' s="3"', ' s="4"', ' s="99"', ' s="03"'),
    formula,
    emptyValue: fc.constantFrom(false, false, false, true),
    selfClosed: fc.constantFrom(false, false, false, true),
    space: fc.constantFrom('', '\n  '),
    inline: fc.oneof(
      { arbitrary: fc.constant(''), weight: 6 },
      { arbitrary: mostly(fc.constantFrom('Hej', 'Åäö €', ' två ord ', ''), fc.constantFrom('A &amp; B', 'rad_x000D_')).map((t) => `<is><t xml:space="preserve">${t}</t></is>`), weight: 1 },
      { arbitrary: fc.constantFrom('<is><r><t>Rik</t></r></is>', '<is><t>a</t><rPh><t>b</t></rPh></is>'), weight: 1 },
    ),
  });
  const row = fc.record({ gap: fc.integer({ min: 0, max: 2 }), numbered: fc.boolean(), cells: fc.array(cell, { maxLength: 5 }) });
  const letters = (n: number) => (n < 26 ? '' : String.fromCharCode(64 + Math.floor(n / 26))) + String.fromCharCode(65 + (n % 26));

  /** The rows as XML: columns move on by each cell's step (a step of 0 or less writes a cell out of order). */
  type GeneratedRow = typeof row extends fc.Arbitrary<infer T> ? T : never;
  const sheetData = (rows: GeneratedRow[]): string => {
    let r = 0;
    return rows.map((line) => {
      r += 1 + line.gap;
      let column = -1;
      const cells = line.cells.map((c) => {
        column = Math.max(0, column + c.column);
        const type = c.typed[0];
        const text = c.typed[1];
        const open = `<c r="${letters(column)}${r}"${c.style}${type}`;
        const value = c.emptyValue ? (text === '1' ? '<v/>' : '<v></v>') : `<v>${text}</v>`;
        if (c.inline !== '') return c.selfClosed ? `${c.space}<c r="${letters(column)}${r}"${c.style} t="inlineStr"/>` : `${c.space}<c r="${letters(column)}${r}"${c.style} t="inlineStr">${c.formula}${c.inline}</c>`;
        return c.selfClosed ? `${c.space}${open}/>` : `${c.space}${open}>${c.formula}${value}</c>`;
      });
      return `<row${line.numbered ? ` r="${r}"` : ''}>${cells.join('')}</row>`;
    }).join('');
  };

  it('reads to the Grid SheetJS reads, whether read here or left to SheetJS', async () => {
    let readHere = 0;
    let runs = 0;
    await fc.assert(fc.asyncProperty(fc.array(row, { maxLength: 6 }), async (rows) => {
      runs++;
      const { notPlain } = await bothWays(workbook(sheetData(rows)));
      if (notPlain === undefined) readHere++;
    }), { numRuns: 300 });
    // The generator reaches both ways: many sheets are read here, many are left to SheetJS.
    expect(readHere).toBeGreaterThan(runs / 5);
    expect(readHere).toBeLessThan(runs);
  }, 60_000);
});
