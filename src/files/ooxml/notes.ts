import { cellRef } from './sheetCells';
import { addRelationship, ContentTypes, relationships, relsPartOf, resolveTarget, type PackageParts } from './opc';
import { applySplices, attribute, children, escapeText, firstChild, insertionPoint, localName, prefixFor, prefixOf, rootElement, textOf, type Element, type Splice } from './xml';
import type { Dialect } from './dialect';

// Browser-safe. Notes (Excel's "anteckningar", the comments part) on a worksheet: ours are added
// to the sheet's comments part, or to a new one; a cell that has a note already keeps it and gets
// ours after it, as the Excel pane does; a note of ours that is there already (a corrected copy
// corrected again) is not added twice. Excel shows a note only with a shape in the sheet's legacy
// VML drawing, so each new note gets one there too. A cell with a threaded comment (its
// placeholder in the comments part is written by an author `tc={…}`) gets no note: Excel shows the
// thread, not the placeholder's text, and a cell cannot have both — as in the Excel pane, such a
// cell is marked with the fill alone and the caller says so.

export interface Note {
  row: number;
  col: number;
  text: string;
}

const AUTHOR = 'Budgetkoll';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** The worksheet's elements in schema order (CT_Worksheet), to put legacyDrawing where it belongs. */
export const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * The worksheet part's XML with the notes added (their parts changed or made in `parts`), and the
 * notes not added because their cell has a threaded comment.
 */
export async function addNotes(parts: PackageParts, sheetPart: string, sheetXml: string, notes: Note[], dialect: Dialect): Promise<{ xml: string; threaded: Note[] }> {
  if (notes.length === 0) return { xml: sheetXml, threaded: [] };
  const relsXml = await parts.textOrNull(relsPartOf(sheetPart));
  const rels = relsXml === null ? [] : relationships(relsXml);
  const commentsRel = rels.find((r) => !r.external && r.type.endsWith('/comments'));
  const commentsPart = commentsRel ? resolveTarget(sheetPart, commentsRel.target) : parts.freeName(`${dialect.folder}comments`, '.xml');
  const existing = commentsRel ? await parts.text(commentsPart) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<comments xmlns="${dialect.main}"><authors></authors><commentList></commentList></comments>`;
  const { xml: comments, added, threaded } = withNotes(existing, notes);
  if (comments === existing) return { xml: sheetXml, threaded };
  parts.set(commentsPart, comments);
  const types = new ContentTypes(parts);
  if (!commentsRel) {
    await addRelationship(parts, sheetPart, `${dialect.relationships}/comments`, commentsPart);
    await types.declare(commentsPart, COMMENTS_TYPE);
  }
  if (added.length === 0) return { xml: sheetXml, threaded };
  const legacy = firstChild(sheetXml, rootElement(sheetXml), 'legacyDrawing');
  const legacyId = legacy ? attribute(sheetXml, legacy.tag, 'r:id') ?? relationshipAttribute(sheetXml, legacy, dialect) : undefined;
  const vmlRel = legacyId === undefined ? undefined : rels.find((r) => r.id === legacyId);
  if (vmlRel && parts.has(resolveTarget(sheetPart, vmlRel.target))) {
    const vmlPart = resolveTarget(sheetPart, vmlRel.target);
    parts.set(vmlPart, withShapes(await parts.text(vmlPart), added));
    return { xml: sheetXml, threaded };
  }
  const vmlPart = parts.freeName(`${dialect.folder}drawings/vmlDrawing`, '.vml');
  parts.set(vmlPart, newVml(await nextIdBlock(parts), added));
  const id = await addRelationship(parts, sheetPart, `${dialect.relationships}/vmlDrawing`, vmlPart);
  if (vmlPart.toLowerCase().endsWith('.vml')) await types.declareExtension('vml', VML_TYPE);
  else await types.declare(vmlPart, VML_TYPE);
  return { xml: withLegacyDrawing(sheetXml, legacy, id, dialect), threaded };
}

/** The legacyDrawing's relationship id when its prefix for the relationships namespace is not `r`. */
function relationshipAttribute(xml: string, element: Element, dialect: Dialect): string | undefined {
  const prefix = prefixFor(xml, rootElement(xml), dialect.relationships);
  return prefix ? attribute(xml, element.tag, `${prefix}id`) : undefined;
}

/** The sheet with a legacyDrawing pointing at the new VML part (one that pointed at a missing part is replaced). */
function withLegacyDrawing(xml: string, legacy: Element | undefined, id: string, dialect: Dialect): string {
  const root = rootElement(xml);
  const prefix = prefixFor(xml, root, dialect.relationships);
  const own = prefixOf(root.tag.name);
  const element = prefix
    ? `<${own}legacyDrawing ${prefix}id="${id}"/>`
    : `<${own}legacyDrawing xmlns:r="${dialect.relationships}" r:id="${id}"/>`;
  if (legacy) return applySplices(xml, [{ start: legacy.tag.start, end: legacy.end, text: element }]);
  const at = insertionPoint(xml, root, 'legacyDrawing', WORKSHEET_ORDER);
  return applySplices(xml, [{ start: at, end: at, text: element }]);
}

/**
 * The comments part with the notes in; `added` are the notes that got a comment of their own (and
 * need a shape), `threaded` those left out because their cell has a threaded comment.
 */
export function withNotes(xml: string, notes: Note[]): { xml: string; added: Note[]; threaded: Note[] } {
  const root = rootElement(xml);
  const p = prefixOf(root.tag.name);
  const authors = firstChild(xml, root, 'authors');
  const list = firstChild(xml, root, 'commentList');
  if (!authors || !list) throw new Error('a comments part without authors or commentList');
  const comments = list.tag.kind === 'empty' ? [] : children(xml, list).filter((c) => localName(c.tag.name) === 'comment');
  const byRef = new Map(comments.map((c) => [(attribute(xml, c.tag, 'ref') ?? '').toUpperCase(), c]));
  const splices: Splice[] = [];
  const added: Note[] = [];
  const threaded: Note[] = [];
  let newComments = '';
  let authorId: number | undefined;
  const names = authors.tag.kind === 'empty' ? [] : children(xml, authors).map((a) => textOf(xml, a));
  for (const note of notes) {
    const ref = cellRef(note.row, note.col);
    const comment = byRef.get(ref);
    if (comment && isThreaded(names, attribute(xml, comment.tag, 'authorId'))) {
      threaded.push(note);
      continue;
    }
    if (comment) {
      const appended = appendedText(xml, comment, note.text, p);
      if (appended) splices.push(appended);
      continue;
    }
    if (authorId === undefined) {
      authorId = names.indexOf(AUTHOR);
      if (authorId < 0) {
        authorId = names.length;
        splices.push(insertAt(xml, authors, `<${p}author>${AUTHOR}</${p}author>`));
      }
    }
    newComments += `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(p, note.text)}</${p}text></${p}comment>`;
    added.push(note);
  }
  if (newComments) splices.push(insertAt(xml, list, newComments));
  return { xml: applySplices(xml, splices), added, threaded };
}

/** Excel writes a threaded comment's placeholder note under the author `tc={thread id}`. */
function isThreaded(authors: string[], authorId: string | undefined): boolean {
  const name = authorId === undefined ? undefined : authors[Number(authorId)];
  return name !== undefined && /^tc=\{[0-9A-Fa-f-]+\}$/.test(name.trim());
}

/** A run as Excel writes a note's text (Tahoma 9). */
function run(p: string, text: string): string {
  return `<${p}r><${p}rPr><${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/></${p}rPr><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;
}

