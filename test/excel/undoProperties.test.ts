import fc from 'fast-check';
import { analyzeGrid } from '../../src/core/analyze';
import { emptyJournal, fixChanges, markChanges, type Journal } from '../../src/excel/changes';
import { paneCheckSheet, planCorrections } from '../../src/app/corrections';
import { queueCheckSheet } from '../../src/excel/checkSheetWriter';
import { excelCapabilities } from '../../src/excel/excelSupport';
import { inspectWorkbook, readWorkbook } from '../../src/excel/readWorkbook';
import { undoAll, writeStep, type WriteRequest } from '../../src/excel/write';
import type { Grid } from '../../src/core/grid';
import { readSeedGrid, SEED_SLUGS } from '../helpers/seeds';
import { FakeExcelWorkbook, sheetsFromGrid, type FakeCell } from './fakeExcel';

// Undo restores exactly (issue 7): on every seed, any order of marks, fixes and check sheets,
// with or without a failed write among them, undo gives back the workbook as it was – except the
// cells the user typed into afterwards, which keep what the user typed.

const caps = excelCapabilities({ context: { requirements: { isSetSupported: () => true } } });
const runs = Number(process.env.PROPERTY_RUNS ?? 25);

let grids: Grid[];
beforeAll(async () => {
  grids = await Promise.all(SEED_SLUGS.map((slug) => readSeedGrid(`${slug}.xlsx`)));
});

type Step = 'marks' | 'fixes' | 'check-sheet';

const scenario = fc.record({
  seed: fc.integer({ min: 0, max: SEED_SLUGS.length - 1 }),
  steps: fc.array(fc.constantFrom<Step>('marks', 'fixes', 'check-sheet'), { minLength: 1, maxLength: 4 }),
  /** A write that fails after this many operations (then rolled back), or none. */
  failure: fc.option(fc.record({ step: fc.nat(3), afterOps: fc.nat(30) }), { nil: undefined }),
  /** Cells the user types into after Budgetkoll's steps (indexes into the sheet's cells). */
  edits: fc.array(fc.nat(500), { maxLength: 3 }),
  /** Whether the user renames the first sheet before the undo (the undo finds it by its id). */
  rename: fc.boolean(),
});

async function session(fx: FakeExcelWorkbook) {
  const inspection = await inspectWorkbook(fx.context, caps);
  const read = await readWorkbook(fx.context, inspection, caps);
  if (!read.ok) throw new Error('read');
  const analysis = analyzeGrid(read.value.grid);
  return { raw: read.value.raw, analysis, tables: analysis.tables.map(({ table }) => ({ sheet: table.sheet, ...table.range })), names: inspection.sheets.map((s) => s.name) };
}

describe('undo after any steps', () => {
  it('restores every cell Budgetkoll changed and the user did not, and removes its sheets', async () => {
    await fc.assert(fc.asyncProperty(scenario, async ({ seed, steps, failure, edits, rename }) => {
      const fx = new FakeExcelWorkbook(sheetsFromGrid(grids[seed]));
      const original = fx.state() as { sheets: { name: string; cells: [string, FakeCell][] }[]; notes: [string, string][] };
      let journal: Journal = emptyJournal();
      for (const [i, step] of steps.entries()) {
        // Fixes change the totals: each step starts from a fresh analysis, as the pane's does.
        const s = await session(fx);
        if (failure && failure.step === i) fx.failSync(fx.syncs + 2, failure.afterOps);
        const request: WriteRequest = step === 'check-sheet'
          ? { kind: step, changes: [], tables: [], raw: s.raw, caps, journal, extra: (context) => {
            const name = journal.steps.find((x) => x.addedSheet && s.names.includes(x.addedSheet))?.addedSheet;
            if (name) context.workbook.worksheets.getItem(name).delete();
            queueCheckSheet(context, paneCheckSheet(s.analysis), name ?? 'Budgetkoll');
            return { addedSheet: name ?? 'Budgetkoll' };
          } }
          : { kind: step, changes: step === 'marks' ? markChanges(planCorrections(s.analysis).marks) : fixChanges(planCorrections(s.analysis).fixes), tables: s.tables, raw: s.raw, caps, journal };
        const result = await writeStep(fx.context, request);
        if (result.ok) journal = result.value.journal;
        else expect(result.reason).toMatch(/Inget har ändrats/);
      }
      // The user types into some cells of the first sheet afterwards.
      const sheet = fx.sheets[0];
      const keys = [...sheet.cells.keys()].sort();
      const typed = new Map<string, number>();
      for (const e of edits) {
        const key = keys[e % keys.length];
        const cell = sheet.cells.get(key) as FakeCell;
        cell.formula = 4711 + e;
        cell.value = 4711 + e;
        typed.set(key, 4711 + e);
      }
      const name = sheet.name;
      if (rename) sheet.name = `${name} (omdöpt)`;
      const undone = await undoAll(fx.context, journal, caps, (await inspectWorkbook(fx.context, caps)).sheets);
      expect(undone.ok).toBe(true);
      sheet.name = name;
      const after = fx.state() as typeof original;
      expect(after.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
      for (const [i, s] of original.sheets.entries()) {
        const now = new Map(after.sheets[i].cells);
        for (const [key, cell] of s.cells) {
          if (i === 0 && typed.has(key)) {
            expect(now.get(key)?.formula).toBe(typed.get(key));
            continue;
          }
          expect({ key, cell: now.get(key) }).toEqual({ key, cell });
        }
      }
      // Notes: as before, unless the user typed into a noted cell (its note then stays).
      if (typed.size === 0) expect(after.notes).toEqual(original.notes);
    }), { numRuns: runs });
  }, 120_000);
});
