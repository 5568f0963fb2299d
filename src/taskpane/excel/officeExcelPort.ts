/// <reference types="office-js" />
import type { AnalysisSettings } from '../../core/analyze';
import { freeSheetName } from '../../core/checkSheetContent';
import type { Language } from '../../core/messages';
import { failure, ok, type Result } from '../../core/result';
import { paneCheckSheet } from '../../app/corrections';
import { checkOpenWorkbook, type OpenWorkbookCheck } from '../../app/openWorkbookCheck';
import { formFromJson, type SettingsForm } from '../../app/settingsForm';
import { emptyJournal, fixChanges, markChanges, parseJournal, type CellChange, type Journal } from '../../excel/changes';
import { queueCheckSheet } from '../../excel/checkSheetWriter';
import { excelCapabilities, type ExcelCapabilities } from '../../excel/excelSupport';
import { inspectWorkbook, readWorkbook, SHEETS_CHANGED, type Inspection, type ReadOutcome, type WorkbookRead } from '../../excel/readWorkbook';
import { storeAnalysis } from '../../excel/snapshotStore';
import { officeErrorText, undoAll, writeStep, type ExtraWrite, type TableBounds } from '../../excel/write';
import type { ExcelWorkbookPort, StepDone, WorkbookAnalysis, WorkbookSummary } from './port';

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

/** A step's cells, or the check sheet it adds. */
interface StepRequest {
  kind: 'marks' | 'fixes' | 'check-sheet';
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

  /** One step written in one read and one write sync, recorded in the journal. */
  async write(request: (s: Session) => StepRequest, done: (cells: number, addedSheet?: string, fillOnly?: string[]) => StepDone): Promise<Result<StepDone>> {
    const session = this.session;
    if (!session) return failure('Analysera arbetsboken först.');
    try {
      return await this.run(async (context) => {
        const asked = request(session);
        const result = await writeStep(context, {
          tables: session.tables, comments: this.inspection?.comments, ...asked, raw: session.read.raw, caps: this.caps, journal: this.journal, now: this.now,
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

async function select(state: PortState, sheet: string, address: string): Promise<Result<null>> {
  try {
    await state.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
    return ok(null);
  } catch (error) {
    return officeFailure(`Budgetkoll kunde inte markera ${sheet}!${address}`, error);
  }
}

async function addCheckSheet(state: PortState): Promise<Result<StepDone>> {
  try {
    // The sheet names as they are now: a new check sheet must not take a name in use.
    if (!state.inspection) await state.run((context) => state.inspect(context));
  } catch (error) {
    return officeFailure('Budgetkoll kunde inte läsa arbetsboken', error);
  }
  const names = state.inspection?.sheets.map((s) => s.name) ?? [];
  // A check sheet Budgetkoll made before is replaced (under its name), not joined by a second one.
  const previous = state.journal.steps.map((s) => s.addedSheet).find((name): name is string => !!name && names.includes(name));
  const name = previous ?? freeSheetName(names);
  const extra = (s: Session): ExtraWrite => (context) => {
    if (previous) context.workbook.worksheets.getItem(previous).delete();
    queueCheckSheet(context, paneCheckSheet(s.check.analysis), name);
    return { addedSheet: name };
  };
  return state.write((s) => ({ kind: 'check-sheet', changes: [], tables: [], extra: extra(s) }), (_cells, addedSheet) => {
    // The new sheet is one more the next read must expect.
    state.inspection = null;
    return { kind: 'check-sheet', sheet: addedSheet ?? name };
  });
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
    undo: () => undo(state),
  };
}
