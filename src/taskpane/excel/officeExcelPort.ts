/// <reference types="office-js" />
import { rangeFromA1, rangeToA1 } from '../../core/address';
import type { AnalysisSettings } from '../../core/analyze';
import { freeSheetName } from '../../core/checkSheetContent';
import { COMPARISON_SHEET_NAME, type ComparisonSheetContent } from '../../core/compare/comparisonSheetContent';
import type { Language } from '../../core/messages';
import { failure, ok, type Result } from '../../core/result';
import { paneCheckSheet } from '../../app/corrections';
import { checkOpenWorkbook, type OpenWorkbookCheck } from '../../app/openWorkbookCheck';
import { formFromJson, type SettingsForm } from '../../app/settingsForm';
import { emptyJournal, fixChanges, markChanges, parseJournal, type CellChange, type Journal } from '../../excel/changes';
import { queueCheckSheet } from '../../excel/checkSheetWriter';
import { queueComparisonSheet } from '../../excel/comparisonSheetWriter';
import { excelCapabilities, type ExcelCapabilities } from '../../excel/excelSupport';
import { inspectWorkbook, readWorkbook, SHEETS_CHANGED, type Inspection, type ReadOutcome, type WorkbookRead } from '../../excel/readWorkbook';
import { storeAnalysis } from '../../excel/snapshotStore';
import { officeErrorText, undoAll, writeStep, type ExtraWrite, type TableBounds } from '../../excel/write';
import { onDemand } from '../model/onDemand';
import type { Compared, PickedFile } from '../model/source';
import type { CompareProgress, ExcelWorkbookPort, StepDone, WorkbookAnalysis, WorkbookSummary } from './port';

// The Excel pane's port in Excel: the one pane file that calls Excel.run. It keeps what the
// Office calls need between steps — the last inspection, the last read and its check (what a step
// writes, checked against the cells as read) and the journal of Budgetkoll's changes. The work is
// the Excel adapter's (src/excel); what to write is planned by the application layer (src/app).

interface Session {
  read: WorkbookRead;
  check: OpenWorkbookCheck;
  tables: TableBounds[];
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const officeRun: Run = (batch) => Excel.run(batch);

const officeFailure = (what: string, error: unknown) => failure(`${what}${officeErrorText(error)}. Försök igen.`);

/** The comparison's engine and its workbook reader (the engine's chunk), fetched the first time the user compares. */
const loadCompare = onDemand(() => import(/* webpackChunkName: "engine" */ '../compare/compareEngine'));

/** A step's cells, or the sheet it adds. */
interface StepRequest {
  kind: 'marks' | 'fixes' | 'check-sheet' | 'comparison-sheet';
  changes: readonly CellChange[];
  /** The tables whose cells must still be as read; all of them unless given. */
  tables?: TableBounds[];
  extra?: ExtraWrite;
}

/** What the port keeps between the pane's calls. */
class PortState {
  inspection: Inspection | null = null;
  session: Session | null = null;
  journal: Journal = emptyJournal();
  /** The last comparison with an earlier version, as the comparison sheet says it. */
  comparison: ComparisonSheetContent | null = null;

  constructor(readonly run: Run, readonly caps: ExcelCapabilities, readonly now: () => Date) {}

  async inspect(context: Excel.RequestContext): Promise<Inspection> {
    this.inspection = await inspectWorkbook(context, this.caps);
    this.journal = parseJournal(this.inspection.stored.journal);
    return this.inspection;
  }

  /** Every sheet read in one sync (after a new inspection where the sheets changed under the read, at most three times). */
  async read(context: Excel.RequestContext, onProgress: (fraction: number) => void): Promise<ReadOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = this.inspection ?? (await this.inspect(context));
      const read = await readWorkbook(context, current, this.caps, (done, total) => onProgress(total === 0 ? 1 : done / total));
      if (read.ok || read.reason !== SHEETS_CHANGED) return read;
      this.inspection = null;
    }
    throw Object.assign(new Error('changing'), { code: 'WorkbookChanging' });
  }

  /**
   * One step written in one read and one write sync, recorded in the journal. A step planned from
   * the analysis needs one; a sheet of its own (the comparison) is given as it is.
   */
  async write(request: StepRequest | ((s: Session) => StepRequest), done: (cells: number, addedSheet?: string, fillOnly?: string[]) => StepDone): Promise<Result<StepDone>> {
    const session = this.session;
    if (!session && typeof request === 'function') return failure('Analysera arbetsboken först.');
    try {
      return await this.run(async (context) => {
        const asked = typeof request === 'function' ? request(session as Session) : request;
        const result = await writeStep(context, {
          tables: session?.tables ?? [], comments: this.inspection?.comments, ...asked, raw: session?.read.raw ?? new Map(), caps: this.caps, journal: this.journal, now: this.now,
        });
        if (!result.ok) return failure(result.reason);
        const { journal, step, fillOnly } = result.value;
        this.journal = journal;
        return ok(done(step.entries.length, step.addedSheet, fillOnly));
      });
    } catch (error) {
      return officeFailure('Budgetkoll kunde inte nå arbetsboken', error);
    }
  }
}

