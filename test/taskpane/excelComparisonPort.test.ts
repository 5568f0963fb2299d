import { readFileSync } from 'fs';
import * as path from 'path';
import { isLink } from '../../src/core/checkSheetContent';
import { COMPARISON_SHEET_TITLE, comparisonSheetContent } from '../../src/core/compare/comparisonSheetContent';
import { STRUCTURE_PROTECTED } from '../../src/excel/write';
import { excelCapabilities } from '../../src/excel/excelSupport';
import { DEFAULT_FORM } from '../../src/app/settingsForm';
import { createOfficeExcelPort } from '../../src/taskpane/excel/officeExcelPort';
import type { CompareProgress } from '../../src/taskpane/excel/port';
import { FakeExcelWorkbook, sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid, SEEDS_DIR } from '../helpers/seeds';

// "Jämför med en tidigare version" in the Excel pane's port, against the strict fake Excel: the
// open workbook is seed 001 (Lund, antagen), the earlier version chosen is seed 000 (the
// preliminary budget). Reading the open workbook for the comparison is one sync; the comparison
// sheet is one step, one read and one write sync, in the journal so that Ångra removes it.

const ALL = ['1.4', '1.9', '1.13', '1.18'];
const caps = (versions = ALL) => excelCapabilities({ context: { requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && versions.includes(version ?? '') } } });
const prel = () => {
  const bytes = new Uint8Array(readFileSync(path.join(SEEDS_DIR, 'seed-000-lund-prel.xlsx')));
  return { name: 'seed-000-lund-prel.xlsx', arrayBuffer: async () => bytes.slice().buffer };
};

async function open(versions = ALL) {
  const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid('seed-001-lund-antagen.xlsx')));
  const port = createOfficeExcelPort((batch) => batch(fx.context), caps(versions), () => new Date('2026-11-23T15:00:00Z'));
  const summary = await port.inspect();
  if (!summary.ok) throw new Error(summary.reason);
  return { fx, port, sheet: fx.sheets[0].name };
}

async function compared(port: Awaited<ReturnType<typeof open>>['port']) {
  const stages: Parameters<CompareProgress>[0][] = [];
  const outcome = await port.compare(prel(), {}, 'sv', (stage) => stages.push(stage));
  if (!outcome.ok) throw new Error(outcome.reason);
  return { ...outcome.value, stages };
}

/** A sheet's cells as rows of values, top to bottom (for reading it as the user would). */
function rowsOf(fx: FakeExcelWorkbook, name: string): unknown[][] {
  const sheet = fx.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  for (const [at, cell] of sheet.cells) {
    const [r, c] = at.split(':').map(Number);
    (rows[r] ??= [])[c] = cell.value;
  }
  return rows;
}

