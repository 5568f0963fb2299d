/// <reference types="office-js" />
import { toA1 } from '../core/address';
import { failure, ok, type Result } from '../core/result';
import type { ExcelCapabilities } from './excelSupport';
import {
  cellKey, qualifiedAddress, restoreEntry, sameFill, sameFormula, sameNote, TEXT_FORMAT,
  type CellAspects, type CellChange, type CellTarget, type Journal, type JournalEntry, type JournalStep, type StepKind,
} from './changes';
import { JOURNAL_KEY, rawAt, type RawCells, type SheetInfo } from './readWorkbook';
import { queueCommentIds, queueCommentPlaces, type CommentPlace } from './threadedComments';

// Budgetkoll's writes into the open workbook. Every write is one read sync (is the workbook
// writable, are the cells still as analysed, what do they hold now) and one write sync that
// makes all changes and records them in the journal, stored in the workbook's settings.
// Excel runs a batch in order and stops at the first failure without undoing what ran before
// it, so a failed write is rolled back from what the read sync saw (two more syncs, only then).

export interface TableBounds {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface StepWritten {
  journal: Journal;
  step: JournalStep;
  /** Cells with a threaded comment, which got Budgetkoll's fill but no note (a cell cannot have both). */
  fillOnly: string[];
}

/** A write's outcome, and the syncs it took (what the tests count). */
export type WriteResult = Result<StepWritten> & { syncs: number };

const counted = <T>(result: Result<T>, syncs: number): Result<T> & { syncs: number } => ({ ...result, syncs });

/** Writes that belong to the same batch as the cell changes: the check sheet, which adds (and may replace) a sheet. */
export type ExtraWrite = (context: Excel.RequestContext) => { addedSheet?: string };

/** Why Budgetkoll cannot add or remove a sheet: the workbook's structure is protected (Review > Protect Workbook). */
export const STRUCTURE_PROTECTED = 'Arbetsbokens struktur är skyddad, så Budgetkoll kan inte lägga till eller ta bort sina blad (kontrollbladet, jämförelsen) och har inte ändrat något. Ta bort skyddet (Granska > Skydda arbetsbok) och försök igen.';

/** Queues a look at the workbook's structure protection (ExcelApi 1.7); after the sync, whether sheets can be added and removed. */
function queueStructureCheck(context: Excel.RequestContext): () => boolean {
  const protection = context.workbook.protection;
  protection.load('protected');
  return () => !protection.protected;
}

export interface WriteRequest {
  kind: StepKind;
  changes: readonly CellChange[];
  /** Tables whose cells must still be as they were analysed. */
  tables: readonly TableBounds[];
  raw: Map<string, RawCells[]>;
  caps: ExcelCapabilities;
  journal: Journal;
  extra?: ExtraWrite;
  /** The threaded comments the inspection found: cells that cannot take a note. */
  comments?: readonly CommentPlace[];
  /** For the journal's time stamp. */
  now?: () => Date;
}

const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);

export function officeErrorText(error: unknown): string {
  const code = codeOf(error);
  return typeof code === 'string' && code !== '' ? ` (felkod ${code})` : '';
}

/** Why a read sync failed, in Swedish: a sheet that went away since the analysis has a reason of its own. */
function readFailure(error: unknown): string {
  if (codeOf(error) === 'ItemNotFound') return 'Ett blad som analysen läste finns inte längre (det har bytt namn eller tagits bort). Analysera arbetsboken igen. Inget har ändrats.';
  return `Budgetkoll kunde inte läsa arbetsboken${officeErrorText(error)}. Inget har ändrats.`;
}

interface Probe {
  at: CellTarget;
  range: Excel.Range;
  note: Excel.Note | null;
}

/** Queues the loads that say what a cell holds now; `sheet` is the cell's sheet, however it was found. */
function probeCell(sheet: Excel.Worksheet, at: CellTarget, caps: ExcelCapabilities): Probe {
  const a1 = toA1(at.row, at.col);
  const range = sheet.getRange(a1);
  range.load('formulas,valueTypes,numberFormat');
  range.format.fill.load('color,pattern');
  // The sheet's own notes, by the cell's local address: they follow the sheet when it is renamed.
  const note = caps.notes ? sheet.notes.getItemOrNullObject(a1) : null;
  note?.load('content');
  return { at, range, note };
}

