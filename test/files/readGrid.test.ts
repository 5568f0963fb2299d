/**
 * The check's reader (src/files/readGrid.ts) reads the Grid from exceljs's parsed model instead
 * of its worksheets. It must give exactly the Grid — holes, undefined properties, Dates and all —
 * and the reasons readWorkbookBytes gives: on the seeds and examples, the bad-file corpus, and
 * workbooks crafted here with every kind of cell, merges, comments, shared formulas and malformed rows.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookBytes } from '../../src/files/readXlsx';
import { readWorkbookGrid } from '../../src/files/readGrid';
import { SEEDS_DIR } from '../helpers/seeds';

async function expectSameRead(data: Uint8Array, fileName = 'arbetsbok.xlsx'): Promise<void> {
  const full = await readWorkbookBytes(data, fileName);
  const read = await readWorkbookGrid(data, fileName);
  if (!full.ok) {
    expect(read).toStrictEqual(full);
    return;
  }
  expect(read.ok).toBe(true);
  expect(read.ok && read.grid).toStrictEqual(full.grid);
}

const filesIn = (dir: string, pattern: RegExp) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => pattern.test(f)).map((f) => path.join(dir, f)) : []);

describe('readWorkbookGrid reads what readWorkbookBytes reads', () => {
  const files = [
    ...filesIn(SEEDS_DIR, /\.xlsx$/),
    ...filesIn(path.join(__dirname, '..', '..', 'examples'), /\.xlsx$/),
    ...filesIn(path.join(__dirname, '..', 'fixtures', 'bad'), /\.(xlsx|xls|xlsb|ods|csv|xml|pdf)$/),
  ];

  it.each(files.map((f) => [path.relative(path.join(__dirname, '..', '..'), f), f]))('%s', async (_name, file) => {
    await expectSameRead(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  });

  it('a workbook with every kind of cell, merges, comments, hidden rows and shared formulas', async () => {
    await expectSameRead(await everyKindOfCell({ commentNextToSharedFormula: false }));
    await expectSameRead(await everyKindOfCell({ commentNextToSharedFormula: true }));
  });

  const seed = () => new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, 'seed-000-lund-prel-formulas.xlsx')));
  it.each<[string, (xml: string) => string]>([
    ['cells without an address', (x) => x.replace(/<c r="C(\d+)"/g, '<c')],
    ['a row without a number', (x) => x.replace(/<row r="7"/, '<row')],
    ['a row number twice', (x) => x.replace(/<row r="8"/, '<row r="7"')],
    ['rows out of order', (x) => {
      const row = /<row r="5".*?<\/row>/s.exec(x)![0];
      return x.replace(row, '').replace('</sheetData>', `${row}</sheetData>`);
    }],
    ['cells out of order', (x) => x.replace(/(<c r="B9"[^>]*>.*?<\/c>)(<c r="C9"[^>]*>.*?<\/c>)/s, '$2$1')],
    ['a cell addressed to another row', (x) => x.replace(/<c r="B9"/, '<c r="B99"')],
    ['a cell twice', (x) => x.replace(/(<c r="B9"[^>]*>.*?<\/c>)/s, '$1$1')],
    ['an absolute cell address', (x) => x.replace(/<c r="B9"/, '<c r="$B$9"')],
    ['a column past XFD', (x) => x.replace(/<c r="B9"/, '<c r="XFE9"')],
    ['a one-cell merge', (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1"/></mergeCells>')],
    ['overlapping merges', (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>')],
    ['a merge written bottom-up', (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="C3:A1"/></mergeCells>')],
    ['a merge beyond the rows', (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="H40:J42"/></mergeCells>')],
    ['booleans and errors', (x) => x.replace(/<c r="B9"[^>]*>.*?<\/c>/s, '<c r="B9" t="b"><v>1</v></c>').replace(/<c r="C9"[^>]*>.*?<\/c>/s, '<c r="C9" t="e"><v>#N/A</v></c>')],
    ['a text formula', (x) => x.replace(/<c r="B9"[^>]*>.*?<\/c>/s, '<c r="B9" t="str"><f>"12"</f><v>12</v></c>')],
    ['shared formulas without their first cell', (x) => x.replace(/<c r="C(\d+)"([^>]*)><f>[^<]*<\/f>/g, '<c r="C$1"$2><f t="shared" si="7"/>')],
    ['shared formulas along the rows', sharedAlongRows],
    ['shared formulas with a merge over a copy', (x) => sharedAlongRows(x).replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A13:A14"/></mergeCells>')],
    ['hidden rows, one empty', (x) => x.replace('</sheetData>', '<row r="60" hidden="1"><c r="A60" s="0"/></row><row r="61" hidden="1"/></sheetData>')],
  ])('%s', async (_name, edit) => {
    await expectSameRead(await editSheet(seed(), edit));
  });
});

/** The seed's formulas in columns C–E as copies of column B's shared formula, row by row. */
function sharedAlongRows(xml: string): string {
  return xml.replace(/<row r="(\d+)".*?<\/row>/gs, (row) => {
    const m = /<c r="B(\d+)"([^>]*)><f>([^<]*)<\/f>/.exec(row);
    if (!m) return row;
    const [, r, attributes, formula] = m;
    return row
      .replace(`<c r="B${r}"${attributes}><f>${formula}</f>`, `<c r="B${r}"${attributes}><f t="shared" ref="B${r}:E${r}" si="${r}">${formula}</f>`)
      .replace(new RegExp(`<c r="([C-E])${r}"([^>]*)><f>[^<]*</f>`, 'g'), `<c r="$1${r}"$2><f t="shared" si="${r}"/>`);
  });
}

