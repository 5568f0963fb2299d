/**
 * What Excel checks before it opens an .xlsx without a repair prompt, checked structurally on a
 * written copy (every test that writes one runs it): the zip reads with its CRCs right and no
 * name twice; every part has a content type and every Override names a part; every XML part is
 * well-formed (strictXml.ts); every relationship target exists, relationship ids are unique per
 * part, and every r:id an XML part uses is one of its relationships; the workbook's sheets and
 * its sheet relationships match, with unique names and sheetIds; the styles' counts match their
 * lists and every format, font, fill and border index points into them; each worksheet's
 * elements come in schema order, rows and cells in order and once each, shared formulas with
 * their master; comments have one note per cell, known authors (each named once) and the legacy
 * drawing that shows them. Reads the package with JSZip, not with the code that wrote it.
 */
import JSZip from 'jszip';
import { child, childrenNamed, descendants, parseStrictXml, type XmlNode } from './strictXml';

const REL_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const SHEET_KINDS = ['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet', 'xlMacrosheet', 'xlIntlMacrosheet'];
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const STYLE_LISTS: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf', cellStyles: 'cellStyle', dxfs: 'dxf' };

interface Rel {
  id: string;
  type: string;
  kind: string;
  target: string;
  external: boolean;
}

export interface OpenedPackage {
  names: string[];
  /** By lower-case part name. */
  xml: Map<string, XmlNode>;
  /** By lower-case source part name. */
  rels: Map<string, Rel[]>;
  problems: string[];
}

export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  return (await openPackage(bytes)).problems;
}

/** The problems of `copy` that `original` does not have already (a file Excel wrote with a flaw keeps it). */
export async function newPackageProblems(copy: Uint8Array, original: Uint8Array): Promise<string[]> {
  const before = new Set(await packageProblems(original));
  return (await packageProblems(copy)).filter((p) => !before.has(p));
}

/** Throws with every problem listed: for tests. */
export async function expectValidPackage(copy: Uint8Array, original?: Uint8Array): Promise<void> {
  const problems = original ? await newPackageProblems(copy, original) : await packageProblems(copy);
  if (problems.length > 0) throw new Error(`the copy would need repairing:\n  ${problems.join('\n  ')}`);
}

export async function openPackage(bytes: Uint8Array): Promise<OpenedPackage> {
  const problems: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    return { names: [], xml: new Map(), rels: new Map(), problems: [`zip: ${(e as Error).message}`] };
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const lower = new Map<string, string>();
  for (const n of names) {
    if (lower.has(n.toLowerCase())) problems.push(`zip: ${n} twice`);
    lower.set(n.toLowerCase(), n);
  }
  const types = await contentTypes(zip, names, problems);
  const xml = new Map<string, XmlNode>();
  for (const name of names) {
    const type = types.get(name) ?? '';
    const isXml = name.endsWith('.rels') || /[+/]xml$/.test(type) || type === 'application/vnd.openxmlformats-officedocument.vmlDrawing';
    if (!isXml || name === '[Content_Types].xml') continue;
    try {
      xml.set(name.toLowerCase(), parseStrictXml(await zip.files[name].async('string')));
    } catch (e) {
      problems.push(`${name}: not well-formed: ${(e as Error).message}`);
    }
  }
  const rels = relationshipsOf(names, lower, xml, problems);
  const pkg: OpenedPackage = { names, xml, rels, problems };
  relationshipIdsUsed(pkg);
  const workbook = workbookChecks(pkg);
  if (workbook) {
    const styles = stylesChecks(pkg, workbook);
    for (const sheet of workbook.worksheets) worksheetChecks(pkg, sheet, styles, workbook.sharedStrings);
  }
  return pkg;
}

async function contentTypes(zip: JSZip, names: string[], problems: string[]): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  const file = zip.files['[Content_Types].xml'];
  if (!file) {
    problems.push('[Content_Types].xml is missing');
    return types;
  }
  let root: XmlNode;
  try {
    root = parseStrictXml(await file.async('string'));
  } catch (e) {
    problems.push(`[Content_Types].xml: not well-formed: ${(e as Error).message}`);
    return types;
  }
  const defaults = new Map<string, string>();
  for (const d of childrenNamed(root, 'Default')) {
    const ext = (d.attrs.Extension ?? '').toLowerCase();
    if (defaults.has(ext)) problems.push(`[Content_Types].xml: Default for .${ext} twice`);
    defaults.set(ext, d.attrs.ContentType ?? '');
  }
  const overrides = new Map<string, string>();
  for (const o of childrenNamed(root, 'Override')) {
    const part = decodeURIComponent(o.attrs.PartName ?? '').replace(/^\//, '').toLowerCase();
    if (overrides.has(part)) problems.push(`[Content_Types].xml: Override for /${part} twice`);
    overrides.set(part, o.attrs.ContentType ?? '');
    if (!names.some((n) => n.toLowerCase() === part)) problems.push(`[Content_Types].xml: Override for a missing part /${part}`);
  }
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const type = overrides.get(name.toLowerCase()) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
    if (type === undefined) problems.push(`${name}: no content type`);
    else types.set(name, type);
  }
  return types;
}

