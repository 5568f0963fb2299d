/**
 * A written workbook looked at part by part, for what the engine's Grid does not carry: a cell's
 * note, its fill colour and style index, a sheet's hyperlinks, a part's text. Values and formulas
 * are read the way the product reads them (readWorkbookBytes → Grid); this reads the XML with the
 * strict parser of the package validator, not with the code that wrote it.
 */
import { fromA1 } from '../../src/core/address';
import { child, childrenNamed, type XmlNode } from './strictXml';
import { openPackage, type OpenedPackage } from './packageValidator';

export interface WorkbookParts {
  pkg: OpenedPackage;
  sheetNames: string[];
  /** The worksheet part of a sheet. */
  sheetPart(sheet: string): string;
  /** The cell's element, or undefined. */
  cell(sheet: string, a1: string): XmlNode | undefined;
  /** The text of the cell's note, or undefined. */
  note(sheet: string, a1: string): string | undefined;
  /** Every note of a sheet by cell. */
  notes(sheet: string): Map<string, string>;
  /** The fill colour (ARGB) of the cell's format, or undefined for none. */
  fill(sheet: string, a1: string): string | undefined;
  /** The cell's format as written in styles (cellXfs), without its fill. */
  formatWithoutFill(sheet: string, a1: string): Record<string, string>;
  hyperlinks(sheet: string): Map<string, string>;
}

const resolve = (source: string, target: string): string => {
  const parts = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
};

export async function workbookParts(bytes: Uint8Array): Promise<WorkbookParts> {
  const pkg = await openPackage(bytes);
  const rels = (part: string) => pkg.rels.get(part.toLowerCase()) ?? [];
  const xml = (part: string) => {
    const node = pkg.xml.get(part.toLowerCase());
    if (!node) throw new Error(`${part} is missing or not well-formed`);
    return node;
  };
  const workbookPart = resolve('', rels('').find((r) => r.kind === 'officeDocument')!.target);
  const sheets = childrenNamed(child(xml(workbookPart), 'sheets')!, 'sheet');
  const partOf = new Map(sheets.map((s) => {
    const id = Object.entries(s.nsAttrs).find(([k]) => k.endsWith('}id'))![1];
    return [s.attrs.name, resolve(workbookPart, rels(workbookPart).find((r) => r.id === id)!.target)];
  }));
  const sheetPart = (sheet: string) => {
    const part = partOf.get(sheet);
    if (!part) throw new Error(`no sheet ${sheet}`);
    return part;
  };
  const cell = (sheet: string, a1: string) => {
    const at = fromA1(a1)!;
    const row = childrenNamed(child(xml(sheetPart(sheet)), 'sheetData')!, 'row').find((r) => Number(r.attrs.r) === at.row + 1);
    return row ? childrenNamed(row, 'c').find((c) => c.attrs.r === a1) : undefined;
  };
  const styles = () => {
    const rel = rels(workbookPart).find((r) => r.kind === 'styles');
    return xml(resolve(workbookPart, rel!.target));
  };
  const xfOf = (sheet: string, a1: string) => childrenNamed(child(styles(), 'cellXfs')!, 'xf')[Number(cell(sheet, a1)?.attrs.s ?? 0)];
  const notes = (sheet: string) => {
    const part = sheetPart(sheet);
    const rel = rels(part).find((r) => r.kind === 'comments');
    const out = new Map<string, string>();
    if (!rel) return out;
    for (const c of childrenNamed(child(xml(resolve(part, rel.target)), 'commentList')!, 'comment')) out.set(c.attrs.ref, textOf(child(c, 'text')!));
    return out;
  };
  return {
    pkg,
    sheetNames: sheets.map((s) => s.attrs.name),
    sheetPart,
    cell,
    note: (sheet, a1) => notes(sheet).get(a1),
    notes,
    fill(sheet, a1) {
      const fillId = Number(xfOf(sheet, a1)?.attrs.fillId ?? 0);
      const pattern = child(childrenNamed(child(styles(), 'fills')!, 'fill')[fillId], 'patternFill');
      if (!pattern || pattern.attrs.patternType !== 'solid') return undefined;
      return child(pattern, 'fgColor')?.attrs.rgb;
    },
    formatWithoutFill(sheet, a1) {
      const attrs = { ...(xfOf(sheet, a1)?.attrs ?? {}) };
      delete attrs.fillId;
      delete attrs.applyFill;
      return attrs;
    },
    hyperlinks(sheet) {
      const links = child(xml(sheetPart(sheet)), 'hyperlinks');
      return new Map((links ? childrenNamed(links, 'hyperlink') : []).map((h) => [h.attrs.ref, h.attrs.location ?? '']));
    },
  };
}

/** The text of a rich or plain text element (its <t> elements, phonetic runs left out). */
function textOf(node: XmlNode): string {
  if (node.local === 't') return node.text;
  if (node.local === 'rPh') return '';
  return node.children.map(textOf).join('');
}
