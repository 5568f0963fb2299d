import { analyzeGrid } from '../../src/core/analyze';
import { cellMarks } from '../../src/core/cellMarks';
import { checkSheetContent } from '../../src/core/checkSheetContent';
import { planFixes } from '../../src/core/fixes';
import { snapshotFromXml } from '../../src/core/snapshot';
import { fillOnlyNote, paneCheckSheet, planCorrectedCopy, planCorrections } from '../../src/app/corrections';
import { fixPreview } from '../../src/app/fixPreview';
import { checkOpenWorkbook } from '../../src/app/openWorkbookCheck';
import { reportsOf } from '../../src/app/checkWorkbook';
import { buildSnapshot } from '../../src/app/snapshot';
import { DEFAULT_FORM, formFromJson } from '../../src/app/settingsForm';
import { readSeedGrid } from '../helpers/seeds';

// Plan the fixes once: the Excel pane writes the plan step by step, the corrected copy all at once.

describe('planCorrections', () => {
  it('plans every table’s fixes and stale results, and a mark for every cell with findings', async () => {
    const analysis = analyzeGrid(await readSeedGrid('seed-001-lund-antagen.xlsx'));
    const plan = planCorrections(analysis);
    const byTable = analysis.tables.map(planFixes);
    expect(plan.fixes).toEqual(byTable.flatMap((p) => p.fixes));
    expect(plan.stale).toEqual(byTable.flatMap((p) => p.stale));
    expect(plan.marks).toEqual(cellMarks(analysis));
    expect(plan.fixes.length).toBeGreaterThan(0);
  });

  it('gives the copy a check sheet with its fixes, replacing an earlier copy’s; the pane’s lists none', async () => {
    const grid = await readSeedGrid('seed-001-lund-antagen.xlsx');
    const analysis = analyzeGrid(grid);
    const copy = planCorrectedCopy(analysis, grid);
    expect(copy.checkSheet).toEqual(checkSheetContent(analysis, copy.fixes));
    expect(copy.replacesSheet).toBeNull();
    const again = { sheets: [...grid.sheets, { name: 'Budgetkoll', rows: [[{ value: copy.checkSheet.title }]], merges: [] }] };
    expect(planCorrectedCopy(analysis, again).replacesSheet).toBe('Budgetkoll');
    expect(paneCheckSheet(analysis).fixes.rows).toEqual([]);
  });

  it('names the cells marked with the fill alone', () => {
    expect(fillOnlyNote([])).toBe('');
    expect(fillOnlyNote([{ sheet: 'Budget', row: 4, col: 2 }])).toMatch(/^Budget!C5 har en kommentar och fick bara färg/);
    expect(fillOnlyNote([{ sheet: 'Budget', row: 4, col: 2 }], 'en')).toMatch(/^Budget!C5 has a comment and got colour only/);
  });
});

describe('checkOpenWorkbook', () => {
  it('checks in the pane’s language, and stores a Swedish snapshot and the form', async () => {
    const grid = await readSeedGrid('seed-001-lund-antagen.xlsx');
    const madeAt = new Date('2026-11-23T15:00:00Z');
    const check = checkOpenWorkbook(grid, {}, DEFAULT_FORM, 'en', madeAt);
    expect(check.reports).toEqual(reportsOf(check.analysis, 'en'));
    expect(check.preview).toEqual(fixPreview(check.analysis, check.plan.fixes, 'en'));
    const stored = snapshotFromXml(check.snapshotXml);
    expect(stored?.ok && stored.value).toEqual(JSON.parse(JSON.stringify(buildSnapshot(check.analysis, DEFAULT_FORM, madeAt))));
    expect(formFromJson(check.settingsJson)).toEqual(DEFAULT_FORM);
  });
});
