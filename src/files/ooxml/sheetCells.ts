import { fromA1, toA1 } from '../../core/address';
import { shiftFormula } from './formulaShift';
import { applySplices, attribute, children, escapeText, firstChild, localName, prefixOf, rootElement, withAttributes, XmlError, type Element, type Splice } from './xml';

// Browser-safe. The cells of a worksheet part changed in place: a changed cell's element is
// written again (its formula, cached result or style), a new cell or row goes where its position
// says, and everything else in the part — other cells, other rows, and all that is not
// sheetData — stays byte for byte.

export interface CellEdit {
  /** 0-based. */
  row: number;
  col: number;
  /** A new formula (without '='), replacing what the cell held. */
  formula?: string;
  /** A new cached result. */
  value?: number;
  /** The cell's new style (a cellXfs index) from its present one. */
  restyle?: (style: number) => number;
}

/** An edit, or a cell of a shared formula written out as its own formula (its cached result kept). */
type Edit = CellEdit & { unshared?: boolean };

interface CellAt {
  col: number;
  element: Element;
}

interface RowAt {
  row: number;
  element: Element;
}

/** The worksheet part with the edits made. Throws XmlError when its XML cannot be patched. */
export function patchSheetCells(xml: string, edits: CellEdit[]): string {
  if (edits.length === 0) return xml;
  const sheetData = firstChild(xml, rootElement(xml), 'sheetData');
  if (!sheetData) throw new XmlError('a worksheet without sheetData');
  const rows = rowsOf(xml, sheetData);
  const byRow = new Map<number, Edit[]>();
  for (const edit of withSharedFormulasExpanded(xml, rows, edits)) {
    const list = byRow.get(edit.row) ?? [];
    list.push(edit);
    byRow.set(edit.row, list);
  }
  const patch: SheetPatch = { xml, splices: [], rowTags: new Map(), columnStyles: columnStylesOf(xml) };
  const missing: { row: number; edits: Edit[] }[] = [];
  for (const [row, rowEdits] of byRow) {
    const at = rows.find((r) => r.row === row);
    if (at) patchRow(patch, at, rowEdits);
    else missing.push({ row, edits: rowEdits });
  }
  newRows(patch, sheetData, rows, missing);
  for (const [row, change] of patch.rowTags) {
    const tag = row.element.tag;
    patch.splices.push({ start: tag.start, end: tag.end, text: withAttributes(xml, tag, change.attributes, change.open || tag.kind === 'open' ? 'open' : 'empty') });
    if (change.open && tag.kind === 'empty') patch.splices.push({ start: row.element.end, end: row.element.end, text: `</${tag.name}>` });
  }
  return applySplices(xml, patch.splices);
}

/** What a sheet's patch collects: the splices, and the rows whose start tags change (`r`, `spans`, opened). */
interface SheetPatch {
  xml: string;
  splices: Splice[];
  rowTags: Map<RowAt, { attributes: Record<string, string>; open: boolean }>;
  columnStyles: Map<number, number>;
}

function changeRowTag(patch: SheetPatch, row: RowAt, attributes: Record<string, string>, open = false): void {
  const was = patch.rowTags.get(row) ?? { attributes: {}, open: false };
  patch.rowTags.set(row, { attributes: { ...was.attributes, ...attributes }, open: was.open || open });
}

/** Rows in order, numbered as Excel numbers them: by `r`, or one past the row before. */
function rowsOf(xml: string, sheetData: Element): RowAt[] {
  const rows: RowAt[] = [];
  let previous = 0;
  for (const element of children(xml, sheetData)) {
    if (localName(element.tag.name) !== 'row') continue;
    const r = attribute(xml, element.tag, 'r');
    previous = r === undefined ? previous + 1 : Number(r);
    rows.push({ row: previous - 1, element });
  }
  return rows;
}

function cellsOf(xml: string, row: Element): CellAt[] {
  const cells: CellAt[] = [];
  let previous = -1;
  for (const element of children(xml, row)) {
    if (localName(element.tag.name) !== 'c') continue;
    const r = attribute(xml, element.tag, 'r');
    const parsed = r === undefined ? null : parseCellRef(r);
    previous = parsed ? parsed.col : previous + 1;
    cells.push({ col: previous, element });
  }
  return cells;
}

function parseCellRef(ref: string): { row: number; col: number } | null {
  return /^[A-Z]{1,3}\d+$/i.test(ref) ? fromA1(ref) : null;
}

export function cellRef(row: number, col: number): string {
  return toA1(row, col);
}

/**
 * The edits, and for each shared formula a fixed cell belonged to, its other cells written out
 * as formulas of their own: a group whose master (or one of whose cells) is replaced would
 * otherwise leave cells pointing at a formula that is no longer there.
 */