function aspectsOf(probe: Probe): Required<CellAspects> {
  return {
    formula: probe.range.formulas[0][0],
    text: probe.range.valueTypes[0][0] === 'String',
    numberFormat: String(probe.range.numberFormat[0][0]),
    fill: { color: probe.range.format.fill.color, pattern: probe.range.format.fill.pattern },
    note: probe.note && !probe.note.isNullObject ? probe.note.content : null,
  };
}

interface Guard {
  /** After the sync: why the write must not go ahead, or null. */
  refusal(): string | null;
  /** After the sync: each sheet's id, by the name it was asked for. */
  ids(): Record<string, string>;
}

/** Queues the loads that say whether the workbook and these sheets can be written. */
function queueGuard(context: Excel.RequestContext, sheets: readonly string[]): Guard {
  context.workbook.load('readOnly');
  const protections = sheets.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name,id');
    sheet.protection.load('protected');
    return { name, sheet };
  });
  return {
    refusal: () => {
      if (context.workbook.readOnly) return 'Arbetsboken är öppen skrivskyddad, så Budgetkoll har inte ändrat något. Öppna den för redigering och försök igen.';
      for (const { name, sheet } of protections) {
        if (sheet.isNullObject) return `Bladet ${name} finns inte längre. Analysera arbetsboken igen.`;
        if (sheet.protection.protected) return protectedSheet(sheet.name);
      }
      return null;
    },
    ids: () => Object.fromEntries(protections.filter(({ sheet }) => !sheet.isNullObject).map(({ name, sheet }) => [name, sheet.id])),
  };
}

const protectedSheet = (name: string) => `Bladet ${name} är skyddat, så Budgetkoll har inte ändrat något. Ta bort bladskyddet (Granska > Ta bort skydd) och försök igen.`;

/** Queues a re-read of the analysed tables; after the sync, the first cell that differs. */
function queueStaleCheck(context: Excel.RequestContext, tables: readonly TableBounds[], raw: Map<string, RawCells[]>): () => string | null {
  const reads = tables.map((t) => {
    const range = context.workbook.worksheets.getItem(t.sheet).getRangeByIndexes(t.top, t.left, t.bottom - t.top + 1, t.right - t.left + 1);
    range.load('formulas');
    return { t, range };
  });
  return () => {
    for (const { t, range } of reads) {
      for (let r = 0; r <= t.bottom - t.top; r++) {
        for (let c = 0; c <= t.right - t.left; c++) {
          const now = range.formulas[r]?.[c] ?? '';
          const then = rawAt(raw, t.sheet, t.top + r, t.left + c);
          if (!sameFormula(now, then)) {
            return `${t.sheet}!${toA1(t.top + r, t.left + c)} har ändrats sedan analysen, så Budgetkoll har inte skrivit något. Analysera arbetsboken igen och försök sedan på nytt.`;
          }
        }
      }
    }
    return null;
  };
}

const noteWith = (existing: string | null, ours: string) => (existing ? `${existing}\n\n${ours}` : ours);

/** The journal entry for one change, from what the cell holds now; null when it already is as the change would make it. */
function entryFor(change: CellChange, now: Required<CellAspects>, caps: ExcelCapabilities): JournalEntry | null {
  const before: CellAspects = {};
  const after: CellAspects = {};
  if (change.formula !== undefined && !sameFormula(now.formula, change.formula)) {
    before.formula = now.formula;
    before.text = now.text;
    after.formula = change.formula;
    if (now.numberFormat === TEXT_FORMAT) {
      before.numberFormat = TEXT_FORMAT;
      after.numberFormat = 'General';
    }
  }
  if (change.fill !== undefined && !sameFill({ color: change.fill, pattern: 'Solid' }, now.fill)) {
    before.fill = now.fill;
    after.fill = { color: change.fill, pattern: 'Solid' };
  }
  if (change.note !== undefined && caps.notes && !(now.note ?? '').includes(change.note)) {
    before.note = now.note;
    after.note = noteWith(now.note, change.note);
  }
  return Object.keys(after).length === 0 ? null : { at: change.at, before, after };
}