function resolve(source: string, target: string): string {
  const decoded = decodeURIComponent(target.replace(/#.*$/, ''));
  const parts = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml`. */
const sourceOf = (relsPart: string) => relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');

function relationshipsOf(names: string[], lower: Map<string, string>, xml: Map<string, XmlNode>, problems: string[]): Map<string, Rel[]> {
  const out = new Map<string, Rel[]>();
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const root = xml.get(name.toLowerCase());
    if (!root) continue;
    const source = sourceOf(name);
    if (source !== '' && !lower.has(source.toLowerCase())) problems.push(`${name}: its source part ${source} is missing`);
    const rels: Rel[] = [];
    for (const r of childrenNamed(root, 'Relationship')) {
      const rel: Rel = { id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', kind: (r.attrs.Type ?? '').replace(/.*\//, ''), target: r.attrs.Target ?? '', external: r.attrs.TargetMode === 'External' };
      if (!/^[A-Za-z_][\w.-]*$/.test(rel.id)) problems.push(`${name}: relationship id "${rel.id}" is no XML id`);
      if (rels.some((x) => x.id === rel.id)) problems.push(`${name}: relationship id ${rel.id} twice`);
      // A hyperlink to a place in the workbook (`#Blad1!A1`) points at no part.
      const place = rel.kind === 'hyperlink' && rel.target.replace(/#.*$/, '') === '';
      if (!rel.external && !place && !lower.has(resolve(source, rel.target).toLowerCase())) {
        problems.push(`${name}: ${rel.id} (${rel.kind}) points at a missing part ${resolve(source, rel.target)}`);
      }
      rels.push(rel);
    }
    out.set(source.toLowerCase(), rels);
  }
  return out;
}

/** A part's relationships (part names are case-insensitive). */
const relsOf = (pkg: OpenedPackage, part: string): Rel[] => pkg.rels.get(part.toLowerCase()) ?? [];

/** Every attribute in the relationships namespace (r:id, r:embed, r:link, …) names a relationship of its part. */
function relationshipIdsUsed(pkg: OpenedPackage): void {
  for (const [name, root] of pkg.xml) {
    if (name.endsWith('.rels')) continue;
    const ids = new Set(relsOf(pkg, name).map((r) => r.id));
    for (const node of descendants(root)) {
      for (const [key, value] of Object.entries(node.nsAttrs)) {
        const ns = key.slice(1, key.indexOf('}'));
        if (REL_NS.includes(ns) && value !== '' && !ids.has(value)) pkg.problems.push(`${name}: <${node.name}> uses ${value}, not a relationship of the part`);
      }
    }
  }
}

interface SheetRef {
  name: string;
  part: string;
}

function workbookChecks(pkg: OpenedPackage): { worksheets: SheetRef[]; part: string; sharedStrings: number | null } | null {
  const office = relsOf(pkg, '').find((r) => r.kind === 'officeDocument');
  if (!office) {
    pkg.problems.push('_rels/.rels: no officeDocument relationship');
    return null;
  }
  const part = resolve('', office.target);
  const root = pkg.xml.get(part.toLowerCase());
  if (!root) return null;
  const rels = relsOf(pkg, part);
  const sheets = childrenNamed(child(root, 'sheets') ?? root, 'sheet');
  const names = new Set<string>();
  const ids = new Set<string>();
  const rids = new Set<string>();
  const worksheets: SheetRef[] = [];
  for (const s of sheets) {
    const name = s.attrs.name ?? '';
    const rid = Object.entries(s.nsAttrs).find(([k]) => k.endsWith('}id'))?.[1] ?? '';
    if (names.has(name.toLowerCase())) pkg.problems.push(`${part}: sheet name "${name}" twice`);
    if (ids.has(s.attrs.sheetId)) pkg.problems.push(`${part}: sheetId ${s.attrs.sheetId} twice`);
    if (rids.has(rid)) pkg.problems.push(`${part}: r:id ${rid} on two sheets`);
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) pkg.problems.push(`${part}: sheet name "${name}" Excel does not accept`);
    names.add(name.toLowerCase());
    ids.add(s.attrs.sheetId);
    rids.add(rid);
    const rel = rels.find((r) => r.id === rid);
    if (!rel || !SHEET_KINDS.includes(rel.kind)) pkg.problems.push(`${part}: sheet "${name}" has no sheet relationship (${rid})`);
    else if (rel.kind === 'worksheet') worksheets.push({ name, part: resolve(part, rel.target) });
  }
  for (const rel of rels.filter((r) => SHEET_KINDS.includes(r.kind))) {
    if (!rids.has(rel.id)) pkg.problems.push(`${part}: ${rel.id} is a sheet no <sheet> lists`);
  }
  const defined = new Set<string>();
  for (const d of childrenNamed(child(root, 'definedNames') ?? root, 'definedName')) {
    const key = `${(d.attrs.name ?? '').toLowerCase()}@${d.attrs.localSheetId ?? ''}`;
    if (defined.has(key)) pkg.problems.push(`${part}: defined name ${key} twice`);
    defined.add(key);
    if (d.attrs.localSheetId !== undefined && Number(d.attrs.localSheetId) >= sheets.length) pkg.problems.push(`${part}: defined name ${key} on a sheet that is not there`);
  }
  const sstRel = rels.find((r) => r.kind === 'sharedStrings');
  const sst = sstRel ? pkg.xml.get(resolve(part, sstRel.target).toLowerCase()) : undefined;
  return { worksheets, part, sharedStrings: sst ? childrenNamed(sst, 'si').length : null };
}

