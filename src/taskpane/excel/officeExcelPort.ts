/// <reference types="office-js" />
import { toA1 } from '../../core/address';
import type { Analysis, AnalysisSettings } from '../../core/analyze';
import type { Language } from '../../core/messages';
import { snapshotToXml } from '../../core/snapshot';
import { checkWorkbook, reportsOf } from '../../app/checkWorkbook';
import { buildSnapshot } from '../../app/snapshot';
import { emptyJournal, fixChanges, markChanges, parseJournal, type Journal } from '../../excel/changes';
import { freeSheetName, queueCheckSheet } from '../../excel/checkSheetWriter';
import { excelCapabilities, type ExcelCapabilities } from '../../excel/excelSupport';
import { inspectWorkbook, readWorkbook, type Inspection, type WorkbookRead } from '../../excel/readWorkbook';
import { storeAnalysis } from '../../excel/snapshotStore';
import { officeErrorText, undoAll, writeStep, type TableBounds, type WriteRequest } from '../../excel/write';
import type { Outcome } from '../model/source';
import { formFromJson, formToJson, type SettingsForm } from '../../app/settingsForm';
import type { ExcelWorkbookPort, StepDone, WorkbookAnalysis } from './port';

// The Excel pane's port in Excel: the one pane file that calls Excel.run. It keeps the last
// inspection and analysis (what a fix is checked against) and the journal of Budgetkoll's
// changes; the work is the Excel adapter's (src/excel). Loaded only in Excel, with the engine.

interface Session {
  read: WorkbookRead;
  analysis: Analysis;
  tables: TableBounds[];
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const officeRun: Run = (batch) => Excel.run(batch);

const failure = (what: string, error: unknown): { ok: false; reason: string } => ({ ok: false, reason: `${what}${officeErrorText(error)}. Försök igen.` });

export function createOfficeExcelPort(run: Run = officeRun, caps: ExcelCapabilities = excelCapabilities(), now: () => Date = () => new Date()): ExcelWorkbookPort {
  let inspection: Inspection | null = null;
  let session: Session | null = null;
  let journal: Journal = emptyJournal();

  async function inspect(context: Excel.RequestContext): Promise<Inspection> {
    inspection = await inspectWorkbook(context, caps);
    journal = parseJournal(inspection.stored.journal);
    return inspection;
  }

  const needSession = (): Outcome<Session> => (session ? { ok: true, value: session } : { ok: false, reason: 'Analysera arbetsboken först.' });

  async function step(request: (s: Session) => Omit<WriteRequest, 'raw' | 'caps' | 'journal' | 'tables' | 'now'> & { tables?: TableBounds[] }, done: (s: Session, cells: number, addedSheet?: string, fillOnly?: string[]) => StepDone): Promise<Outcome<StepDone>> {
    const s = needSession();
    if (!s.ok) return s;
    try {
      return await run(async (context) => {
        const r = request(s.value);
        const result = await writeStep(context, { tables: s.value.tables, comments: inspection?.comments, ...r, raw: s.value.read.raw, caps, journal, now });
        if (!result.ok) return { ok: false, reason: result.reason };
        journal = result.journal;
        return { ok: true, value: done(s.value, result.step.entries.length, result.step.addedSheet, result.fillOnly) };
      });
    } catch (error) {
      return failure('Budgetkoll kunde inte nå arbetsboken', error);
    }
  }

  return {
    capabilities: () => caps,

    async inspect() {
      if (!caps.analyze.ok) return { ok: false, reason: caps.analyze.reason };
      try {
        const found = await run((context) => inspect(context));
        return {
          ok: true,
          value: {
            readOnly: found.readOnly,
            protectedSheets: found.sheets.filter((s) => s.protected).map((s) => s.name),
            settings: formFromJson(found.stored.settings),
            undoSteps: journal.steps.length,
          },
        };
      } catch (error) {
        return failure('Budgetkoll kunde inte läsa arbetsboken', error);
      }
    },

    async analyze(settings: AnalysisSettings, form: SettingsForm, language: Language, onProgress) {
      if (!caps.analyze.ok) return { ok: false, reason: caps.analyze.reason };
      try {
        const outcome = await run(async (context) => {
          for (let attempt = 0; attempt < 3; attempt++) {
            const current = inspection ?? (await inspect(context));
            const read = await readWorkbook(context, current, caps, (done, total) => onProgress(total === 0 ? 1 : done / total));
            if (read.ok || !read.changed) return read;
            inspection = null;
          }
          throw Object.assign(new Error('changing'), { code: 'WorkbookChanging' });
        });
        if (!outcome.ok) return { ok: false, reason: outcome.changed ? 'Arbetsboken ändras just nu. Försök igen.' : outcome.reason };
        const read = outcome.read;
        const { analysis, reports } = checkWorkbook(read.grid, settings, language);
        session = { read, analysis, tables: analysis.tables.map(({ table }) => ({ sheet: table.sheet, ...table.range })) };
        // The snapshot's reports are Swedish (the Word pane's): the pane's own where it speaks Swedish.
        const xml = snapshotToXml(buildSnapshot(analysis, form, now(), language === 'sv' ? reports : reportsOf(analysis)));
        const stored = analysis.tables.length > 0 ? await run((context) => storeAnalysis(context, caps, xml, formToJson(form))) : { ok: true as const };
        const value: WorkbookAnalysis = {
          reports,
          fixes: fixChanges(analysis).map((c) => ({ cell: `${c.at.sheet}!${toA1(c.at.row, c.at.col)}`, before: c.describe?.before ?? '', after: c.describe?.after ?? '' })),
          marks: markChanges(analysis).length,
          notStored: stored.ok ? null : stored.reason,
        };
        return { ok: true, value };
      } catch (error) {
        return failure('Budgetkoll kunde inte läsa arbetsboken', error);
      }
    },

    async select(sheet: string, address: string) {
      try {
        await run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(address).select();
          await context.sync();
        });
        return { ok: true, value: null };
      } catch (error) {
        return failure(`Budgetkoll kunde inte markera ${sheet}!${address}`, error);
      }
    },