/** Our text after a note the cell already has; null when it already says it. */
function appendedText(xml: string, comment: Element, text: string, p: string): Splice | null {
  const body = firstChild(xml, comment, 'text');
  if (!body) return null;
  const now = textOf(xml, body, 't');
  if (now.includes(text)) return null;
  const items = body.tag.kind === 'empty' ? [] : children(xml, body);
  const runs = items.filter((i) => ['r', 't'].includes(localName(i.tag.name)));
  const last = runs[runs.length - 1];
  const ours = run(p, now ? `\n\n${text}` : text);
  // A note of plain text (<t>) becomes a run, so that ours can follow it as one.
  const plain = items.find((i) => localName(i.tag.name) === 't');
  if (plain) return { start: plain.tag.start, end: plain.end, text: `<${p}r>${xml.slice(plain.tag.start, plain.end)}</${p}r>${ours}` };
  const at = last ? last.end : body.contentStart;
  if (body.tag.kind === 'empty') return { start: body.tag.start, end: body.tag.end, text: `<${body.tag.name}>${ours}</${body.tag.name}>` };
  return { start: at, end: at, text: ours };
}

function insertAt(xml: string, parent: Element, text: string): Splice {
  if (parent.tag.kind === 'empty') return { start: parent.tag.start, end: parent.tag.end, text: `${xml.slice(parent.tag.start, parent.tag.end - 2).replace(/\s+$/, '')}>${text}</${parent.tag.name}>` };
  return { start: parent.contentEnd, end: parent.contentEnd, text };
}

const SHAPE_TYPE = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A hidden note's shape next to its cell, as Excel draws one. */
function shape(id: number, note: Note, z: number): string {
  const anchor = [note.col + 1, 15, Math.max(note.row - 1, 0), 10, note.col + 3, 15, note.row + 3, 4].join(', ');
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:75pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`
    + '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
    + '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
    + `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`;
}

function newVml(block: number, notes: Note[]): string {
  return '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
    + `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}`
    + notes.map((n, i) => shape(block * 1024 + 1 + i, n, i + 1)).join('') + '</xml>';
}

/**
 * An existing VML drawing (Excel's are not always well-formed XML: it is text here) with shapes
 * for the notes before its end, numbered after its own, and the note shape type if it lacks one.
 */
function withShapes(vml: string, notes: Note[]): string {
  const end = vml.lastIndexOf('</xml>');
  if (end < 0) throw new Error('a VML drawing without its end');
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const blocks = idBlocks(vml);
  const first = Math.max(ids.length > 0 ? Math.max(...ids) : 0, (blocks[0] ?? 1) * 1024) + 1;
  const z = [...vml.matchAll(/z-index:\s*(\d+)/g)].reduce((n, m) => Math.max(n, Number(m[1])), 0);
  const type = /id\s*=\s*["']_x0000_t202["']/.test(vml) ? '' : SHAPE_TYPE;
  return vml.slice(0, end) + type + notes.map((n, i) => shape(first + i, n, z + i + 1)).join('') + vml.slice(end);
}

const idBlocks = (vml: string): number[] => [...vml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]+)["']/g)].flatMap((m) => m[1].split(/[,\s]+/).filter(Boolean).map(Number));

/** A shape id block (o:idmap data) no VML drawing in the package uses. */
async function nextIdBlock(parts: PackageParts): Promise<number> {
  let max = 0;
  for (const name of parts.names()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    for (const block of idBlocks(await parts.text(name).catch(() => ''))) max = Math.max(max, block);
  }
  return max + 1;
}