/** Queues writing `aspects` into a cell of `sheet` (after, for a change; before, for undo or a roll-back). */
function queueAspects(sheet: Excel.Worksheet, at: CellTarget, aspects: CellAspects, hadNote: boolean | null): void {
  const a1 = toA1(at.row, at.col);
  const range = sheet.getRange(a1);
  // The format first: it decides whether Excel takes what is written next as text.
  if (aspects.numberFormat !== undefined) range.numberFormat = [[aspects.numberFormat]];
  if ('formula' in aspects) range.formulas = [[restoreEntry(aspects) as string]];
  if (aspects.fill) {
    if (aspects.fill.pattern === 'None') range.format.fill.clear();
    else {
      range.format.fill.color = aspects.fill.color;
      if (aspects.fill.pattern !== 'Solid') range.format.fill.pattern = aspects.fill.pattern as Excel.FillPattern;
    }
  }
  if ('note' in aspects) {
    if (aspects.note === null || aspects.note === undefined) {
      if (hadNote) sheet.notes.getItem(a1).delete();
    } else if (hadNote) {
      sheet.notes.getItem(a1).content = aspects.note;
    } else {
      sheet.notes.add(a1, aspects.note);
    }
  }
}

const sheetNamed = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name);

/** `stored`: whether the workbook holds a journal now (a setting that is not there cannot be deleted). */
function saveJournal(context: Excel.RequestContext, journal: Journal, stored: boolean): void {
  if (journal.steps.length > 0) context.workbook.settings.add(JOURNAL_KEY, JSON.stringify(journal));
  else if (stored) context.workbook.settings.getItem(JOURNAL_KEY).delete();
}

/** Queues a look at whether the workbook holds a journal; read it after the sync. */
function queueJournalProbe(context: Excel.RequestContext): () => boolean {
  const setting = context.workbook.settings.getItemOrNullObject(JOURNAL_KEY);
  setting.load('value');
  return () => !setting.isNullObject;
}

/** Writes one step (marks, fixes, the check sheet): one read sync, one write sync. Never throws. */
export async function writeStep(context: Excel.RequestContext, request: WriteRequest): Promise<WriteResult> {
  const { caps } = request;
  let syncs = 0;
  if (!caps.write.ok) return counted(caps.write, syncs);
  const sheets = [...new Set([...request.changes.map((c) => c.at.sheet), ...request.tables.map((t) => t.sheet)])];
  let probes: Probe[];
  let guard: Guard;
  let stale: () => string | null;
  let commented: () => Promise<{ cells: Set<string>; syncs: number }>;
  let structureFree: () => boolean;
  try {
    guard = queueGuard(context, sheets);
    structureFree = request.extra ? queueStructureCheck(context) : () => true;
    stale = queueStaleCheck(context, request.tables, request.raw);
    probes = request.changes.map((change) => probeCell(sheetNamed(context, change.at.sheet), change.at, caps));
    commented = queueCommentedCells(context, request);
    await context.sync();
    syncs++;
  } catch (error) {
    return counted(failure(readFailure(error)), syncs);
  }
  const refusal = guard.refusal() ?? (structureFree() ? null : STRUCTURE_PROTECTED) ?? stale();
  if (refusal) return counted(failure(refusal), syncs);
  let withComment: Set<string>;
  try {
    const found = await commented();
    withComment = found.cells;
    syncs += found.syncs;
  } catch (error) {
    return counted(failure(readFailure(error)), syncs);
  }

  const entries: JournalEntry[] = [];
  const hadNote = new Map<string, boolean>();
  const fillOnly: string[] = [];
  request.changes.forEach((change, i) => {
    const now = aspectsOf(probes[i]);
    hadNote.set(cellKey(change.at), now.note !== null);
    const noteless = change.note !== undefined && withComment.has(cellKey(change.at));
    if (noteless) fillOnly.push(qualifiedAddress(change.at));
    const entry = entryFor(noteless ? { ...change, note: undefined } : change, now, caps);
    if (entry) entries.push(entry);
  });
  const ids = guard.ids();
  const step: JournalStep = { kind: request.kind, madeAt: (request.now?.() ?? new Date()).toISOString(), entries };
  const named = [...new Set(entries.map((e) => e.at.sheet))].filter((name) => ids[name]);
  if (named.length > 0) step.sheetIds = Object.fromEntries(named.map((name) => [name, ids[name]]));
  try {
    for (const entry of entries) queueAspects(sheetNamed(context, entry.at.sheet), entry.at, entry.after, hadNote.get(cellKey(entry.at)) ?? false);
    const extra = request.extra?.(context);
    if (extra?.addedSheet) step.addedSheet = extra.addedSheet;
    const journal: Journal = { version: 1, steps: [...request.journal.steps, step] };
    saveJournal(context, journal, true);
    await context.sync();
    syncs++;
    return counted(ok({ journal, step, fillOnly }), syncs);
  } catch (error) {
    const rolledBack = await rollBack(context, entries, step.addedSheet, request.journal);
    syncs += rolledBack.syncs;
    const tail = rolledBack.done ? 'Inget har ändrats.' : 'Några celler kan ha hunnit ändras – använd Ångra Budgetkolls ändringar eller Excels Ångra.';
    return counted(failure(`Excel kunde inte skriva ändringarna${officeErrorText(error)}. ${tail}`), syncs);
  }
}