interface StyleCounts {
  cellXfs: number;
}

function stylesChecks(pkg: OpenedPackage, workbook: { part: string }): StyleCounts {
  const rel = relsOf(pkg, workbook.part).find((r) => r.kind === 'styles');
  const part = rel ? resolve(workbook.part, rel.target) : '';
  const root = pkg.xml.get(part.toLowerCase());
  if (!root) return { cellXfs: 1 };
  const lengths: Record<string, number> = {};
  for (const [list, item] of Object.entries(STYLE_LISTS)) {
    const node = child(root, list);
    if (!node) continue;
    const n = childrenNamed(node, item).length;
    lengths[list] = n;
    if (node.attrs.count !== undefined && Number(node.attrs.count) !== n) pkg.problems.push(`${part}: <${list} count="${node.attrs.count}"> holds ${n}`);
  }
  const numFmts = new Set(childrenNamed(child(root, 'numFmts') ?? root, 'numFmt').map((n) => Number(n.attrs.numFmtId)));
  const checkXf = (list: string, xf: XmlNode, i: number) => {
    const check = (attr: string, limit: number | undefined) => {
      if (xf.attrs[attr] !== undefined && Number(xf.attrs[attr]) >= (limit ?? 0)) pkg.problems.push(`${part}: ${list}[${i}] ${attr}=${xf.attrs[attr]} past the end`);
    };
    check('fontId', lengths.fonts);
    check('fillId', lengths.fills);
    check('borderId', lengths.borders);
    if (list === 'cellXfs') check('xfId', lengths.cellStyleXfs);
    const fmt = Number(xf.attrs.numFmtId ?? 0);
    if (fmt >= 164 && !numFmts.has(fmt)) pkg.problems.push(`${part}: ${list}[${i}] numFmtId=${fmt} is not defined`);
  };
  childrenNamed(child(root, 'cellXfs') ?? root, 'xf').forEach((xf, i) => checkXf('cellXfs', xf, i));
  childrenNamed(child(root, 'cellStyleXfs') ?? root, 'xf').forEach((xf, i) => checkXf('cellStyleXfs', xf, i));
  return { cellXfs: lengths.cellXfs ?? 1 };
}

function cellPosition(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  return { col: [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0), row: Number(m[2]) };
}

