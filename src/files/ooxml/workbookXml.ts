import type { Dialect } from './dialect';
import { applySplices, attribute, children, escapeXml, firstChild, insertionPoint, localName, prefixFor, prefixOf, rootElement, withAttributes } from './xml';

// Browser-safe. The workbook part: its list of sheets, a sheet added to it, and the request
// that Excel and LibreOffice calculate every formula again when the copy is opened.

const WORKBOOK_ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The relationship from the workbook part to the sheet's part. */
  relationshipId: string;
}

function sheetsElement(xml: string) {
  const sheets = firstChild(xml, rootElement(xml), 'sheets');
  if (!sheets) throw new Error('a workbook without sheets');
  return sheets;
}

export function workbookSheets(xml: string, dialect: Dialect): SheetEntry[] {
  const prefix = prefixFor(xml, rootElement(xml), dialect.relationships) ?? 'r:';
  const sheets = sheetsElement(xml);
  if (sheets.tag.kind === 'empty') return [];
  return children(xml, sheets).filter((s) => localName(s.tag.name) === 'sheet').map((s) => ({
    name: attribute(xml, s.tag, 'name') ?? '',
    sheetId: Number(attribute(xml, s.tag, 'sheetId') ?? 0),
    relationshipId: attribute(xml, s.tag, `${prefix}id`) ?? '',
  }));
}

/** The workbook with a sheet added last (a new sheetId, one past the highest). */
export function withSheet(xml: string, name: string, relationshipId: string, dialect: Dialect): string {
  const root = rootElement(xml);
  const sheets = sheetsElement(xml);
  const sheetId = Math.max(0, ...workbookSheets(xml, dialect).map((s) => s.sheetId)) + 1;
  const prefix = prefixFor(xml, root, dialect.relationships);
  const own = prefixOf(sheets.tag.name);
  const id = prefix ? `${prefix}id="${relationshipId}"` : `xmlns:r="${dialect.relationships}" r:id="${relationshipId}"`;
  const element = `<${own}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${id}/>`;
  if (sheets.tag.kind === 'empty') {
    return applySplices(xml, [{ start: sheets.tag.start, end: sheets.tag.end, text: `${withAttributes(xml, sheets.tag, {}, 'open')}${element}</${sheets.tag.name}>` }]);
  }
  return applySplices(xml, [{ start: sheets.contentEnd, end: sheets.contentEnd, text: element }]);
}

/** calcPr with fullCalcOnLoad="1": the copy's cached results are ours; Excel and LibreOffice compute their own on opening. */
export function withFullCalcOnLoad(xml: string): string {
  const root = rootElement(xml);
  const calcPr = firstChild(xml, root, 'calcPr');
  if (calcPr) {
    if (attribute(xml, calcPr.tag, 'fullCalcOnLoad') === '1') return xml;
    return applySplices(xml, [{ start: calcPr.tag.start, end: calcPr.tag.end, text: withAttributes(xml, calcPr.tag, { fullCalcOnLoad: '1' }) }]);
  }
  const at = insertionPoint(xml, root, 'calcPr', WORKBOOK_ORDER);
  return applySplices(xml, [{ start: at, end: at, text: `<${prefixOf(root.tag.name)}calcPr fullCalcOnLoad="1"/>` }]);
}