/**
 * Queues a look at the workbook's threaded comments, where the step adds notes; after the sync,
 * the cells that have one. The inspection located the comments it found; one added since is
 * located with one more sync, only then.
 */
function queueCommentedCells(context: Excel.RequestContext, request: WriteRequest): () => Promise<{ cells: Set<string>; syncs: number }> {
  if (!request.caps.notes || !request.changes.some((c) => c.note !== undefined)) return async () => ({ cells: new Set(), syncs: 0 });
  const ids = queueCommentIds(context);
  return async () => {
    const known = new Map((request.comments ?? []).map((c) => [c.id, c]));
    const now = ids();
    const added = now.filter((id) => !known.has(id));
    let places = now.flatMap((id) => (known.has(id) ? [known.get(id) as CommentPlace] : []));
    if (added.length === 0) return { cells: new Set(places.map((p) => cellKey(p.at))), syncs: 0 };
    const located = queueCommentPlaces(context, added);
    await context.sync();
    places = [...places, ...located()];
    return { cells: new Set(places.map((p) => cellKey(p.at))), syncs: 1 };
  };
}

/** After a failed write: put every cell the step touched back as it was, remove the added sheet, keep the old journal. */
async function rollBack(context: Excel.RequestContext, entries: JournalEntry[], addedSheet: string | undefined, journal: Journal): Promise<{ done: boolean; syncs: number }> {
  let syncs = 0;
  try {
    const notes = entries.map((e) => ('note' in e.after ? sheetNamed(context, e.at.sheet).notes.getItemOrNullObject(toA1(e.at.row, e.at.col)) : null));
    notes.forEach((n) => n?.load('content'));
    const sheet = addedSheet ? context.workbook.worksheets.getItemOrNullObject(addedSheet) : null;
    sheet?.load('name');
    const journalStored = queueJournalProbe(context);
    await context.sync();
    syncs++;
    entries.forEach((entry, i) => {
      const note = notes[i];
      queueAspects(sheetNamed(context, entry.at.sheet), entry.at, entry.before, note ? !note.isNullObject : null);
    });
    if (sheet && !sheet.isNullObject) sheet.delete();
    saveJournal(context, journal, journalStored());
    await context.sync();
    syncs++;
    return { done: true, syncs };
  } catch {
    return { done: false, syncs };
  }
}