function worksheetChecks(pkg: OpenedPackage, sheet: SheetRef, styles: StyleCounts, sharedStrings: number | null): void {
  const root = pkg.xml.get(sheet.part.toLowerCase());
  if (!root) return;
  const where = `${sheet.part} (${sheet.name})`;
  let rank = -1;
  for (const c of root.children) {
    const r = WORKSHEET_ORDER.indexOf(c.local);
    if (r < 0) continue;
    if (r < rank) pkg.problems.push(`${where}: <${c.local}> out of schema order`);
    if (r === rank && !['conditionalFormatting'].includes(c.local)) pkg.problems.push(`${where}: <${c.local}> twice`);
    rank = r;
  }
  const shared = { masters: new Set<string>(), members: new Set<string>() };
  let lastRow = 0;
  for (const row of childrenNamed(child(root, 'sheetData') ?? root, 'row')) {
    const r = row.attrs.r === undefined ? lastRow + 1 : Number(row.attrs.r);
    if (!(r > lastRow)) pkg.problems.push(`${where}: row ${r} after row ${lastRow}`);
    lastRow = r;
    if (row.attrs.s !== undefined && Number(row.attrs.s) >= styles.cellXfs) pkg.problems.push(`${where}: row ${r} style ${row.attrs.s} past cellXfs`);
    let lastCol = 0;
    for (const c of childrenNamed(row, 'c')) {
      const at = c.attrs.r === undefined ? { row: r, col: lastCol + 1 } : cellPosition(c.attrs.r);
      if (!at) {
        pkg.problems.push(`${where}: cell reference "${c.attrs.r}"`);
        continue;
      }
      if (at.row !== r) pkg.problems.push(`${where}: cell ${c.attrs.r} in row ${r}`);
      if (!(at.col > lastCol)) pkg.problems.push(`${where}: cell ${c.attrs.r ?? at.col} out of order in row ${r}`);
      lastCol = at.col;
      cellChecks(pkg, where, c, styles, sharedStrings, shared);
    }
  }
  for (const si of shared.members) if (!shared.masters.has(si)) pkg.problems.push(`${where}: shared formula ${si} has no master`);
  commentChecks(pkg, sheet, root, where);
}

function cellChecks(pkg: OpenedPackage, where: string, c: XmlNode, styles: StyleCounts, sharedStrings: number | null, shared: { masters: Set<string>; members: Set<string> }): void {
  const ref = c.attrs.r ?? '?';
  if (c.attrs.s !== undefined && Number(c.attrs.s) >= styles.cellXfs) pkg.problems.push(`${where}: ${ref} style ${c.attrs.s} past cellXfs (${styles.cellXfs})`);
  const v = child(c, 'v');
  const t = c.attrs.t ?? 'n';
  if (t === 'inlineStr' && !child(c, 'is')) pkg.problems.push(`${where}: ${ref} is an inline string without <is>`);
  if (t === 's' && v && sharedStrings !== null && Number(v.text) >= sharedStrings) pkg.problems.push(`${where}: ${ref} shared string ${v.text} past the table`);
  if (t === 'n' && v && v.text.trim() !== '' && !Number.isFinite(Number(v.text))) pkg.problems.push(`${where}: ${ref} number "${v.text}"`);
  const f = child(c, 'f');
  if (f?.attrs.t === 'shared') {
    const si = f.attrs.si ?? '';
    if (f.attrs.ref !== undefined && f.text.trim() !== '') shared.masters.add(si);
    else shared.members.add(si);
  }
  const order = c.children.map((x) => ['f', 'v', 'is', 'extLst'].indexOf(x.local));
  if (order.some((o, i) => i > 0 && o < order[i - 1])) pkg.problems.push(`${where}: ${ref} children out of order`);
}

function commentChecks(pkg: OpenedPackage, sheet: SheetRef, root: XmlNode, where: string): void {
  const rels = relsOf(pkg, sheet.part);
  const commentsRels = rels.filter((r) => r.kind === 'comments');
  if (commentsRels.length > 1) pkg.problems.push(`${where}: two comments parts`);
  if (childrenNamed(root, 'legacyDrawing').length > 1) pkg.problems.push(`${where}: two legacyDrawing elements`);
  if (commentsRels.length === 0) return;
  const legacy = child(root, 'legacyDrawing');
  const vmlId = legacy ? Object.entries(legacy.nsAttrs).find(([k]) => k.endsWith('}id'))?.[1] : undefined;
  const vml = rels.find((r) => r.id === vmlId);
  if (!vml || vml.kind !== 'vmlDrawing') pkg.problems.push(`${where}: notes without the legacy drawing that shows them`);
  const part = resolve(sheet.part, commentsRels[0].target);
  const comments = pkg.xml.get(part.toLowerCase());
  if (!comments) return;
  const authors = childrenNamed(child(comments, 'authors') ?? comments, 'author').map((a) => a.text);
  if (new Set(authors).size !== authors.length) pkg.problems.push(`${part}: an author named twice`);
  const refs = new Set<string>();
  for (const c of childrenNamed(child(comments, 'commentList') ?? comments, 'comment')) {
    if (refs.has(c.attrs.ref)) pkg.problems.push(`${part}: two notes on ${c.attrs.ref}`);
    refs.add(c.attrs.ref);
    if (Number(c.attrs.authorId) >= authors.length) pkg.problems.push(`${part}: note on ${c.attrs.ref} by author ${c.attrs.authorId} of ${authors.length}`);
    if (!child(c, 'text')) pkg.problems.push(`${part}: note on ${c.attrs.ref} without text`);
  }
}