function withSharedFormulasExpanded(xml: string, rows: RowAt[], edits: CellEdit[]): Edit[] {
  const fixed = new Set(edits.filter((e) => e.formula !== undefined).map((e) => `${e.row}:${e.col}`));
  if (fixed.size === 0) return edits;
  const groups = new Set<string>();
  const members: { row: number; col: number; si: string; f: Element }[] = [];
  for (const row of rows) {
    if (!/<(\w+:)?f\b[^>]*\bsi=/.test(xml.slice(row.element.contentStart, row.element.contentEnd))) continue;
    for (const cell of cellsOf(xml, row.element)) {
      const f = firstChild(xml, cell.element, 'f');
      if (!f || attribute(xml, f.tag, 't') !== 'shared') continue;
      const si = attribute(xml, f.tag, 'si') ?? '';
      members.push({ row: row.row, col: cell.col, si, f });
      if (fixed.has(`${row.row}:${cell.col}`)) groups.add(si);
    }
  }
  if (groups.size === 0) return edits;
  const masters = new Map<string, { row: number; col: number; text: string }>();
  for (const m of members) {
    if (groups.has(m.si) && attribute(xml, m.f.tag, 'ref') !== undefined && m.f.contentEnd > m.f.contentStart) {
      masters.set(m.si, { row: m.row, col: m.col, text: unescapeFormula(xml.slice(m.f.contentStart, m.f.contentEnd)) });
    }
  }
  const expanded: Edit[] = [...edits];
  for (const m of members) {
    const master = masters.get(m.si);
    if (!master || fixed.has(`${m.row}:${m.col}`)) continue;
    expanded.push({ row: m.row, col: m.col, formula: shiftFormula(master.text, m.row - master.row, m.col - master.col), unshared: true });
  }
  return expanded;
}

const unescapeFormula = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Several edits of one cell (a fix and a mark) as one. */
function combined(edits: Edit[]): Map<number, Edit> {
  const byCol = new Map<number, Edit>();
  for (const edit of edits) {
    const was = byCol.get(edit.col);
    byCol.set(edit.col, was ? { ...was, ...Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) } : edit);
  }
  return byCol;
}

function patchRow(patch: SheetPatch, row: RowAt, edits: Edit[]): void {
  const { xml } = patch;
  const cells = cellsOf(xml, row.element);
  const byCol = combined(edits);
  const prefix = prefixOf(row.element.tag.name);
  const baseStyle = rowStyle(xml, row.element);
  const inserted: { col: number; text: string }[] = [];
  for (const [col, edit] of byCol) {
    const cell = cells.find((c) => c.col === col);
    if (cell) patch.splices.push({ start: cell.element.tag.start, end: cell.element.end, text: rewriteCell(xml, cell.element, row.row, col, edit) });
    else inserted.push({ col, text: newCell(prefix, row.row, col, edit, baseStyle ?? patch.columnStyles.get(col) ?? 0) });
  }
  if (inserted.length === 0) return;
  inserted.sort((a, b) => a.col - b.col);
  const numbered = new Set<CellAt>();
  for (const cell of inserted) {
    const next = cells.find((c) => c.col > cell.col);
    const at = next ? next.element.tag.start : row.element.contentEnd;
    patch.splices.push({ start: at, end: at, text: cell.text });
    // A cell after it without `r` counts on from its left neighbour: it must say where it is now.
    if (next && !numbered.has(next) && !byCol.has(next.col) && attribute(xml, next.element.tag, 'r') === undefined) {
      numbered.add(next);
      patch.splices.push({ start: next.element.tag.start, end: next.element.tag.end, text: withAttributes(xml, next.element.tag, { r: cellRef(row.row, next.col) }) });
    }
  }
  changeRowTag(patch, row, widerSpans(xml, row.element, inserted.map((c) => c.col)), true);
}

/** The row's spans widened to take in new cells (a hint for Excel's loader; left alone where it already does). */
function widerSpans(xml: string, row: Element, cols: number[]): Record<string, string> {
  const spans = attribute(xml, row.tag, 'spans');
  if (spans === undefined) return {};
  const bounds = spans.split(/\s+/).flatMap((s) => s.split(':').map(Number)).filter((n) => Number.isFinite(n));
  if (bounds.length === 0) return {};
  const low = Math.min(...bounds, ...cols.map((c) => c + 1));
  const high = Math.max(...bounds, ...cols.map((c) => c + 1));
  return low < Math.min(...bounds) || high > Math.max(...bounds) ? { spans: `${low}:${high}` } : {};
}

/** A row's own style, where it sets one for its empty cells. */
function rowStyle(xml: string, row: Element): number | undefined {
  const custom = attribute(xml, row.tag, 'customFormat');
  const s = attribute(xml, row.tag, 's');
  return (custom === '1' || custom === 'true') && s !== undefined ? Number(s) : undefined;
}

