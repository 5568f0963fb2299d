/**
 * A minimal .xlsx from literal sheets: numbers and inline strings, nothing else (no styles, no
 * shared strings) — the smallest package Excel and LibreOffice open, for tests that need a file.
 */
import type { CellValue } from '../../src/core/grid';
import { toA1 } from '../../src/core/address';
import { writeZip } from './zipWriter';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(value: CellValue, row: number, col: number): string {
  const ref = toA1(row, col);
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
  throw new Error(`xlsxOfValues: only numbers and strings, not ${String(value)}`);
}

function sheetXml(values: CellValue[][]): string {
  const rows = values.map((cells, r) => {
    const xml = cells.map((v, c) => (v === null || v === undefined ? '' : cellXml(v, r, c))).join('');
    return xml ? `<row r="${r + 1}">${xml}</row>` : '';
  });
  return `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

export function xlsxOfValues(sheets: { name: string; values: CellValue[][] }[]): Buffer {
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return writeZip([
    text('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`),
    text('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    ...sheets.map((s, i) => text(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.values))),
  ]);
}