async function editSheet(data: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const name = 'xl/worksheets/sheet1.xml';
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'uint8array' });
}

/** The first cell of a shared formula over `ref` (exceljs writes it so; its types leave shareType out). */
const sharedFormula = (formula: string, result: number, ref: string) => ({ formula, result, shareType: 'shared', ref }) as unknown as ExcelJS.CellFormulaValue;

async function everyKindOfCell({ commentNextToSharedFormula }: { commentNextToSharedFormula: boolean }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Typer');
  ws.getColumn(3).numFmt = '#,##0 "kr"';
  ws.getRow(7).numFmt = '0.00';
  ws.getCell('A1').value = 'Budget 2024';
  ws.getCell('B1').value = 2024;
  ws.getCell('C1').value = 2025;
  ws.getCell('A2').value = { text: 'länk', hyperlink: 'https://example.se' };
  ws.getCell('B2').value = { richText: [{ text: 'rik ' }, { font: { bold: true }, text: 'text' }] };
  ws.getCell('C2').value = true;
  ws.getCell('D2').value = { error: '#REF!' };
  ws.getCell('E2').value = new Date(Date.UTC(2024, 5, 1));
  ws.getCell('A3').value = { formula: 'B1-B1', result: 0 };
  ws.getCell('B3').value = { formula: 'A1&""', result: 'Budget 2024' };
  ws.getCell('C3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('D3').value = sharedFormula('B1+1', 2025, 'D3:F3');
  ws.getCell('E3').value = { sharedFormula: 'D3', result: 2026 };
  ws.getCell('F3').value = { sharedFormula: 'D3', result: 0 };
  ws.getCell('A4').value = 'Intäkter';
  ws.getCell('B4').value = 100;
  ws.getCell('A5').value = 'Kostnader';
  ws.getCell('B5').value = 50;
  ws.getCell('A6').value = 'Resultat';
  ws.getCell('B6').value = sharedFormula('B4-B5', 50, 'B6:C6');
  ws.getCell('C6').value = { sharedFormula: 'B6', result: 130 };
  ws.getRow(6).hidden = true;
  ws.getCell('A8').value = 'sammanslagen rubrik';
  ws.mergeCells('A8:C9');
  ws.getCell('E8').value = 1.5;
  ws.getCell('E8').numFmt = '0.0';
  ws.getCell('A10').value = 'med kommentar';
  ws.getCell('A10').note = 'en kommentar';
  ws.getCell(commentNextToSharedFormula ? 'B10' : 'B11').value = { sharedFormula: 'B6', result: 5 };
  wb.addWorksheet('Dold', { state: 'hidden' }).getCell('A1').value = 'dold';
  const third = wb.addWorksheet('Tredje');
  third.getCell('B2').value = sharedFormula('Typer!B4*2', 200, 'B2:D3');
  third.getCell('C2').value = { sharedFormula: 'B2', result: 400 };
  third.getCell('B3').value = { sharedFormula: 'B2', result: 1 };
  third.mergeCells('F5:G5');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
