import { OfficeMockObject } from 'office-addin-mock';
import { analyzeGrid, type Analysis } from '../../src/core/analyze';
import { tableReport } from '../../src/core/report';
import { snapshotFromXml } from '../../src/core/snapshot';
import { emptyJournal, fixChanges, markChanges, type Journal } from '../../src/excel/changes';
import { paneCheckSheet, planCorrections } from '../../src/app/corrections';
import { CHECK_SHEET_WIDTHS, checkSheetContent, isLink } from '../../src/core/checkSheetContent';
import { queueCheckSheet } from '../../src/excel/checkSheetWriter';
import { excelCapabilities, type ExcelCapabilities } from '../../src/excel/excelSupport';
import { inspectWorkbook, JOURNAL_KEY, readWorkbook, SHEETS_CHANGED, type WorkbookRead } from '../../src/excel/readWorkbook';
import { storeAnalysis } from '../../src/excel/snapshotStore';
import type { CommentPlace } from '../../src/excel/threadedComments';
import { undoAll, writeStep, type TableBounds } from '../../src/excel/write';
import { readSeedGrid } from '../helpers/seeds';
import { fromA1 } from '../../src/core/address';
import { toNumber } from '../../src/core/amount';
import { fakeCell, FakeExcelWorkbook, sheetsFromGrid, type FakeSheet } from './fakeExcel';

/** The values of a one-column range of a fake sheet, top to bottom. */
function columnValues(sheet: FakeSheet, address: string): unknown[] {
  const [from, to] = address.split(':').map((a) => fromA1(a));
  if (!from || !to || from.col !== to.col) throw new Error(`not a column: ${address}`);
  return Array.from({ length: to.row - from.row + 1 }, (_, r) => sheet.cells.get(`${from.row + r}:${from.col}`)?.value);
}

const SEED = 'seed-001-lund-antagen.xlsx';

function office(versions: string[]) {
  return new OfficeMockObject({
    context: { requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && versions.includes(version) } },
  }) as unknown as Parameters<typeof excelCapabilities>[0];
}

const ALL = ['1.4', '1.9', '1.13', '1.18'];
const caps: ExcelCapabilities = excelCapabilities(office(ALL));

async function seedWorkbook(file = SEED): Promise<FakeExcelWorkbook> {
  return new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid(file)));
}

interface Session {
  read: WorkbookRead;
  analysis: Analysis;
  tables: TableBounds[];
  comments: CommentPlace[];
}

async function analyse(fx: FakeExcelWorkbook, capabilities = caps): Promise<Session> {
  const inspection = await inspectWorkbook(fx.context, capabilities);
  const outcome = await readWorkbook(fx.context, inspection, capabilities);
  if (!outcome.ok) throw new Error('changed');
  const analysis = analyzeGrid(outcome.value.grid);
  return { read: outcome.value, analysis, tables: analysis.tables.map(({ table }) => ({ sheet: table.sheet, ...table.range })), comments: inspection.comments };
}

/** Undo as the pane does it: after an inspection that finds the sheets as they are now. */
async function undo(fx: FakeExcelWorkbook, journal: Journal) {
  const inspection = await inspectWorkbook(fx.context, caps);
  return undoAll(fx.context, journal, caps, inspection.sheets);
}

function marks(s: Session, journal: Journal = emptyJournal()) {
  return { kind: 'marks' as const, changes: markChanges(planCorrections(s.analysis).marks), tables: s.tables, raw: s.read.raw, caps, journal, comments: s.comments };
}

function fixes(s: Session, journal: Journal = emptyJournal()) {
  return { kind: 'fixes' as const, changes: fixChanges(planCorrections(s.analysis).fixes), tables: s.tables, raw: s.read.raw, caps, journal };
}

function checkSheet(s: Session, journal: Journal = emptyJournal(), name = 'Budgetkoll') {
  return {
    kind: 'check-sheet' as const, changes: [], tables: [], raw: s.read.raw, caps, journal,
    extra: (context: Excel.RequestContext) => {
      queueCheckSheet(context, paneCheckSheet(s.analysis), name);
      return { addedSheet: name };
    },
  };
}