async function inspect(state: PortState): Promise<Result<WorkbookSummary>> {
  if (!state.caps.analyze.ok) return failure(state.caps.analyze.reason);
  try {
    const found = await state.run((context) => state.inspect(context));
    return ok({
      readOnly: found.readOnly,
      protectedSheets: found.sheets.filter((s) => s.protected).map((s) => s.name),
      settings: formFromJson(found.stored.settings),
      undoSteps: state.journal.steps.length,
    });
  } catch (error) {
    return officeFailure('Budgetkoll kunde inte läsa arbetsboken', error);
  }
}

async function analyze(state: PortState, settings: AnalysisSettings, form: SettingsForm, language: Language, onProgress: (fraction: number) => void): Promise<Result<WorkbookAnalysis>> {
  const { caps } = state;
  if (!caps.analyze.ok) return failure(caps.analyze.reason);
  try {
    const outcome = await state.run((context) => state.read(context, onProgress));
    if (!outcome.ok) return outcome;
    const read = outcome.value;
    const check = checkOpenWorkbook(read.grid, settings, form, language, state.now());
    state.session = { read, check, tables: check.analysis.tables.map(({ table }) => ({ sheet: table.sheet, ...table.range })) };
    const stored = check.analysis.tables.length > 0 ? await state.run((context) => storeAnalysis(context, caps, check.snapshotXml, check.settingsJson)) : ok(undefined);
    return ok({ reports: check.reports, fixes: check.preview, marks: check.plan.marks.length, notStored: stored.ok ? null : stored.reason });
  } catch (error) {
    return officeFailure('Budgetkoll kunde inte läsa arbetsboken', error);
  }
}

/**
 * Several areas (`C12, E12`) are selected together where Excel has Worksheet.getRanges (ExcelApi
 * 1.9, the write requirement); an older Excel, whose getRange takes one area only, selects the
 * rectangle around them.
 */
function selection(worksheet: Excel.Worksheet, address: string, caps: ExcelCapabilities): { select(): void } {
  const areas = address.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
  if (areas.length <= 1) return worksheet.getRange(address);
  if (caps.write.ok) return worksheet.getRanges(areas.join(', '));
  const spans = areas.map(rangeFromA1).filter((r) => r !== null);
  return worksheet.getRange(rangeToA1(Math.min(...spans.map((r) => r.top)), Math.min(...spans.map((r) => r.left)), Math.max(...spans.map((r) => r.bottom)), Math.max(...spans.map((r) => r.right))));
}

async function select(state: PortState, sheet: string, address: string): Promise<Result<null>> {
  try {
    await state.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      selection(worksheet, address, state.caps).select();
      await context.sync();
    });
    return ok(null);
  } catch (error) {
    return officeFailure(`Budgetkoll kunde inte markera ${sheet}!${address}`, error);
  }
}

/**
 * A sheet Budgetkoll adds (the check sheet, the comparison sheet) as one step: under a name the
 * workbook does not use yet, or in place of the one of the same kind an earlier step added.
 */
async function addSheet(state: PortState, kind: 'check-sheet' | 'comparison-sheet', wanted: string, queue: (context: Excel.RequestContext, name: string, s: Session | null) => void): Promise<Result<StepDone>> {
  try {
    // The sheet names as they are now: a new sheet must not take a name in use.
    if (!state.inspection) await state.run((context) => state.inspect(context));
  } catch (error) {
    return officeFailure('Budgetkoll kunde inte läsa arbetsboken', error);
  }
  const names = state.inspection?.sheets.map((s) => s.name) ?? [];
  const previous = state.journal.steps.filter((s) => s.kind === kind).map((s) => s.addedSheet).find((name): name is string => !!name && names.includes(name));
  const name = previous ?? freeSheetName(names, wanted);
  const extra = (s: Session | null): ExtraWrite => (context) => {
    if (previous) context.workbook.worksheets.getItem(previous).delete();
    queue(context, name, s);
    return { addedSheet: name };
  };
  const request = (s: Session | null): StepRequest => ({ kind, changes: [], tables: [], extra: extra(s) });
  return state.write(kind === 'check-sheet' ? (s: Session) => request(s) : request(null), (_cells, addedSheet) => {
    // The new sheet is one more the next read must expect.
    state.inspection = null;
    return { kind, sheet: addedSheet ?? name };
  });
}

