/**
 * The worksheet patcher (src/files/ooxml/sheetCells.ts) on the forms Excel and other programs
 * write: cells and rows without `r`, empty rows and sheetData, prefixed elements, shared
 * formulas. Only the edited cells' elements change; every other byte of the part stays.
 */
import { shiftFormula } from '../../src/files/ooxml/formulaShift';
import { patchSheetCells } from '../../src/files/ooxml/sheetCells';
import { child, childrenNamed, parseStrictXml } from '../helpers/strictXml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (data: string, prefix = '') => `<?xml version="1.0" encoding="UTF-8"?>\n<${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${MAIN}"><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

/** Every cell of the patched sheet by its position (counted as Excel counts cells and rows without `r`). */
function cells(xml: string): Map<string, { f?: string; v?: string; s?: string; t?: string }> {
  const out = new Map<string, { f?: string; v?: string; s?: string; t?: string }>();
  let row = 0;
  for (const r of childrenNamed(child(parseStrictXml(xml), 'sheetData')!, 'row')) {
    const number = r.attrs.r ? Number(r.attrs.r) : row + 1;
    expect(number).toBeGreaterThan(row);
    row = number;
    let col = 0;
    for (const c of childrenNamed(r, 'c')) {
      const at = c.attrs.r ? c.attrs.r.replace(/\d+$/, '') : '';
      const n = at ? [...at].reduce((m, ch) => m * 26 + ch.charCodeAt(0) - 64, 0) : col + 1;
      expect(n).toBeGreaterThan(col);
      if (c.attrs.r) expect(Number(c.attrs.r.replace(/^[A-Z]+/, ''))).toBe(number);
      col = n;
      out.set(`${String.fromCharCode(64 + n)}${number}`, { f: child(c, 'f')?.text, v: child(c, 'v')?.text, s: c.attrs.s, t: c.attrs.t });
    }
  }
  return out;
}