/** Seed 004 after the user typed 999 into Lycksele kommun 2024: its members' subtotal, '- Finansiering från medlemmar', is wrong. */
async function seed004WithWrongSubtotal(): Promise<FakeExcelWorkbook> {
  const fx = await seedWorkbook('seed-004-sodra-lappland.xlsx');
  const cell = fx.sheets[0].cells.get('5:2');
  if (!cell) throw new Error('no C6');
  cell.formula = 999;
  cell.value = 999;
  return fx;
}

describe('requirement sets, checked at run time', () => {
  it('needs ExcelApi 1.4 to analyse and 1.9 to write; notes come with 1.18', () => {
    expect(caps).toMatchObject({ analyze: { ok: true }, write: { ok: true }, notes: true, merges: true });
    const old = excelCapabilities(office(['1.4']));
    expect(old.analyze.ok).toBe(true);
    expect(old.write).toMatchObject({ ok: false, reason: expect.stringContaining('ExcelApi 1.9') });
    expect(old.notes).toBe(false);
    const ancient = excelCapabilities(office([]));
    expect(ancient.analyze).toMatchObject({ ok: false, reason: expect.stringContaining('ExcelApi 1.4') });
    expect(excelCapabilities(undefined).analyze).toMatchObject({ ok: false, reason: expect.stringContaining('i Excel') });
  });
});