export interface Undone {
  restored: number;
  kept: string[];
  removedSheets: string[];
  /** Sheets Budgetkoll had changed that are gone: what it did there cannot be undone. */
  goneSheets: string[];
  /** Sheets Budgetkoll added that it could not remove: the workbook's structure is protected. */
  keptSheets: string[];
  /** Steps left in the journal: the removal of kept sheets, for when the protection is off. */
  remainingSteps: number;
  /** The journal as stored now. */
  journal: Journal;
}

/** An undo's outcome, and the syncs it took. */
export type UndoResult = Result<Undone> & { syncs: number };

/** A sheet the journal names, as the undo finds it: by the id recorded with the step, else by name. */
interface JournalSheet {
  /** The id, or the name where no id was recorded. */
  key: string;
  /** Its name when Budgetkoll last wrote to it. */
  name: string;
  /** The sheet now; null when it is gone. */
  now: SheetInfo | null;
}

/** Every sheet the journal's entries are on, looked up among the sheets there are now. */
function journalSheets(journal: Journal, sheets: readonly SheetInfo[]): Map<string, JournalSheet> {
  const found = new Map<string, JournalSheet>();
  for (const step of journal.steps) {
    for (const entry of step.entries) {
      const key = step.sheetIds?.[entry.at.sheet] ?? entry.at.sheet;
      const now = sheets.find((s) => s.id === key) ?? sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
      found.set(key, { key, name: entry.at.sheet, now });
    }
  }
  return found;
}

const sheetKeyOf = (step: JournalStep, entry: JournalEntry) => step.sheetIds?.[entry.at.sheet] ?? entry.at.sheet;

/**
 * Puts back what the journal says Budgetkoll changed, newest step first: a cell goes back only
 * where it still holds what Budgetkoll wrote; one the user changed since is kept and listed.
 * `sheets` are the workbook's sheets as an inspection just found them: a sheet renamed since
 * Budgetkoll wrote to it is found by its id; what was on a sheet that is gone is said, and the
 * journal is cleared all the same, so that Undo is not left enabled and failing.
 * One read sync, one write sync.
 */
export async function undoAll(context: Excel.RequestContext, journal: Journal, caps: ExcelCapabilities, sheets: readonly SheetInfo[]): Promise<UndoResult> {
  let syncs = 0;
  if (!caps.write.ok) return counted(caps.write, syncs);
  const onSheets = journalSheets(journal, sheets);
  const handles = new Map([...onSheets.values()].filter((s) => s.now).map((s) => [s.key, context.workbook.worksheets.getItem((s.now as SheetInfo).id)]));
  const entries = journal.steps.flatMap((step) => step.entries.map((entry) => ({ entry, sheet: sheetKeyOf(step, entry) })));
  const cells = new Map<string, { at: CellTarget; sheet: string }>();
  for (const { entry, sheet } of entries) if (handles.has(sheet)) cells.set(`${sheet}\u0000${cellKey(entry.at)}`, { at: entry.at, sheet });
  const added = [...new Set(journal.steps.map((s) => s.addedSheet).filter((s): s is string => !!s))];
  let probes: Map<string, Probe>;
  let addedNow: { name: string; sheet: Excel.Worksheet }[];
  let journalStored: () => boolean;
  let structureFree: () => boolean;
  try {
    context.workbook.load('readOnly');
    structureFree = added.length > 0 ? queueStructureCheck(context) : () => true;
    for (const sheet of handles.values()) sheet.load('name,protection/protected');
    probes = new Map([...cells.entries()].map(([key, { at, sheet }]) => [key, probeCell(handles.get(sheet) as Excel.Worksheet, at, caps)]));
    addedNow = added.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('name');
      return { name, sheet };
    });
    journalStored = queueJournalProbe(context);
    await context.sync();
    syncs++;
  } catch (error) {
    return counted(failure(readFailure(error)), syncs);
  }
  if (context.workbook.readOnly) return counted(failure('Arbetsboken är öppen skrivskyddad, så Budgetkoll har inte ändrat något. Öppna den för redigering och försök igen.'), syncs);
  for (const sheet of handles.values()) if (sheet.protection.protected) return counted(failure(protectedSheet(sheet.name)), syncs);

  const plan = planUndo(journal, probes, (step, entry) => {
    const key = sheetKeyOf(step, entry);
    return handles.has(key) ? `${key}\u0000${cellKey(entry.at)}` : null;
  }, (step, entry) => qualifiedAddress({ ...entry.at, sheet: handles.get(sheetKeyOf(step, entry))?.name ?? entry.at.sheet }));
  try {
    for (const [key, aspects] of plan.restore) {
      const { at, sheet } = cells.get(key) as { at: CellTarget; sheet: string };
      queueAspects(handles.get(sheet) as Excel.Worksheet, at, aspects, plan.hadNote.get(key) ?? false);
    }
    const present = addedNow.filter((s) => !s.sheet.isNullObject);
    // A protected structure keeps the sheets, and the journal keeps their removal for later.
    const removed = structureFree() ? present : [];
    const keptSheets = present.filter((s) => !removed.includes(s)).map((s) => s.sheet.name);
    for (const { sheet } of removed) sheet.delete();
    const left: Journal = { version: 1, steps: journal.steps.filter((s) => s.addedSheet && keptSheets.includes(s.addedSheet)).map((s) => ({ ...s, entries: [], sheetIds: undefined })) };
    saveJournal(context, left, journalStored());
    await context.sync();
    syncs++;
    const gone = [...onSheets.values()].filter((s) => !s.now).map((s) => s.name);
    return counted(ok({ restored: plan.restore.size, kept: plan.kept, removedSheets: removed.map((s) => s.sheet.name), goneSheets: [...new Set(gone)], keptSheets, remainingSteps: left.steps.length, journal: left }), syncs);
  } catch (error) {
    return counted(failure(`Excel kunde inte ångra ändringarna${officeErrorText(error)}. Försök igen.`), syncs);
  }
}