const addCheckSheet = (state: PortState) => addSheet(state, 'check-sheet', 'Budgetkoll', (context, name, s) => queueCheckSheet(context, paneCheckSheet((s as Session).check.analysis), name));

function addComparisonSheet(state: PortState): Promise<Result<StepDone>> {
  const content = state.comparison;
  if (!content) return Promise.resolve(failure('Jämför med en tidigare version först.'));
  return addSheet(state, 'comparison-sheet', COMPARISON_SHEET_NAME, (context, name) => queueComparisonSheet(context, content, name));
}

/** The open workbook (read in one sync) against an earlier version of it, a chosen file, with the pane's settings. */
async function compare(state: PortState, older: PickedFile, settings: AnalysisSettings, language: Language, onProgress: CompareProgress): Promise<Result<Compared>> {
  if (!state.caps.analyze.ok) return failure(state.caps.analyze.reason);
  onProgress('reading-older');
  let engine: Awaited<ReturnType<typeof loadCompare>>;
  let bytes: Uint8Array;
  try {
    engine = await loadCompare();
    bytes = new Uint8Array(await older.arrayBuffer());
  } catch (error) {
    return failure(`jämförelsen kunde inte laddas – ladda om tillägget och försök igen (${error instanceof Error ? error.message : String(error)})`);
  }
  const oldGrid = await engine.readWorkbook(bytes, older.name);
  if (!oldGrid.ok) return oldGrid;
  try {
    const read = await state.run((context) => state.read(context, (fraction) => onProgress('reading', fraction)));
    if (!read.ok) return read;
    onProgress('comparing');
    const compared = engine.compareGrids(oldGrid.value, read.value.grid, settings, { old: older.name, new: 'Arbetsboken', language });
    state.comparison = engine.comparisonSheet(compared.view, older.name);
    return ok({ older: compared.older, view: compared.view });
  } catch (error) {
    return officeFailure('Budgetkoll kunde inte läsa arbetsboken', error);
  }
}

async function undo(state: PortState): Promise<Result<StepDone>> {
  try {
    return await state.run(async (context) => {
      const current = await state.inspect(context);
      const result = await undoAll(context, parseJournal(current.stored.journal), state.caps, current.sheets);
      if (!result.ok) return failure(result.reason);
      const { journal, restored, kept, removedSheets, goneSheets, keptSheets, remainingSteps } = result.value;
      state.journal = journal;
      state.inspection = null;
      state.session = null;
      return ok<StepDone>({ kind: 'undo', restored, kept, removedSheets, goneSheets, keptSheets, remainingSteps });
    });
  } catch (error) {
    return officeFailure('Budgetkoll kunde inte ångra ändringarna', error);
  }
}

export function createOfficeExcelPort(run: Run = officeRun, caps: ExcelCapabilities = excelCapabilities(), now: () => Date = () => new Date()): ExcelWorkbookPort {
  const state = new PortState(run, caps, now);
  return {
    capabilities: () => caps,
    inspect: () => inspect(state),
    analyze: (settings, form, language, onProgress) => analyze(state, settings, form, language, onProgress),
    select: (sheet, address) => select(state, sheet, address),
    mark: () => state.write((s) => ({ kind: 'marks', changes: markChanges(s.check.plan.marks) }), (cells, _added, fillOnly = []) => ({ kind: 'marks', cells, notes: caps.notes, fillOnly })),
    fix: () => state.write((s) => ({ kind: 'fixes', changes: fixChanges(s.check.plan.fixes) }), (cells) => ({ kind: 'fixes', cells })),
    addCheckSheet: () => addCheckSheet(state),
    compare: (older, settings, language, onProgress) => compare(state, older, settings, language, onProgress),
    addComparisonSheet: () => addComparisonSheet(state),
    undo: () => undo(state),
  };
}