    mark: () => step((s) => ({ kind: 'marks', changes: markChanges(s.analysis) }), (_s, cells, _added, fillOnly = []) => ({ kind: 'marks', cells, notes: caps.notes, fillOnly })),

    fix: () => step((s) => ({ kind: 'fixes', changes: fixChanges(s.analysis) }), (_s, cells) => ({ kind: 'fixes', cells })),

    async addCheckSheet() {
      try {
        // The sheet names as they are now: a new check sheet must not take a name in use.
        if (!inspection) await run((context) => inspect(context));
      } catch (error) {
        return failure('Budgetkoll kunde inte läsa arbetsboken', error);
      }
      const names = inspection?.sheets.map((s) => s.name) ?? [];
      // A check sheet Budgetkoll made before is replaced (under its name), not joined by a second one.
      const previous = journal.steps.map((s) => s.addedSheet).find((name): name is string => !!name && names.includes(name));
      const name = previous ?? freeSheetName(names);
      return step(
        (s) => ({
          kind: 'check-sheet',
          changes: [],
          tables: [],
          extra: (context) => {
            if (previous) context.workbook.worksheets.getItem(previous).delete();
            queueCheckSheet(context, s.analysis, name);
            return { addedSheet: name };
          },
        }),
        (_s, _cells, addedSheet) => {
          // The new sheet is one more the next read must expect.
          inspection = null;
          return { kind: 'check-sheet', sheet: addedSheet ?? name };
        },
      );
    },

    async undo() {
      try {
        return await run(async (context) => {
          const current = await inspect(context);
          const result = await undoAll(context, parseJournal(current.stored.journal), caps, current.sheets);
          if (!result.ok) return { ok: false, reason: result.reason };
          journal = result.journal;
          inspection = null;
          session = null;
          const { restored, kept, removedSheets, goneSheets, keptSheets, remainingSteps } = result;
          return { ok: true, value: { kind: 'undo', restored, kept, removedSheets, goneSheets, keptSheets, remainingSteps } as StepDone };
        });
      } catch (error) {
        return failure('Budgetkoll kunde inte ångra ändringarna', error);
      }
    },
  };
}
