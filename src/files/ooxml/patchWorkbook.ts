import { freeSheetName, type CheckSheetContent } from '../../core/checkSheetContent';
import { checkSheetXml } from './checkSheetXml';
import type { ZipCodec } from './codec';
import { dialectOf, type Dialect } from './dialect';
import { addNotes, type Note } from './notes';
import { addRelationship, ContentTypes, PackageParts, relatedParts, relationshipKind, relationships, relsPartOf, removeRelationships, resolveTarget } from './opc';
import { patchSheetCells, type CellEdit } from './sheetCells';
import { minimalStyles, StylesPatch } from './styles';
import { withFullCalcOnLoad, withSheet, workbookSheets, type SheetEntry } from './workbookXml';

// Browser-safe. The corrected copy of an .xlsx package, made by changing only what Budgetkoll
// changes: the cells it fixes or marks, the styles it adds, its notes, its check sheet, the
// workbook's list of sheets, the calculation chain (dropped: Excel rebuilds it) and the request
// to calculate on opening. Every other entry of the zip is copied as it was stored.

export interface CellChange {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  formula?: string;
  value?: number;
  /** A solid fill (RGB hex), the cell's format otherwise kept. */
  fill?: string;
}

export interface WorkbookChanges {
  cells: CellChange[];
  notes: (Note & { sheet: string })[];
  checkSheet: CheckSheetContent;
  /** The name of the check sheet of an earlier correction, replaced by this one; null adds a new one. */
  replacesSheet: string | null;
}

const TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

export class PatchError extends Error {}

export interface PatchedWorkbook {
  bytes: Uint8Array;
  /** Cells whose note was left out because they have a threaded comment: marked with the fill alone. */
  threaded: { sheet: string; row: number; col: number }[];
}

export async function patchWorkbook(data: Uint8Array, changes: WorkbookChanges, codec: ZipCodec): Promise<PatchedWorkbook> {
  const parts = new PackageParts(data, codec);
  const workbookPart = await officeDocument(parts);
  let workbookXml = await parts.text(workbookPart);
  const dialect = dialectOf(workbookXml, workbookPart);
  const sheets = workbookSheets(workbookXml, dialect);
  const sheetParts = await sheetPartsOf(parts, workbookPart, sheets);
  const styles = await stylesOf(parts, workbookPart, dialect);
  const threaded: PatchedWorkbook['threaded'] = [];

  for (const sheet of new Set([...changes.cells.map((c) => c.sheet), ...changes.notes.map((n) => n.sheet)])) {
    const part = sheetParts.get(sheet);
    if (!part) throw new PatchError(`the sheet ${sheet} has no part`);
    const before = await parts.text(part);
    const edits = changes.cells.filter((c) => c.sheet === sheet).map((c): CellEdit => ({
      row: c.row, col: c.col, formula: c.formula, value: c.value,
      restyle: c.fill === undefined ? undefined : (style) => styles.patch.withFill(style, c.fill as string),
    }));
    const patched = await addNotes(parts, part, patchSheetCells(before, edits), changes.notes.filter((n) => n.sheet === sheet), dialect);
    if (patched.xml !== before) parts.set(part, patched.xml);
    threaded.push(...patched.threaded.map((n) => ({ sheet, row: n.row, col: n.col })));
  }

  const checkSheet = checkSheetXml(changes.checkSheet, styles.patch, dialect);
  const earlier = changes.replacesSheet === null ? undefined : sheetParts.get(changes.replacesSheet);
  if (earlier) {
    parts.set(earlier, checkSheet);
  } else {
    const part = parts.freeName(`${dialect.folder}worksheets/sheet`, '.xml');
    parts.set(part, checkSheet);
    const id = await addRelationship(parts, workbookPart, `${dialect.relationships}/worksheet`, part);
    await new ContentTypes(parts).declare(part, TYPES.worksheet);
    workbookXml = withSheet(workbookXml, freeSheetName(sheets.map((s) => s.name), 'Budgetkoll'), id, dialect);
  }

  if (styles.patch.changed || styles.made) parts.set(styles.part, styles.patch.toXml());
  if (styles.made) {
    await addRelationship(parts, workbookPart, `${dialect.relationships}/styles`, styles.part);
    await new ContentTypes(parts).declare(styles.part, TYPES.styles);
  }
  await dropCalcChain(parts, workbookPart);
  parts.set(workbookPart, withFullCalcOnLoad(workbookXml));
  return { bytes: await parts.write(), threaded };
}

/** The workbook part, as the package's own relationships name it. */
async function officeDocument(parts: PackageParts): Promise<string> {
  const xml = await parts.textOrNull('_rels/.rels');
  const rel = xml === null ? undefined : relationships(xml).find((r) => !r.external && relationshipKind(r.type) === 'officeDocument');
  const part = rel ? parts.find(resolveTarget('', rel.target)) : parts.find('xl/workbook.xml');
  if (!part) throw new PatchError('no workbook part');
  return part;
}

async function sheetPartsOf(parts: PackageParts, workbookPart: string, sheets: SheetEntry[]): Promise<Map<string, string>> {
  const xml = await parts.textOrNull(relsPartOf(workbookPart));
  const rels = xml === null ? [] : relationships(xml);
  const byName = new Map<string, string>();
  for (const sheet of sheets) {
    const rel = rels.find((r) => r.id === sheet.relationshipId && !r.external);
    const part = rel ? parts.find(resolveTarget(workbookPart, rel.target)) : undefined;
    if (part) byName.set(sheet.name, part);
  }
  return byName;
}

/** The styles part and its patch; a workbook without one gets Excel's minimal styles. */
async function stylesOf(parts: PackageParts, workbookPart: string, dialect: Dialect): Promise<{ part: string; patch: StylesPatch; made: boolean }> {
  const related = (await relatedParts(parts, workbookPart, 'styles')).find((r) => parts.has(r.part));
  if (related) {
    const part = parts.find(related.part) as string;
    return { part, patch: new StylesPatch(await parts.text(part)), made: false };
  }
  const part = parts.has(`${dialect.folder}styles.xml`) ? parts.freeName(`${dialect.folder}styles`, '.xml') : `${dialect.folder}styles.xml`;
  return { part, patch: new StylesPatch(minimalStyles(dialect.main)), made: true };
}

/** The calculation chain goes (part, relationship, content type): Excel rebuilds it, and one naming cells that changed is a repair prompt. */
async function dropCalcChain(parts: PackageParts, workbookPart: string): Promise<void> {
  const chains = await relatedParts(parts, workbookPart, 'calcChain');
  if (chains.length === 0) return;
  await removeRelationships(parts, workbookPart, (r) => relationshipKind(r.type) === 'calcChain');
  for (const { part } of chains) {
    const name = parts.find(part);
    if (!name) continue;
    parts.remove(name);
    await new ContentTypes(parts).remove(name);
  }
}