describe('reading the open workbook', () => {
  it('reads every sheet in one sync after the inspection, and finds what the command finds', async () => {
    const fx = await seedWorkbook();
    const inspection = await inspectWorkbook(fx.context, caps);
    const before = fx.syncs;
    const outcome = await readWorkbook(fx.context, inspection, caps);
    expect(fx.syncs - before).toBe(1);
    expect(outcome.ok && outcome.value.syncs).toBe(1);
    if (!outcome.ok) return;
    const fromExcel = analyzeGrid(outcome.value.grid).tables.map((t) => tableReport(t));
    const fromFile = analyzeGrid(await readSeedGrid(SEED)).tables.map((t) => tableReport(t));
    expect(fromExcel).toEqual(fromFile);
    expect(fromExcel[0].findings.map((f) => `${f.code}@${f.cell}`)).toEqual(expect.arrayContaining(['sum-mismatch@C10']));
  });

  it('splits a workbook too big for one response into parts, with progress, and reads the same grid', async () => {
    const fx = await seedWorkbook();
    const inspection = await inspectWorkbook(fx.context, caps);
    const whole = await readWorkbook(fx.context, inspection, caps);
    const progress: number[] = [];
    const parts = await readWorkbook(fx.context, inspection, caps, (done, total) => progress.push(done / total), { bytesPerSync: 1200, bytesPerCell: 30 });
    expect(parts.ok && parts.value.syncs).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    if (!whole.ok || !parts.ok) throw new Error('read failed');
    expect(analyzeGrid(parts.value.grid).tables.map((t) => tableReport(t))).toEqual(analyzeGrid(whole.value.grid).tables.map((t) => tableReport(t)));
  });

  it('reads a big workbook in parts in an Excel with only ExcelApi 1.4 (no getRangeByIndexes, which is 1.7)', async () => {
    const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid(SEED)), { api: 4 });
    const old = excelCapabilities(office(['1.4']));
    const inspection = await inspectWorkbook(fx.context, old);
    const parts = await readWorkbook(fx.context, inspection, old, undefined, { bytesPerSync: 1200, bytesPerCell: 30 });
    expect(parts).toMatchObject({ ok: true });
    expect(parts.ok && parts.value.syncs).toBeGreaterThan(3);
    const whole = await readWorkbook(fx.context, inspection, old);
    if (!whole.ok || !parts.ok) throw new Error('read failed');
    expect(analyzeGrid(parts.value.grid).tables.map((t) => tableReport(t))).toEqual(analyzeGrid(whole.value.grid).tables.map((t) => tableReport(t)));
  });

  it.each(['ResponsePayloadSizeLimitExceeded', 'GeneralException'])('retries in smaller parts when Excel refuses a response as too large (%s)', async (code) => {
    const fx = await seedWorkbook();
    const inspection = await inspectWorkbook(fx.context, caps);
    fx.failSync(fx.syncs + 1, 0, code);
    const outcome = await readWorkbook(fx.context, inspection, caps);
    expect(outcome.ok).toBe(true);
  });

  it.each(['ResponsePayloadSizeLimitExceeded', 'GeneralException'])('reads a sheet of long texts (each comes back twice) in parts under 5 MB, refused %s', async (code) => {
    // 30 000 cells of 100-character texts: about 7 MB as values, formulas, formats and types.
    const text = (r: number, c: number) => `Rad ${r} kolumn ${c}: ${'en lång beskrivning av en insats i samverkan '.repeat(3)}`.slice(0, 100);
    const cells = new Map<string, ReturnType<typeof fakeCell>>();
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 10; c++) cells.set(`${r}:${c}`, fakeCell(text(r, c)));
    const fx = new FakeExcelWorkbook([{ name: 'Beskrivningar', cells, protected: false, tables: [], charts: [] }], { responseLimit: { code } });
    const inspection = await inspectWorkbook(fx.context, caps);
    const outcome = await readWorkbook(fx.context, inspection, caps);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value.syncs).toBeGreaterThan(1);
    // Planned by bytes, none refused.
    expect(fx.tooLarge).toBe(0);
    if (outcome.ok) expect(outcome.value.grid.sheets[0].rows[2999]?.[9]?.value).toBe(text(2999, 9));
  });

  it('tells dates and times from numbers by Excel’s format category where Excel has it (ExcelApi 1.12), else by the format code', async () => {
    const sheet = () => ({
      name: 'Tider', protected: false, tables: [], charts: [],
      cells: new Map([
        ['0:0', fakeCell(45_292, 45_292, 'yyyy-mm-dd')],
        // 50 minutes as an elapsed time: Excel's category Time, though the code has no d, m or y outside its brackets.
        ['0:1', fakeCell(50 / 1440, 50 / 1440, '[mm]:ss')],
        ['0:2', fakeCell(1842.5, 1842.5, '# ##0,0')],
        // A custom code Excel calls Custom: the code decides.
        ['0:3', { ...fakeCell(45_292, 45_292, 'd mmm'), category: 'Custom' }],
      ]),
    });
    const read = async (versions: string[]) => {
      const fx = new FakeExcelWorkbook([sheet()]);
      const capabilities = excelCapabilities(office(versions));
      const outcome = await readWorkbook(fx.context, await inspectWorkbook(fx.context, capabilities), capabilities);
      if (!outcome.ok) throw new Error('read failed');
      return outcome.value.grid.sheets[0].rows[0]?.map((c) => (c?.value instanceof Date ? c.value.toISOString().slice(0, 16) : c?.value));
    };
    expect(await read([...ALL, '1.12'])).toEqual(['2024-01-01T00:00', '1899-12-30T00:50', 1842.5, '2024-01-01T00:00']);
    expect(await read(ALL)).toEqual(['2024-01-01T00:00', 50 / 1440, 1842.5, '2024-01-01T00:00']);
  });

  it('refuses a workbook beyond the cell limit with a Swedish reason, before reading any cell', async () => {
    const fx = await seedWorkbook();
    const inspection = await inspectWorkbook(fx.context, caps);
    const before = fx.syncs;
    const outcome = await readWorkbook(fx.context, inspection, caps, undefined, { maxCells: 100 });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/fler än Budgetkoll läser \(100\) – kopiera budgetbladet/) });
    expect(fx.syncs).toBe(before);
  });

  it('notices sheets added since the inspection', async () => {
    const fx = await seedWorkbook();
    const inspection = await inspectWorkbook(fx.context, caps);
    fx.sheets.push({ name: 'Ny', cells: new Map([['0:0', fakeCell('x')]]), protected: false, tables: [], charts: [] });
    expect(await readWorkbook(fx.context, inspection, caps)).toEqual({ ok: false, reason: SHEETS_CHANGED });
  });
});

