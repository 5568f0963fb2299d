/**
 * A small .xlsx writer for test inputs, in the form Excel writes them: shared strings, a styles
 * part, numbers as <v>, formulas as <f> with a cached result. A sheet may give its sheetData (and
 * what follows it) as raw XML, to make the cases Excel writes and generators rarely do: shared
 * formulas, rows and cells without `r`, notes already there.
 */
import { columnLetters } from '../../src/core/address';
import { writeZip } from './zipWriter';

export type InputCell = number | string | { formula: string; value: number } | null | undefined;

export interface InputSheet {
  name: string;
  /** From A1 (row-major); `at` moves the table. */
  cells?: InputCell[][];
  at?: { row: number; col: number };
  /** Raw sheetData content instead of `cells` (strings as inline strings then). */
  sheetData?: string;
  /** Raw elements after sheetData (mergeCells, legacyDrawing, …). */
  after?: string;
  /** Extra relationships of the sheet part: [id, type suffix, target]. */
  rels?: [string, string, string][];
}

export interface InputPart {
  name: string;
  text: string;
  contentType?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export function writeXlsx(sheets: InputSheet[], extra: InputPart[] = []): Uint8Array {
  const strings: string[] = [];
  const stringIndex = (s: string) => {
    const i = strings.indexOf(s);
    if (i >= 0) return i;
    strings.push(s);
    return strings.length - 1;
  };
  const parts: InputPart[] = [];
  sheets.forEach((sheet, i) => {
    const data = sheet.sheetData ?? cellsXml(sheet, stringIndex);
    parts.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="40" customWidth="1"/></cols><sheetData>${data}</sheetData>${sheet.after ?? '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'}</worksheet>`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    });
    if (sheet.rels) {
      parts.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, text: rels(sheet.rels.map(([id, type, target]) => [id, `${REL}/${type}`, target])) });
    }
  });
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('')}</sheets><calcPr calcId="191029"/></workbook>`;
  const workbookRels = rels([
    ['rId1', `${REL}/styles`, 'styles.xml'],
    ['rId2', `${REL}/sharedStrings`, 'sharedStrings.xml'],
    ...sheets.map((_, i): [string, string, string] => [`rId${i + 3}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
  ]);
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`;
  const all: InputPart[] = [
    { name: '_rels/.rels', text: rels([['rId1', `${REL}/officeDocument`, 'xl/workbook.xml']]) },
    { name: 'xl/workbook.xml', text: workbook, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
    { name: 'xl/_rels/workbook.xml.rels', text: workbookRels },
    { name: 'xl/styles.xml', text: styles, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml' },
    { name: 'xl/sharedStrings.xml', text: sst, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml' },
    ...parts,
    ...extra,
  ];
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${all.filter((p) => p.contentType).map((p) => `<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`).join('')}</Types>`;
  return new Uint8Array(writeZip([{ name: '[Content_Types].xml', data: Buffer.from(types) }, ...all.map((p) => ({ name: p.name, data: Buffer.from(p.text) }))]));
}

function rels(list: [string, string, string][]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

function cellsXml(sheet: InputSheet, stringIndex: (s: string) => number): string {
  const top = sheet.at?.row ?? 0;
  const left = sheet.at?.col ?? 0;
  return (sheet.cells ?? []).map((row, r) => {
    const cells = row.map((value, c) => {
      const ref = `${columnLetters(left + c)}${top + r + 1}`;
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return `<c r="${ref}" s="${Number.isInteger(value) ? 1 : 2}"><v>${value}</v></c>`;
      if (typeof value === 'string') return `<c r="${ref}" t="s"><v>${stringIndex(value)}</v></c>`;
      return `<c r="${ref}" s="1"><f>${escape(value.formula)}</f><v>${value.value}</v></c>`;
    }).join('');
    return cells ? `<row r="${top + r + 1}">${cells}</row>` : '';
  }).join('');
}
