import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeGrid, type AnalysisSettings } from '../../src/core/analyze';
import type { Grid } from '../../src/core/grid';
import { tableReport } from '../../src/core/report';
import { buildSections } from '../../src/core/sections/buildSections';
import { checkWorkbook, reportsOf } from '../../src/app/checkWorkbook';
import { compareVersions } from '../../src/app/compareVersions';
import { planSections, workbookSections } from '../../src/app/sections';
import { buildSnapshot, sectionSettings, sectionsWithSnapshot, snapshotIsCurrent } from '../../src/app/snapshot';
import { settingsFromForm } from '../../src/app/settings';
import { DEFAULT_FORM } from '../../src/app/settingsForm';
import { readSeedGrid } from '../helpers/seeds';

// The use cases every host calls (src/app): the same results the engine's parts give when
// assembled by hand, once.

const PROSE: Grid = { sheets: [{ name: 'Text', rows: [[{ value: 'Verksamhetsberättelse' }]], merges: [] }] };

describe('checkWorkbook', () => {
  it('gives the analysis and its reports, in the language asked for', async () => {
    const grid = await readSeedGrid('seed-001-lund-antagen.xlsx');
    const { analysis, reports } = checkWorkbook(grid, {});
    expect(reports).toEqual(analyzeGrid(grid).tables.map((t) => tableReport(t)));
    const english = checkWorkbook(grid, {}, 'en').reports;
    expect(english).toEqual(reportsOf(analysis, 'en'));
    expect(english[0].findings[0].message).not.toEqual(reports[0].findings[0].message);
  });
});

describe('planSections', () => {
  it('builds the six sections from the budget table, with its errors; none without a table', async () => {
    const analysis = analyzeGrid(await readSeedGrid('seed-001-lund-antagen.xlsx'));
    const planned = planSections(analysis, { forbundName: 'Samordningsförbundet Test' });
    expect(planned.sections).toEqual(buildSections(analysis, { forbundName: 'Samordningsförbundet Test' }));
    expect(planned.sections).toHaveLength(6);
    expect(planned.errors).toBe(analysis.tables[0].findings.filter((f) => f.severity === 'error').length);
    expect(planned.errors).toBeGreaterThan(0);
    expect(workbookSections(PROSE)).toEqual({ sections: [], errors: 0 });
  });
});

describe('the snapshot', () => {
  it('is used while the workbook holds its numbers; else the sections are built with its settings', async () => {
    const grid = await readSeedGrid('seed-002-bksv.xlsx');
    const form = { ...DEFAULT_FORM, reservePercent: '15' };
    const settings = settingsFromForm(form);
    if (!settings.ok) throw new Error('settings');
    const made = analyzeGrid(grid, settings.value);
    const snapshot = buildSnapshot(made, form, new Date('2026-11-20T09:30:00Z'));
    expect(snapshot).toMatchObject({ version: 1, madeAt: '2026-11-20T09:30:00.000Z', settings: form, errors: planSections(made).errors });
    expect(snapshot.reports).toEqual(reportsOf(made));
    expect(snapshotIsCurrent(snapshot, made)).toBe(true);

    const asked: AnalysisSettings[] = [];
    const current = sectionsWithSnapshot((s) => { asked.push(s); return analyzeGrid(grid, s); }, {}, snapshot);
    expect(current).toEqual({ sections: snapshot.sections, reports: snapshot.reports, errors: snapshot.errors, snapshot: { madeAt: snapshot.madeAt, outdated: false } });
    expect(asked[0].reserve?.brackets[0].percent.toFixed()).toBe('15');

    // One number changed since: the file's numbers, with the settings chosen in Excel.
    const changed: Grid = { sheets: grid.sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.map((cell) => (cell && typeof cell.value === 'number' && cell.value > 2100 ? { ...cell, value: cell.value + 7 } : cell))) })) };
    const outdated = sectionsWithSnapshot((s) => analyzeGrid(changed, s), {}, snapshot);
    expect(outdated.snapshot).toEqual({ madeAt: snapshot.madeAt, outdated: true });
    expect(outdated.sections).toEqual(planSections(analyzeGrid(changed, asked[0])).sections);
    expect(sectionsWithSnapshot((s) => analyzeGrid(grid, s), {}, null).snapshot).toBeNull();
  });

  it('gives the settings everything in the plan is checked with: the snapshot’s, else the host’s', async () => {
    const grid = await readSeedGrid('seed-002-bksv.xlsx');
    const form = { ...DEFAULT_FORM, reservePercent: '15' };
    const settings = settingsFromForm(form);
    if (!settings.ok) throw new Error('settings');
    const snapshot = buildSnapshot(analyzeGrid(grid, settings.value), form, new Date('2026-11-20T09:30:00Z'));
    const host: AnalysisSettings = { sheet: 'Budget' };
    expect(sectionSettings(host, snapshot)).toEqual(settings.value);
    expect(sectionSettings(host, null)).toBe(host);
    // A snapshot whose settings no longer read (written by a later version, edited by hand): the host's.
    expect(sectionSettings(host, { ...snapshot, settings: { ...form, reservePercent: 'tjugo' } })).toBe(host);
  });
});

describe('compareVersions', () => {
  it('compares the preliminary and the adopted budget as `budgetkoll diff` reports it', async () => {
    const [older, newer] = await Promise.all([readSeedGrid('seed-000-lund-prel.xlsx'), readSeedGrid('seed-001-lund-antagen.xlsx')]);
    const { comparison, report } = compareVersions(older, newer, {}, { old: 'seed-000-lund-prel.xlsx', new: 'seed-001-lund-antagen.xlsx' });
    expect(comparison.tables.length).toBeGreaterThan(0);
    const golden = JSON.parse(readFileSync(path.join(__dirname, '../golden/diff-seed-000-001.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(report))).toEqual(golden);
  });
});