interface UndoPlan {
  /** What each cell gets back, by probe key. */
  restore: Map<string, CellAspects>;
  hadNote: Map<string, boolean>;
  /** Cells the user changed since (addresses as they are now). */
  kept: string[];
}

/** What to put back, newest step first, from what each cell holds now. */
function planUndo(
  journal: Journal,
  probes: Map<string, Probe>,
  keyOf: (step: JournalStep, entry: JournalEntry) => string | null,
  addressOf: (step: JournalStep, entry: JournalEntry) => string,
): UndoPlan {
  // What each cell holds now, updated as the steps are undone newest first.
  const current = new Map([...probes.entries()].map(([key, probe]) => [key, aspectsOf(probe)]));
  const hadNote = new Map([...current.entries()].map(([key, a]) => [key, a.note !== null]));
  const restore = new Map<string, CellAspects>();
  const kept = new Set<string>();
  for (const step of [...journal.steps].reverse()) {
    for (const entry of [...step.entries].reverse()) {
      const key = keyOf(step, entry);
      const now = key === null ? undefined : current.get(key);
      if (key === null || !now) continue;
      const untouched =
        (!('formula' in entry.after) || sameFormula(now.formula, entry.after.formula)) &&
        (entry.after.numberFormat === undefined || now.numberFormat === entry.after.numberFormat) &&
        (!entry.after.fill || sameFill(entry.after.fill, now.fill)) &&
        (!('note' in entry.after) || sameNote(now.note, entry.after.note));
      const alreadyBack =
        (!('formula' in entry.before) || sameFormula(now.formula, entry.before.formula ?? '')) &&
        (entry.before.numberFormat === undefined || now.numberFormat === entry.before.numberFormat) &&
        (!entry.before.fill || sameFill(entry.before.fill, now.fill)) &&
        (!('note' in entry.before) || sameNote(now.note, entry.before.note));
      // An undo that failed half-way put this cell back already.
      if (alreadyBack && !untouched) continue;
      if (!untouched) {
        kept.add(addressOf(step, entry));
        continue;
      }
      restore.set(key, { ...(restore.get(key) ?? {}), ...entry.before });
      current.set(key, { ...now, ...entry.before } as Required<CellAspects>);
    }
  }
  return { restore, hadNote, kept: [...kept] };
}