describe('the Excel pane’s comparison with an earlier version', () => {
  it('reads the open workbook in one sync and compares it with the chosen file', async () => {
    const { fx, port } = await open();
    const before = fx.syncs;
    const { older, view, stages } = await compared(port);
    expect(fx.syncs - before).toBe(1);
    expect(stages).toEqual(['reading-older', 'reading', 'comparing']);
    expect(older).toBe('seed-000-lund-prel.xlsx');
    const [table] = view.tables;
    expect(table.table.new?.sheet).toBe('Budget 2024');
    expect(table.table.counts).toEqual({ changed: 16, added: 1, removed: 0, unchanged: 4 });
    const iris = table.changed.find((l) => l.label === 'IRIS (Övergripande)');
    expect(iris?.changes.map((c) => [c.year, c.old, c.new, c.newCell])).toEqual([[2023, '1600', '1674', 'B22'], [2024, '1600', '2000', 'C22'], [2025, '1600', '2000', 'D22']]);
    // The cell the comparison points at is the one the open workbook holds.
    expect(fx.sheet('Budget 2024')?.cells.get('21:2')?.value).toBe(2000);
  });

  it('says in Swedish why the earlier version cannot be read, without touching the workbook', async () => {
    const { fx, port } = await open();
    const before = fx.syncs;
    const outcome = await port.compare({ name: 'x.xlsx', arrayBuffer: async () => new TextEncoder().encode('hej').buffer }, {}, 'sv', () => undefined);
    expect(outcome).toEqual({ ok: false, reason: 'filen är ingen Excel-arbetsbok (.xlsx)' });
    expect(fx.syncs).toBe(before);
    expect(await port.addComparisonSheet()).toEqual({ ok: false, reason: 'Jämför med en tidigare version först.' });
  });

  it('writes the comparison as a sheet in one read and one write sync, with links to the changed cells; again replaces it; undo removes it', async () => {
    const { fx, port } = await open();
    const original = fx.state();
    const { view } = await compared(port);
    const before = fx.syncs;
    const done = await port.addComparisonSheet();
    expect(done).toEqual({ ok: true, value: { kind: 'comparison-sheet', sheet: 'Jämförelse' } });
    expect(fx.syncs - before).toBe(2);
    expect(fx.activeSheet).toBe('Jämförelse');

    const rows = rowsOf(fx, 'Jämförelse');
    const content = comparisonSheetContent(view, 'seed-000-lund-prel.xlsx');
    expect(rows[0][0]).toBe(COMPARISON_SHEET_TITLE);
    expect(rows[1][0]).toBe(content.summary);
    expect(content.summary).toMatch(/^Tidigare version: seed-000-lund-prel\.xlsx\. Ny version: den här arbetsboken\. 1 tabell jämförd, 17 rader med ändrade belopp\./);
    // Amounts are numbers Excel can sum; each change links to its cell in the open workbook.
    const irisAt = rows.findIndex((r) => r?.[1] === 'IRIS (Övergripande)' && r?.[2] === 2024);
    expect(rows[irisAt].slice(0, 6)).toEqual(['Ändrad rad', 'IRIS (Övergripande)', 2024, 1600, 2000, 400]);
    expect(fx.sheet('Jämförelse')?.cells.get(`${irisAt}:6`)?.hyperlink).toEqual({ documentReference: "'Budget 2024'!C22", textToDisplay: 'C22' });
    const costs = rows.find((r) => r?.[0] === 'Summa' && r?.[1] === 'Summa kostnader' && r?.[2] === 2024);
    expect(costs?.slice(3, 8)).toEqual([14060, 14492, 432, 'C34', 'Tabellen anger 14 065 → 14 492']);
    expect(rows.some((r) => r?.[0] === 'Ny rad' && r?.[1] === 'Finansiella intäkter och kostnader')).toBe(true);
    expect(rows.some((r) => r?.[0] === 'Eget kapital' && r?.[2] === 2024 && r?.[5] === 789)).toBe(true);
    expect(rows.filter((r) => r?.[0] === 'Åtgärdat')).toHaveLength(2);
    expect(fx.sheet('Jämförelse')?.tables).toHaveLength(1);
    expect(content.blocks.flatMap((b) => b.block.rows).flat().filter(isLink).length).toBeGreaterThan(40);

    // Again: the sheet is replaced, not joined by "Jämförelse (2)".
    const names = fx.sheets.map((s) => s.name);
    expect(await port.addComparisonSheet()).toEqual({ ok: true, value: { kind: 'comparison-sheet', sheet: 'Jämförelse' } });
    expect(fx.sheets.map((s) => s.name)).toEqual(names);

    const undone = await port.undo();
    expect(undone.ok && undone.value).toMatchObject({ kind: 'undo', removedSheets: ['Jämförelse'] });
    expect(fx.state()).toEqual(original);
  });

  it('keeps beside the check sheet, each replaced by its own kind, and undo removes both', async () => {
    const { fx, port } = await open();
    const original = fx.state();
    const analysed = await port.analyze({}, DEFAULT_FORM, 'sv', () => undefined);
    expect(analysed.ok).toBe(true);
    await compared(port);
    expect((await port.addCheckSheet()).ok).toBe(true);
    expect((await port.addComparisonSheet()).ok).toBe(true);
    expect((await port.addCheckSheet()).ok).toBe(true);
    expect(fx.sheets.map((s) => s.name).slice(-2).sort()).toEqual(['Budgetkoll', 'Jämförelse']);
    const undone = await port.undo();
    expect(undone.ok && undone.value).toMatchObject({ kind: 'undo', removedSheets: expect.arrayContaining(['Budgetkoll', 'Jämförelse']) });
    // The analysis stored for Word stays (it is not one of the steps); the sheets are as before.
    expect((fx.state() as { sheets: unknown }).sheets).toEqual((original as { sheets: unknown }).sheets);
  });

  it('takes another name when the workbook has a sheet named Jämförelse', async () => {
    const { fx, port } = await open();
    fx.sheets.push({ name: 'jämförelse', cells: new Map(), protected: false, tables: [], charts: [] });
    await port.inspect();
    await compared(port);
    expect(await port.addComparisonSheet()).toEqual({ ok: true, value: { kind: 'comparison-sheet', sheet: 'Jämförelse (2)' } });
  });

  it('with the workbook structure protected writes nothing and says why; undo keeps the sheet until the protection is off', async () => {
    const { fx, port } = await open();
    await compared(port);
    fx.structureProtected = true;
    const before = fx.state();
    expect(await port.addComparisonSheet()).toEqual({ ok: false, reason: STRUCTURE_PROTECTED });
    expect(fx.state()).toEqual(before);

    fx.structureProtected = false;
    expect((await port.addComparisonSheet()).ok).toBe(true);
    fx.structureProtected = true;
    const kept = await port.undo();
    expect(kept.ok && kept.value).toMatchObject({ kind: 'undo', keptSheets: ['Jämförelse'] });
    expect(fx.sheet('Jämförelse')).not.toBeNull();
    fx.structureProtected = false;
    const removed = await port.undo();
    expect(removed.ok && removed.value).toMatchObject({ kind: 'undo', removedSheets: ['Jämförelse'] });
    expect(fx.sheet('Jämförelse')).toBeNull();
  });

  it('does not write where Excel lacks ExcelApi 1.9, nor in a read-only workbook', async () => {
    const old = await open(['1.4']);
    await compared(old.port);
    const before = old.fx.state();
    const refused = await old.port.addComparisonSheet();
    expect(refused.ok).toBe(false);
    expect(old.fx.state()).toEqual(before);

    const readOnly = await open();
    readOnly.fx.readOnly = true;
    await compared(readOnly.port);
    expect((await readOnly.port.addComparisonSheet()).ok).toBe(false);
    expect(readOnly.fx.sheet('Jämförelse')).toBeNull();
  });

  it('selects a line’s changed cells together (ExcelApi 1.9), or the rectangle around them in an older Excel', async () => {
    const { fx, port, sheet } = await open();
    expect(await port.select(sheet, 'B22, C22, D22')).toEqual({ ok: true, value: null });
    expect(fx.selected).toBe(`${sheet}!B22:B22,C22:C22,D22:D22`);
    expect(await port.select(sheet, 'C22')).toEqual({ ok: true, value: null });
    expect(fx.selected).toBe(`${sheet}!C22:C22`);

    const old = await open(['1.4']);
    expect(await old.port.select(old.sheet, 'B8, E8')).toEqual({ ok: true, value: null });
    expect(old.fx.selected).toBe(`${old.sheet}!B8:E8`);
  });
});
