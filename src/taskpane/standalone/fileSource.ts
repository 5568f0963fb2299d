import { failure, ok, type Failure, type Result } from '../../core/result';
import type { AnalysisSettings } from '../../core/analyze';
import type { Grid } from '../../core/grid';
import { inPlanOrder, type DocSection } from '../../core/sections/types';
import { onDemand } from '../model/onDemand';
import type { AnalysisSource, ComparedVersions, FileSource, PickedFile, PlanSections, Stage } from '../model/source';

type Engine = typeof import('./analyzeFile');
type Docx = typeof import('./sectionsDocx');

/** The engine and its workbook reader, fetched from the pane's own origin the first time a file is chosen. */
const loadEngine = onDemand<Engine>(() => import(/* webpackChunkName: "engine" */ './analyzeFile'));

/** The comparison of two versions: in the engine's chunk, so that comparing fetches nothing more. */
const loadCompare = onDemand(() => import(/* webpackChunkName: "engine" */ '../compare/compareEngine'));

/** The .docx writer, fetched the first time the sections are downloaded. */
const loadDocx = onDemand<Docx>(() => import(/* webpackChunkName: "sections-docx" */ './sectionsDocx'));

/** Lets the browser paint the progress message before synchronous work starts. */
function breathe(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    // A background tab never runs animation frames; the timeout still does.
    const timer = setTimeout(done, 50);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); done(); }, 0));
    }
  });
}

/** `Budget 2024.xlsx` → `Budget 2024-rattad.xlsx`; a workbook with macros stays .xlsm (Excel refuses one named .xlsx). */
export function correctedFileName(name: string): string {
  const base = name.replace(/\.(xlsx|xlsm|xls)$/i, '');
  return `${base || 'arbetsbok'}-rattad.${/\.xlsm$/i.test(name) ? 'xlsm' : 'xlsx'}`;
}

/** `Budget 2024.xlsx` → `Budget 2024-avsnitt.docx` (as `budgetkoll sections` names it) */
export function sectionsFileName(name: string): string {
  const base = name.replace(/\.(xlsx|xlsm|xls)$/i, '');
  return `${base || 'arbetsbok'}-avsnitt.docx`;
}

const unexpected = (what: string, error: unknown): Failure => failure(`${what} (${error instanceof Error ? error.message : String(error)})`);

/** Chosen files, read and checked in the page: nothing leaves the computer. */
export function createFileSource(): FileSource {
  return { open: openFile };
}

function openFile(file: PickedFile): AnalysisSource {
  let bytes: Promise<Uint8Array> | null = null;
  let grid: Promise<Result<Grid>> | null = null;
  const readBytes = () => (bytes ??= file.arrayBuffer().then((buffer) => new Uint8Array(buffer)));
  const readGrid = (e: Engine): Promise<Result<Grid>> =>
    (grid ??= readBytes().then((data) => e.readWorkbook(data, file.name)))
      .catch((error: unknown) => unexpected('filen kunde inte läsas från datorn', error));

  async function withEngine<T>(stage: Stage, onStage: (stage: Stage) => void, work: (e: Engine) => Promise<Result<T>>): Promise<Result<T>> {
    onStage(stage);
    await breathe();
    let e: Engine;
    try {
      e = await loadEngine();
    } catch (error) {
      return unexpected('Budgetkolls kontroll kunde inte laddas – ladda om sidan och försök igen', error);
    }
    try {
      return await work(e);
    } catch (error) {
      return unexpected('ett oväntat fel inträffade i Budgetkoll', error);
    }
  }

  async function sections(e: Engine, settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Result<PlanSections>> {
    const read = await readGrid(e);
    if (!read.ok) return read;
    onStage('sections');
    await breathe();
    const snapshot = await e.readSnapshot(await readBytes());
    return ok(e.planSections(read.value, settings, snapshot));
  }

  /**
   * This workbook against an earlier version, with the settings its sections use (the Excel pane's,
   * stored in the workbook, when it has them): the section on the changes speaks as the others do.
   */
  async function compare(e: Engine, older: PickedFile, settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Result<ComparedVersions>> {
    const read = await readGrid(e);
    if (!read.ok) return read;
    const used = e.sectionSettings(settings, await e.readSnapshot(await readBytes()));
    const c = await loadCompare();
    const oldGrid = await c.readWorkbook(new Uint8Array(await older.arrayBuffer()), older.name);
    if (!oldGrid.ok) return oldGrid;
    onStage('comparing');
    await breathe();
    return ok(c.compareGrids(oldGrid.value, read.value, used, { old: older.name, new: file.name }));
  }

  return {
    name: file.name,
    analyze: (settings: AnalysisSettings, onStage: (stage: Stage) => void) =>
      withEngine('reading', onStage, async (e) => {
        const read = await readGrid(e);
        if (!read.ok) return read;
        onStage('checking');
        await breathe();
        return ok(e.analyzeWorkbook(read.value, settings));
      }),
    corrected: (settings: AnalysisSettings, onStage: (stage: Stage) => void) =>
      withEngine('fixing', onStage, async (e) => {
        // The Grid the check read: the file is read once, whatever the user does with it.
        const read = await readGrid(e);
        if (!read.ok) return read;
        return e.correctWorkbook(await readBytes(), read.value, settings, correctedFileName(file.name));
      }),
    sections: (settings: AnalysisSettings, onStage: (stage: Stage) => void) =>
      withEngine('reading', onStage, (e) => sections(e, settings, onStage)),
    sectionsDocument: (settings: AnalysisSettings, onStage: (stage: Stage) => void, extra: readonly DocSection[] = []) =>
      withEngine('sections', onStage, async (e) => {
        const built = await sections(e, settings, () => undefined);
        if (!built.ok) return built;
        if (built.value.sections.length === 0) return failure('ingen budgettabell hittades i arbetsboken');
        let d: Docx;
        try {
          d = await loadDocx();
        } catch (error) {
          return unexpected('Budgetkolls Word-del kunde inte laddas – ladda om sidan och försök igen', error);
        }
        const bytes = await d.sectionsToDocx(inPlanOrder([...built.value.sections, ...extra]));
        return ok({ fileName: sectionsFileName(file.name), bytes, type: d.DOCX_MIME, errors: built.value.errors });
      }),
    compare: (older: PickedFile, settings: AnalysisSettings, onStage: (stage: Stage) => void) =>
      withEngine('reading-older', onStage, (e) => compare(e, older, settings, onStage)),
  };
}
