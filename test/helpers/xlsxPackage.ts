/**
 * A hand-written .xlsx package for reader tests: the sheets' XML exactly as given (odd XML
 * included: rows without numbers, prefixes, inline strings, DTDs), with the parts around it that
 * a workbook needs. Nothing is made by a library, so nothing is tidied.
 */
import { writeZip, type ZipInput } from './zipWriter';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface PackageSheet {
  name: string;
  /** The whole part, or just what goes inside `<sheetData>` (wrapped in a plain worksheet). */
  xml: string;
  /** A chart sheet's part instead of a worksheet's. */
  chart?: boolean;
}

export interface PackageParts {
  sheets: PackageSheet[];
  /** The `<si>` elements of xl/sharedStrings.xml, or the whole part. */
  sharedStrings?: string;
  /** `<numFmt>` elements and the `<xf>` elements of cellXfs (style 0, General, comes first). */
  numFmts?: string;
  cellXfs?: string[];
  date1904?: boolean;
  /** Parts replaced (a string or bytes) or left out (null) after the rest is made. */
  replace?: Record<string, string | Uint8Array | null>;
}

/** A worksheet part holding `sheetData` (unless `xml` is a whole part already). */
export function worksheetXml(xml: string): string {
  return xml.includes('<worksheet') || xml.includes(':worksheet') ? xml : `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${xml}</sheetData></worksheet>`;
}

export function xlsxPackage(parts: PackageParts): Buffer {
  const files = new Map<string, string | Uint8Array>();
  const overrides: string[] = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
  ];
  const rels: string[] = [`<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/>`];
  const sheets: string[] = [];
  parts.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const folder = sheet.chart ? 'chartsheets' : 'worksheets';
    const type = sheet.chart ? 'chartsheet' : 'worksheet';
    files.set(`xl/${folder}/sheet${n}.xml`, sheet.chart ? sheet.xml : worksheetXml(sheet.xml));
    overrides.push(`<Override PartName="/xl/${folder}/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL_NS}/${type}" Target="${folder}/sheet${n}.xml"/>`);
    sheets.push(`<sheet name="${sheet.name}" sheetId="${n}" r:id="rId${n}"/>`);
  });
  if (parts.sharedStrings !== undefined) {
    const sst = parts.sharedStrings.includes('<sst') ? parts.sharedStrings : `${HEAD}<sst xmlns="${MAIN_NS}">${parts.sharedStrings}</sst>`;
    files.set('xl/sharedStrings.xml', sst);
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    rels.push(`<Relationship Id="rIdStrings" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...(parts.cellXfs ?? [])];
  files.set('xl/styles.xml', `${HEAD}<styleSheet xmlns="${MAIN_NS}">${parts.numFmts ? `<numFmts>${parts.numFmts}</numFmts>` : ''}`
    + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`);
  files.set('xl/workbook.xml', `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${parts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.join('')}</sheets></workbook>`);
  files.set('xl/_rels/workbook.xml.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  files.set('_rels/.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files.set('[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`);
  for (const [name, data] of Object.entries(parts.replace ?? {})) {
    if (data === null) files.delete(name);
    else files.set(name, data);
  }
  const entries: ZipInput[] = [...files].map(([name, data]) => ({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data }));
  return writeZip(entries);
}