describe('marks, fixes and undo', () => {
  it('marks the cells with findings in one read and one write sync, and does it only once', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const before = fx.syncs;
    const result = await writeStep(fx.context, marks(s));
    expect(result).toMatchObject({ ok: true, syncs: 2 });
    expect(fx.syncs - before).toBe(2);
    const c10 = fx.sheets[0].cells.get('9:2');
    expect(c10?.fill).toEqual({ color: '#FFC7CE', pattern: 'Solid' });
    const note = fx.notes.get(`${fx.sheets[0].name}!C10`);
    expect(note).toMatch(/^Budgetkoll: /);
    if (!result.ok) return;
    const again = await writeStep(fx.context, marks(s, result.value.journal));
    expect(again.ok && again.value.step.entries).toEqual([]);
  });

  it('marks a cell that has a threaded comment with the fill only, says which, and writes the rest (one read, one write)', async () => {
    const fx = await seedWorkbook();
    fx.sheets[0].comments = new Map([['C10', { id: '{C-1}', content: 'Kolla med kansliet' }]]);
    const s = await analyse(fx);
    const result = await writeStep(fx.context, marks(s));
    expect(result).toMatchObject({ ok: true, value: { fillOnly: [`'${fx.sheets[0].name}'!C10`] }, syncs: 2 });
    expect(fx.sheets[0].cells.get('9:2')?.fill).toEqual({ color: '#FFC7CE', pattern: 'Solid' });
    expect(fx.notes.get(`${fx.sheets[0].name}!C10`)).toBeUndefined();
    expect(fx.notes.get(`${fx.sheets[0].name}!E34`)).toMatch(/^Budgetkoll: /);
  });

  it('finds a threaded comment added after the inspection, with one more read', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    fx.sheets[0].comments = new Map([['E34', { id: '{C-2}', content: 'Ny kommentar' }]]);
    const result = await writeStep(fx.context, marks(s));
    expect(result).toMatchObject({ ok: true, value: { fillOnly: [`'${fx.sheets[0].name}'!E34`] }, syncs: 3 });
    expect(fx.notes.get(`${fx.sheets[0].name}!E34`)).toBeUndefined();
    expect(fx.notes.get(`${fx.sheets[0].name}!C10`)).toMatch(/^Budgetkoll: /);
  });

  it('keeps a note the user wrote and adds Budgetkoll’s after it', async () => {
    const fx = await seedWorkbook();
    const address = `${fx.sheets[0].name}!C10`;
    fx.notes.set(address, 'Min anteckning');
    const s = await analyse(fx);
    await writeStep(fx.context, marks(s));
    expect(fx.notes.get(address)).toMatch(/^Min anteckning\n\nBudgetkoll: /);
  });

  it('fixes wrong totals with formulas that compute the right value', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const result = await writeStep(fx.context, fixes(s));
    expect(result.ok).toBe(true);
    const c10 = fx.sheets[0].cells.get('9:2');
    expect(String(c10?.formula)).toMatch(/^=SUM\(/);
    const again = await analyse(fx);
    const codes = again.analysis.tables.flatMap((t) => t.findings.map((f) => f.code));
    expect(codes).not.toContain('sum-mismatch');
    expect(codes).not.toContain('consequence');
  });

  it('marks, fixes, a check sheet, then undo: the workbook is exactly as before', async () => {
    const fx = await seedWorkbook();
    const original = fx.state();
    const s = await analyse(fx);
    const marked = await writeStep(fx.context, marks(s));
    if (!marked.ok) throw new Error(marked.reason);
    const fixed = await writeStep(fx.context, fixes(s, marked.value.journal));
    if (!fixed.ok) throw new Error(fixed.reason);
    const sheet = await writeStep(fx.context, {
      kind: 'check-sheet', changes: [], tables: [], raw: s.read.raw, caps, journal: fixed.value.journal,
      extra: (context) => {
        queueCheckSheet(context, paneCheckSheet(s.analysis), 'Budgetkoll');
        return { addedSheet: 'Budgetkoll' };
      },
    });
    if (!sheet.ok) throw new Error(sheet.reason);
    expect(fx.sheet('Budgetkoll')?.charts).toHaveLength(1);
    expect(fx.sheet('Budgetkoll')?.tables).toHaveLength(1);
    expect(fx.state()).not.toEqual(original);
    expect(JSON.parse(String(fx.settings.get(JOURNAL_KEY))).steps).toHaveLength(3);
    const undone = await undo(fx, sheet.value.journal);
    expect(undone).toMatchObject({ ok: true, value: { kept: [], removedSheets: ['Budgetkoll'] }, syncs: 2 });
    expect(fx.state()).toEqual(original);
    expect(fx.settings.has(JOURNAL_KEY)).toBe(false);
  });

  it('undoes marks on a sheet the user renamed since: the sheet is found by its id', async () => {
    const fx = await seedWorkbook();
    const original = fx.state() as { sheets: { name: string }[] };
    const s = await analyse(fx);
    const marked = await writeStep(fx.context, marks(s));
    if (!marked.ok) throw new Error(marked.reason);
    fx.sheets[0].name = 'Budget (granskad)';
    const undone = await undo(fx, marked.value.journal);
    expect(undone).toMatchObject({ ok: true, value: { kept: [], goneSheets: [] }, syncs: 2 });
    fx.sheets[0].name = original.sheets[0].name;
    expect(fx.state()).toEqual(original);
    expect(fx.settings.has(JOURNAL_KEY)).toBe(false);
  });

  it('undo after a marked sheet was deleted puts back the rest, says which sheet is gone, and leaves no journal behind', async () => {
    const fx = await seedWorkbook();
    const helper = { name: 'Noteringar', cells: new Map([['0:0', fakeCell('Att göra')]]), protected: false, tables: [], charts: [] };
    fx.sheets.push(helper);
    const s = await analyse(fx);
    const marked = await writeStep(fx.context, marks(s));
    if (!marked.ok) throw new Error(marked.reason);
    // A second step on the helper sheet: a fill Budgetkoll put there, as if a table were found on it.
    const more = await writeStep(fx.context, { kind: 'marks', changes: [{ at: { sheet: 'Noteringar', row: 0, col: 0 }, fill: '#FFC7CE' }], tables: [], raw: s.read.raw, caps, journal: marked.value.journal });
    if (!more.ok) throw new Error(more.reason);
    const budget = fx.sheets[0].name;
    fx.sheets.splice(0, 1);
    const undone = await undo(fx, more.value.journal);
    expect(undone).toMatchObject({ ok: true, value: { goneSheets: [budget] } });
    expect(fx.sheet('Noteringar')?.cells.get('0:0')?.fill).toEqual({ color: '#FFFFFF', pattern: 'None' });
    expect(fx.settings.has(JOURNAL_KEY)).toBe(false);
    // Nothing left to undo: a second try has nothing to do, and says nothing failed.
    expect(await undo(fx, { version: 1, steps: [] })).toMatchObject({ ok: true, value: { restored: 0 } });
  });

  it('undo keeps a cell the user changed after the fix, and says which', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const fixed = await writeStep(fx.context, fixes(s));
    if (!fixed.ok) throw new Error(fixed.reason);
    const c10 = fx.sheets[0].cells.get('9:2');
    if (!c10) throw new Error('no C10');
    c10.formula = 12345;
    c10.value = 12345;
    const undone = await undo(fx, fixed.value.journal);
    expect(undone).toMatchObject({ ok: true, value: { kept: [`'${fx.sheets[0].name}'!C10`] } });
    expect(fx.sheets[0].cells.get('9:2')?.formula).toBe(12345);
  });

  it('refuses a fix when a cell of the table changed since the analysis, and writes nothing', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const cell = fx.sheets[0].cells.get('5:2');
    if (!cell) throw new Error('no C6');
    cell.formula = 999;
    cell.value = 999;
    const changed = fx.state();
    const result = await writeStep(fx.context, fixes(s));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/C6 har ändrats sedan analysen/) });
    expect(fx.state()).toEqual(changed);
  });

  it('refuses on a protected sheet and in a read-only workbook, and writes nothing', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const original = fx.state();
    fx.sheets[0].protected = true;
    expect(await writeStep(fx.context, marks(s))).toMatchObject({ ok: false, reason: expect.stringMatching(/är skyddat/) });
    fx.sheets[0].protected = false;
    fx.readOnly = true;
    expect(await writeStep(fx.context, fixes(s))).toMatchObject({ ok: false, reason: expect.stringMatching(/skrivskyddad/) });
    fx.readOnly = false;
    expect(fx.state()).toEqual(original);
  });

  it('refuses to write where Excel lacks ExcelApi 1.9, before touching anything', async () => {
    const fx = await seedWorkbook();
    const old = excelCapabilities(office(['1.4']));
    const s = await analyse(fx, old);
    const before = fx.syncs;
    expect(await writeStep(fx.context, { ...marks(s), caps: old })).toMatchObject({ ok: false, reason: expect.stringContaining('ExcelApi 1.9') });
    expect(fx.syncs).toBe(before);
  });

  it.each([1, 5, 17])('rolls back a write that fails after %i operations: nothing half-written', async (afterOps) => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const marked = await writeStep(fx.context, marks(s));
    if (!marked.ok) throw new Error(marked.reason);
    const state = fx.state();
    const journal = fx.settings.get(JOURNAL_KEY);
    fx.failSync(fx.syncs + 2, afterOps);
    const result = await writeStep(fx.context, fixes(s, marked.value.journal));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/Inget har ändrats/) });
    expect(fx.state()).toEqual(state);
    expect(fx.settings.get(JOURNAL_KEY)).toBe(journal);
  });

  it('rolls back the first write of a workbook (no journal stored yet) that fails half-way', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    const state = fx.state();
    fx.failSync(fx.syncs + 2, 9);
    expect(await writeStep(fx.context, fixes(s))).toMatchObject({ ok: false, reason: expect.stringMatching(/Inget har ändrats/) });
    expect(fx.state()).toEqual(state);
    expect(fx.settings.has(JOURNAL_KEY)).toBe(false);
  });

  it('fixes a total typed into a cell formatted as Text: the format becomes General first, and undo puts both back', async () => {
    const fx = await seedWorkbook();
    const s0 = await analyse(fx);
    const fix = fixChanges(planCorrections(s0.analysis).fixes)[0];
    const cell = fx.sheets[0].cells.get(`${fix.at.row}:${fix.at.col}`);
    if (!cell) throw new Error('no cell');
    cell.numberFormat = '@';
    cell.formula = String(cell.value);
    cell.value = String(cell.value);
    const original = fx.state();
    const s = await analyse(fx);
    const fixed = await writeStep(fx.context, fixes(s));
    if (!fixed.ok) throw new Error(fixed.reason);
    expect(cell).toMatchObject({ formula: fix.formula, numberFormat: 'General' });
    expect(typeof cell.value).toBe('number');
    expect(await undo(fx, fixed.value.journal)).toMatchObject({ ok: true, value: { kept: [] } });
    expect(fx.state()).toEqual(original);
  });

  it('text that looks like a number goes back as text', async () => {
    const fx = await seedWorkbook();
    const sheet = fx.sheets[0];
    const s0 = await analyse(fx);
    // Make a total a text-number: the fix turns it into a formula, the undo must give the text back.
    const fix = fixChanges(planCorrections(s0.analysis).fixes)[0];
    const k = `${fix.at.row}:${fix.at.col}`;
    const cell = sheet.cells.get(k);
    if (!cell) throw new Error('no cell');
    cell.formula = '1 842';
    cell.value = '1 842';
    const original = fx.state();
    const s = await analyse(fx);
    const fixed = await writeStep(fx.context, fixes(s));
    if (!fixed.ok) throw new Error(fixed.reason);
    await undo(fx, fixed.value.journal);
    expect(fx.state()).toEqual(original);
  });
});