describe('patchSheetCells', () => {
  const data = '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>5</v></c></row><row r="3"><c r="B3" s="2" t="s"><v>1</v></c></row>';

  it('writes a fixed cell\'s formula and result, keeps its style, and leaves every other byte as it was', () => {
    const xml = sheet(data);
    const out = patchSheetCells(xml, [{ row: 2, col: 1, formula: 'SUM(B1:B2)', value: 12970.5 }]);
    expect(out).toBe(xml.replace('<c r="B3" s="2" t="s"><v>1</v></c>', '<c r="B3" s="2"><f>SUM(B1:B2)</f><v>12970.5</v></c>'));
  });

  it('puts a new cell where its column says, widening the row\'s spans, and a new row where its number says', () => {
    const out = patchSheetCells(sheet(data), [
      { row: 0, col: 1, formula: 'A1', value: 1 },
      { row: 0, col: 4, value: 2 },
      { row: 1, col: 0, value: 3 },
      { row: 9, col: 2, formula: 'C1*2', value: 10 },
    ]);
    expect([...cells(out)]).toEqual([
      ['A1', { t: 's', v: '0' }], ['B1', { f: 'A1', v: '1' }], ['C1', { v: '5' }], ['E1', { v: '2' }],
      ['A2', { v: '3' }],
      ['B3', { s: '2', t: 's', v: '1' }],
      ['C10', { f: 'C1*2', v: '10' }],
    ].map(([k, v]) => [k, expect.objectContaining(v)]));
    expect(out).toContain('<row r="1" spans="1:5">');
  });

  it('counts cells and rows without `r` as Excel does, and numbers the one after an insertion', () => {
    const xml = sheet('<row><c t="s"><v>0</v></c><c><v>7</v></c></row><row><c><v>8</v></c></row>');
    const out = patchSheetCells(xml, [{ row: 0, col: 0, value: 1 }, { row: 1, col: 0, restyle: () => 4 }, { row: 2, col: 3, value: 9 }]);
    expect([...cells(out)].map(([k, v]) => [k, v.v, v.s])).toEqual([['A1', '1', undefined], ['B1', '7', undefined], ['A2', '8', '4'], ['D3', '9', undefined]]);
    // A cell put in before cells that count on from it makes the next one say where it is.
    const before = patchSheetCells(sheet('<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row>'), [{ row: 0, col: 0, value: 5 }]);
    expect([...cells(before)].map(([k, v]) => [k, v.v])).toEqual([['A1', '5'], ['B1', '2']]);
    const inserted = patchSheetCells(sheet('<row r="2"><c r="C2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'), [{ row: 1, col: 1, value: 9 }, { row: 2, col: 3, value: 4 }]);
    expect([...cells(inserted)].map(([k, v]) => [k, v.v])).toEqual([['B2', '9'], ['C2', '1'], ['D2', '2'], ['A3', '3'], ['D3', '4']]);
    const newRow = patchSheetCells(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row><c r="A2"><v>2</v></c></row>'), [{ row: 1, col: 1, value: 7 }]);
    expect([...cells(newRow)].map(([k, v]) => [k, v.v])).toEqual([['A1', '1'], ['A2', '2'], ['B2', '7']]);
    const rowBefore = patchSheetCells(sheet('<row r="2"><c r="A2"><v>1</v></c></row><row><c><v>2</v></c></row>'), [{ row: 0, col: 0, value: 7 }]);
    expect([...cells(rowBefore)].map(([k, v]) => [k, v.v])).toEqual([['A1', '7'], ['A2', '1'], ['A3', '2']]);
  });

  it('opens an empty row and an empty sheetData', () => {
    expect([...cells(patchSheetCells(sheet('<row r="4"/>'), [{ row: 3, col: 1, value: 1 }]))]).toEqual([['B4', expect.objectContaining({ v: '1' })]]);
    const empty = `<worksheet xmlns="${MAIN}"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const out = patchSheetCells(empty, [{ row: 0, col: 0, value: 1 }, { row: 2, col: 0, value: 2 }]);
    expect([...cells(out)].map(([k, v]) => [k, v.v])).toEqual([['A1', '1'], ['A3', '2']]);
    expect(out).toContain('</sheetData><pageMargins');
  });

  it('writes in the prefix the part uses', () => {
    const xml = sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', 'x:');
    const out = patchSheetCells(xml, [{ row: 0, col: 0, formula: 'B1', value: 2 }, { row: 0, col: 2, value: 3 }]);
    expect(out).toContain('<x:c r="A1"><x:f>B1</x:f><x:v>2</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c>');
    parseStrictXml(out);
  });

  it('restyles a cell and keeps everything else in it; a cached result alone leaves its formula', () => {
    const xml = sheet('<row r="1"><c r="A1" s="3" cm="1"><f t="array" ref="A1">SUM(B1:B2)</f><v>4</v><extLst><ext uri="x"/></extLst></c></row>');
    expect(patchSheetCells(xml, [{ row: 0, col: 0, restyle: (s) => s + 10, value: 5 }])).toContain('<c r="A1" s="13" cm="1"><f t="array" ref="A1">SUM(B1:B2)</f><v>5</v><extLst><ext uri="x"/></extLst></c>');
    expect(patchSheetCells(xml, [{ row: 0, col: 0, formula: 'SUM(B1:B3)', value: 6 }])).toContain('<c r="A1" s="3"><f>SUM(B1:B3)</f><v>6</v><extLst><ext uri="x"/></extLst></c>');
  });

  it('writes out the other cells of a shared formula a fixed cell belonged to, so none is left without its master', () => {
    const group = '<row r="6"><c r="B6"><f t="shared" ref="B6:E6" si="0">SUM(B3:B5)</f><v>200</v></c><c r="C6"><f t="shared" si="0"/><v>220</v></c><c r="D6"><f t="shared" si="0"/><v>999</v></c><c r="E6"><f t="shared" si="0"/><v>260</v></c></row>'
      + '<row r="7"><c r="B7"><f t="shared" ref="B7:C7" si="1">B6*2</f><v>400</v></c><c r="C7"><f t="shared" si="1"/><v>440</v></c></row>';
    // A cell of the group fixed: the master and the others are written out, each with its own cached result.
    const child6 = [...cells(patchSheetCells(sheet(group), [{ row: 5, col: 3, formula: 'SUM(D3:D5)', value: 240 }]))];
    expect(child6.filter(([k]) => k.endsWith('6'))).toEqual([['B6', { f: 'SUM(B3:B5)', v: '200' }], ['C6', { f: 'SUM(C3:C5)', v: '220' }], ['D6', { f: 'SUM(D3:D5)', v: '240' }], ['E6', { f: 'SUM(E3:E5)', v: '260' }]].map(([k, v]) => [k, expect.objectContaining(v)]));
    // The other group is left as it was.
    expect(patchSheetCells(sheet(group), [{ row: 5, col: 3, formula: 'SUM(D3:D5)', value: 240 }])).toContain('<row r="7"><c r="B7"><f t="shared" ref="B7:C7" si="1">B6*2</f>');
    // The master fixed: its text is what the others are written from.
    const master = [...cells(patchSheetCells(sheet(group), [{ row: 5, col: 1, formula: 'SUM(B3:B4)', value: 150 }]))];
    expect(master.filter(([k]) => k.endsWith('6')).map(([k, v]) => [k, v.f])).toEqual([['B6', 'SUM(B3:B4)'], ['C6', 'SUM(C3:C5)'], ['D6', 'SUM(D3:D5)'], ['E6', 'SUM(E3:E5)']]);
    // A cached result alone (a formula kept) leaves the group shared.
    expect(patchSheetCells(sheet(group), [{ row: 5, col: 2, value: 221 }])).toContain('<c r="C6"><f t="shared" si="0"/><v>221</v></c>');
  });
});

describe('shiftFormula', () => {
  it.each([
    ['SUM(B3:B5)', 0, 2, 'SUM(D3:D5)'],
    ['SUM($B3:B$5)', 1, 1, 'SUM($B4:C$5)'],
    ['B12-B34', 0, 1, 'C12-C34'],
    ["'Budget 2024'!C10+Blad1!A1", 2, 0, "'Budget 2024'!C12+Blad1!A3"],
    ['IF(A1="B2",LOG10(A1),ATAN2(A1,B1))', 1, 0, 'IF(A2="B2",LOG10(A2),ATAN2(A2,B2))'],
    ['SUM(A:A)+SUM(3:4)+SUM($A:B)', 1, 1, 'SUM(B:B)+SUM(4:5)+SUM($A:C)'],
    ['Tabell1[[#This Row],[Belopp]]*A1', 0, 1, 'Tabell1[[#This Row],[Belopp]]*B1'],
    ['1.5E+10*A1+#REF!', 1, 0, '1.5E+10*A2+#REF!'],
    ['A1', -1, 0, '#REF!'],
    ['XFD1+Skatt2024', 0, 1, '#REF!+Skatt2024'],
  ])('%s moved %i rows, %i columns: %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});