/** Column styles (0-based column → cellXfs index) from the sheet's cols. */
function columnStylesOf(xml: string): Map<number, number> {
  const styles = new Map<number, number>();
  const cols = firstChild(xml, rootElement(xml), 'cols');
  if (!cols) return styles;
  for (const col of children(xml, cols)) {
    const style = attribute(xml, col.tag, 'style');
    if (style === undefined) continue;
    const min = Number(attribute(xml, col.tag, 'min'));
    const max = Math.min(Number(attribute(xml, col.tag, 'max')), min + 16_384);
    for (let c = min; c <= max; c++) styles.set(c - 1, Number(style));
  }
  return styles;
}

function newCell(prefix: string, row: number, col: number, edit: CellEdit, baseStyle: number): string {
  const style = edit.restyle ? edit.restyle(baseStyle) : baseStyle;
  const s = style === 0 ? '' : ` s="${style}"`;
  const content = `${edit.formula !== undefined ? `<${prefix}f>${escapeText(edit.formula)}</${prefix}f>` : ''}${edit.value !== undefined ? `<${prefix}v>${numberText(edit.value)}</${prefix}v>` : ''}`;
  return content ? `<${prefix}c r="${cellRef(row, col)}"${s}>${content}</${prefix}c>` : `<${prefix}c r="${cellRef(row, col)}"${s}/>`;
}

/** The cell's element written again with the edit made; what the edit does not touch is kept as written. */
function rewriteCell(xml: string, cell: Element, row: number, col: number, edit: Edit): string {
  const prefix = prefixOf(cell.tag.name);
  // A cell without `r` says where it is, so that a cell put in before it cannot move it.
  const changes: Record<string, string | null> = attribute(xml, cell.tag, 'r') === undefined ? { r: cellRef(row, col) } : {};
  if (edit.restyle) {
    const now = Number(attribute(xml, cell.tag, 's') ?? '0');
    const style = edit.restyle(now);
    if (style !== now) changes.s = String(style);
  }
  const replacesFormula = edit.formula !== undefined && !edit.unshared;
  if (edit.value !== undefined || replacesFormula) changes.t = null;
  if (replacesFormula) Object.assign(changes, { cm: null, vm: null });
  const parts = cell.tag.kind === 'empty' ? [] : children(xml, cell);
  const raw = (e: Element) => xml.slice(e.tag.start, e.end);
  const f = parts.find((p) => localName(p.tag.name) === 'f');
  const valueParts = parts.filter((p) => ['v', 'is'].includes(localName(p.tag.name)));
  const rest = parts.filter((p) => !['f', 'v', 'is'].includes(localName(p.tag.name)));
  let formula = f ? raw(f) : '';
  if (edit.formula !== undefined) {
    // A cell of a shared group written out keeps its formula's other attributes (ca, aca, …).
    const open = edit.unshared && f ? withAttributes(xml, f.tag, { t: null, ref: null, si: null }, 'open') : `<${prefix}f>`;
    formula = `${open}${escapeText(edit.formula)}</${f && edit.unshared ? f.tag.name : `${prefix}f`}>`;
  }
  const value = edit.value !== undefined
    ? `<${prefix}v>${numberText(edit.value)}</${prefix}v>`
    : replacesFormula ? '' : valueParts.map(raw).join('');
  const content = formula + value + rest.map(raw).join('');
  const open = withAttributes(xml, cell.tag, changes, content ? 'open' : 'empty');
  return content ? `${open}${content}</${cell.tag.name}>` : open;
}

/** A cached result as Excel writes a double. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new XmlError(`not a number: ${value}`);
  return String(value === 0 ? 0 : value).replace('e', 'E');
}

function newRows(patch: SheetPatch, sheetData: Element, rows: RowAt[], missing: { row: number; edits: Edit[] }[]): void {
  if (missing.length === 0) return;
  const { xml } = patch;
  const prefix = prefixOf(sheetData.tag.name);
  const empty = sheetData.tag.kind === 'empty';
  if (empty) patch.splices.push({ start: sheetData.tag.start, end: sheetData.tag.end, text: withAttributes(xml, sheetData.tag, {}, 'open') });
  const end = empty ? sheetData.end : sheetData.contentEnd;
  for (const { row, edits } of missing.sort((a, b) => a.row - b.row)) {
    const cells = [...combined(edits).values()].sort((a, b) => a.col - b.col).map((e) => newCell(prefix, row, e.col, e, patch.columnStyles.get(e.col) ?? 0)).join('');
    const next = rows.find((r) => r.row > row);
    const at = next ? next.element.tag.start : end;
    patch.splices.push({ start: at, end: at, text: `<${prefix}row r="${row + 1}">${cells}</${prefix}row>` });
    if (next && attribute(xml, next.element.tag, 'r') === undefined) changeRowTag(patch, next, { r: String(next.row + 1) });
  }
  // After the rows put in at the same place.
  if (empty) patch.splices.push({ start: sheetData.end, end: sheetData.end, text: `</${sheetData.tag.name}>` });
}