describe('the check sheet', () => {
  it('makes its columns as wide as the content needs, in characters: Office.js takes points', async () => {
    const fx = await seedWorkbook();
    expect(await writeStep(fx.context, checkSheet(await analyse(fx)))).toMatchObject({ ok: true });
    const widths = fx.sheet('Budgetkoll')?.columnWidths ?? new Map<number, number>();
    // OfficeDev/office-js #187: a width of n characters (Calibri 11) is n × 5.75 points.
    expect(CHECK_SHEET_WIDTHS.map((_, c) => Number(((widths.get(c) ?? 0) / 5.75).toFixed(1)))).toEqual(CHECK_SHEET_WIDTHS);
  });

  it('charts equity as columns and the guideline as a line, against the years as categories', async () => {
    const fx = await seedWorkbook();
    const s = await analyse(fx);
    expect(await writeStep(fx.context, checkSheet(s))).toMatchObject({ ok: true });
    const sheet = fx.sheet('Budgetkoll') as FakeSheet;
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts;
    expect(chart.series.map((x) => [x.name, x.type])).toEqual([['Eget kapital (tkr)', 'ColumnClustered'], ['Riktvärde', 'Line']]);
    const equity = s.analysis.tables[0].equity;
    for (const series of chart.series) expect(columnValues(sheet, series.categories ?? '')).toEqual(equity.map((e) => String(e.year)));
    expect(columnValues(sheet, chart.series[0].values)).toEqual(equity.map((e) => toNumber(e.closing)));
    expect(columnValues(sheet, chart.series[1].values)).toEqual(equity.map((e) => (e.limit ? toNumber(e.limit) : '')));
  });

  it('writes its texts as text, a label that starts with a minus too (Excel reads "- Finansiering …" as a formula)', async () => {
    const fx = await seed004WithWrongSubtotal();
    const s = await analyse(fx);
    const content = checkSheetContent(s.analysis, []);
    expect(content.findings.rows.map((r) => r[3])).toContain('- Finansiering från medlemmar');
    const result = await writeStep(fx.context, checkSheet(s));
    expect(result).toMatchObject({ ok: true, syncs: 2 });
    const written = [...(fx.sheet('Budgetkoll')?.cells.values() ?? [])];
    expect(written.filter((c) => typeof c.formula === 'string' && c.formula.startsWith('='))).toEqual([]);
    expect(written.filter((c) => typeof c.value === 'string' && c.value.startsWith('#'))).toEqual([]);
    const texts = new Set(written.map((c) => c.value));
    const wanted = [content.title, content.summary, ...[content.findings, ...content.equity].flatMap((b) => [b.heading, ...b.header, ...b.rows.flat()])]
      .filter((v): v is string => typeof v === 'string' && v !== '' && !isLink(v));
    for (const text of wanted) expect({ text, written: texts.has(text) }).toEqual({ text, written: true });
  });
});

describe('a workbook whose structure is protected', () => {
  it('gets no check sheet: Budgetkoll says why before writing anything', async () => {
    const fx = await seedWorkbook();
    fx.structureProtected = true;
    const s = await analyse(fx);
    const before = fx.state();
    const result = await writeStep(fx.context, checkSheet(s));
    expect(result).toMatchObject({ ok: false, syncs: 1, reason: expect.stringMatching(/^Arbetsbokens struktur är skyddad.*Granska > Skydda arbetsbok/) });
    expect(fx.state()).toEqual(before);
    expect(fx.settings.has(JOURNAL_KEY)).toBe(false);
  });

  it('undo puts the cells back, keeps the check sheet it cannot remove, says so, and can finish once the protection is off', async () => {
    const fx = await seedWorkbook();
    const original = fx.state();
    const s = await analyse(fx);
    const marked = await writeStep(fx.context, marks(s));
    if (!marked.ok) throw new Error(marked.reason);
    const sheet = await writeStep(fx.context, checkSheet(s, marked.value.journal));
    if (!sheet.ok) throw new Error(sheet.reason);
    fx.structureProtected = true;
    const first = await undo(fx, sheet.value.journal);
    expect(first).toMatchObject({ ok: true, value: { removedSheets: [], keptSheets: ['Budgetkoll'], remainingSteps: 1 }, syncs: 2 });
    expect(fx.sheets[0].cells.get('9:2')?.fill.pattern).toBe('None');
    expect(fx.notes.size).toBe(0);
    const journal = JSON.parse(String(fx.settings.get(JOURNAL_KEY)));
    expect(journal.steps).toMatchObject([{ kind: 'check-sheet', entries: [], addedSheet: 'Budgetkoll' }]);
    fx.structureProtected = false;
    expect(await undo(fx, journal)).toMatchObject({ ok: true, value: { removedSheets: ['Budgetkoll'], keptSheets: [], remainingSteps: 0 } });
    expect(fx.state()).toEqual(original);
    expect(fx.settings.has(JOURNAL_KEY)).toBe(false);
  });
});

describe('the analysis stored in the workbook', () => {
  it('replaces the earlier snapshot and stores the settings, in two syncs', async () => {
    const fx = await seedWorkbook();
    const xml = (n: number) => `<budgetkoll xmlns="urn:budgetkoll:snapshot:1">${JSON.stringify({ version: 1, madeAt: `2026-11-2${n}T10:00:00Z`, fingerprint: 'f', settings: {}, reports: [], sections: [], errors: 0 })}</budgetkoll>`;
    expect(await storeAnalysis(fx.context, caps, xml(1), '{"reservePercent":"20"}')).toEqual({ ok: true });
    const before = fx.syncs;
    expect(await storeAnalysis(fx.context, caps, xml(2), '{"reservePercent":"15"}')).toEqual({ ok: true });
    expect(fx.syncs - before).toBe(2);
    expect(fx.xmlParts).toHaveLength(1);
    const parsed = snapshotFromXml(fx.xmlParts[0].xml);
    expect(parsed?.ok && parsed.value.madeAt).toBe('2026-11-22T10:00:00Z');
    expect(fx.settings.get('budgetkoll.settings')).toBe('{"reservePercent":"15"}');
  });
});
