import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Stage } from '../../src/taskpane/model/source';
import { correctedFileName, createFileSource, sectionsFileName } from '../../src/taskpane/standalone/fileSource';
import { seedReports } from './helpers';
import { gridCell, gridOf } from '../helpers/fixChecked';
import { expectValidPackage } from '../helpers/packageValidator';

const SEED = path.join(__dirname, '../fixtures/seeds/seed-001-lund-antagen.xlsx');

function picked(name: string, data: Uint8Array) {
  let reads = 0;
  return {
    file: { name, arrayBuffer: async () => { reads += 1; return data.slice().buffer; } },
    reads: () => reads,
  };
}

describe('the file source (the standalone pane’s engine, here under Node)', () => {
  it('reads and checks a chosen workbook, reading the file once for any number of runs', async () => {
    const { file, reads } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const source = createFileSource().open(file);
    const stages: Stage[] = [];
    const outcome = await source.analyze({}, (s) => stages.push(s));
    expect(stages).toEqual(['reading', 'checking']);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.value).toEqual(seedReports());
    const again = await source.analyze({ reserve: { brackets: [{ upToKr: null, percent: new (await import('../../src/core/money')).Money(30) }], base: 'allocation' } }, () => undefined);
    expect(again.ok && again.value[0].equity[0].percent).toBe('30');
    expect(reads()).toBe(1);
  });

  it('makes the corrected copy', async () => {
    const { file, reads } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const source = createFileSource().open(file);
    const stages: Stage[] = [];
    const outcome = await source.corrected?.({}, (s) => stages.push(s));
    if (!outcome?.ok) throw new Error(outcome?.reason ?? 'no corrected()');
    expect(stages).toEqual(['fixing']);
    expect(outcome.value.fileName).toBe('seed-001-lund-antagen-rattad.xlsx');
    await expectValidPackage(outcome.value.bytes, new Uint8Array(readFileSync(SEED)));
    expect(gridCell(await gridOf(outcome.value.bytes), 'Budget 2024', 'C10')).toMatchObject({ formula: 'SUM(C5:C9)', value: 12970 });
    // Checked first, then corrected: the file is read once.
    await source.analyze({}, () => undefined);
    expect((await source.corrected?.({}, () => undefined))?.ok).toBe(true);
    expect(reads()).toBe(1);
  });

  it('builds the plan’s sections, the same as the golden ones, reading the file once', async () => {
    const { file, reads } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const source = createFileSource().open(file);
    const stages: Stage[] = [];
    const settings = {};
    const checked = await source.analyze(settings, () => undefined);
    expect(checked.ok).toBe(true);
    const outcome = await source.sections?.(settings, (s) => stages.push(s));
    if (!outcome?.ok) throw new Error(outcome?.reason ?? 'no sections()');
    expect(stages).toEqual(['reading', 'sections']);
    const golden = JSON.parse(readFileSync(path.join(__dirname, '../golden/sections/seed-001-lund-antagen.json'), 'utf8'));
    expect(outcome.value.sections).toEqual(golden);
    expect(outcome.value.reports).toEqual(seedReports());
    expect(outcome.value.errors).toBe(2);
    expect(outcome.value.snapshot).toBeNull();
    expect(reads()).toBe(1);
  });

  it('writes the sections as a .docx', async () => {
    const { file } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const outcome = await createFileSource().open(file).sectionsDocument?.({}, () => undefined);
    if (!outcome?.ok) throw new Error(outcome?.reason ?? 'no sectionsDocument()');
    expect(outcome.value).toMatchObject({ fileName: 'seed-001-lund-antagen-avsnitt.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', errors: 2 });
    const xml = await (await JSZip.loadAsync(outcome.value.bytes)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Budget 2024 med plan 2025–2026');
    expect(xml).toContain('12\u00a0970*');
  });

  it('compares the workbook with an earlier version, chosen as a file, and builds the plan’s section on the changes', async () => {
    const PREL = path.join(__dirname, '../fixtures/seeds/seed-000-lund-prel.xlsx');
    const { file, reads } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const source = createFileSource().open(file);
    const stages: Stage[] = [];
    const outcome = await source.compare?.(picked('prel.xlsx', new Uint8Array(readFileSync(PREL))).file, {}, (s) => stages.push(s));
    if (!outcome?.ok) throw new Error(outcome?.reason ?? 'no compare()');
    expect(stages).toEqual(['reading-older', 'comparing']);
    const { older, view, thresholdUnit, defaultThreshold } = outcome.value;
    expect({ older, thresholdUnit, defaultThreshold }).toEqual({ older: 'prel.xlsx', thresholdUnit: 'tkr', defaultThreshold: '100' });
    // The `diff --json` golden, in the reading order of the panes.
    const golden = JSON.parse(readFileSync(path.join(__dirname, '../golden/diff-seed-000-001.json'), 'utf8'));
    expect(view.tables.map((t) => t.table)).toEqual(golden.tables);
    expect(view.tables[0].changed[0].label).toBe('IRIS Insam');

    const section = outcome.value.changesSection('500');
    if (!section.ok) throw new Error(section.reason);
    expect(outcome.value.changesSection('mycket')).toEqual({ ok: false, reason: 'gränsen ska vara ett belopp i tkr (fick ”mycket”)' });
    const docx = await source.sectionsDocument?.({}, () => undefined, [section.value]);
    if (!docx?.ok) throw new Error(docx?.reason ?? 'no sectionsDocument()');
    const xml = (await (await JSZip.loadAsync(docx.value.bytes)).file('word/document.xml')?.async('string')) ?? '';
    // In the plan's order: after the budget comment, before equity.
    const at = (text: string) => xml.indexOf(text);
    expect(at('Budgetkommentar')).toBeLessThan(at('Förändringar jämfört med föregående förslag'));
    expect(at('Förändringar jämfört med föregående förslag')).toBeLessThan(at('Eget kapital och reservnivå'));
    expect(xml).toContain('Här redovisas ändringar på minst 500\u00a0tkr');
    expect(reads()).toBe(1);
  });

  it('says in Swedish why an earlier version cannot be compared', async () => {
    const { file } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const outcome = await createFileSource().open(file).compare?.(picked('x.xlsx', new TextEncoder().encode('hej')).file, {}, () => undefined);
    expect(outcome).toEqual({ ok: false, reason: 'filen är ingen Excel-arbetsbok (.xlsx)' });
  });

  it('makes no sections of a workbook without a budget table', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Anteckningar').getCell('A1').value = 'Att göra: boka lokal.';
    const { file } = picked('anteckningar.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const source = createFileSource().open(file);
    expect(await source.sections?.({}, () => undefined)).toEqual({ ok: true, value: { sections: [], reports: [], errors: 0, snapshot: null } });
    expect(await source.sectionsDocument?.({}, () => undefined)).toEqual({ ok: false, reason: 'ingen budgettabell hittades i arbetsboken' });
  });

  it('gives the Swedish reason for a file that is no workbook', async () => {
    const { file } = picked('x.xlsx', new TextEncoder().encode('hej'));
    const outcome = await createFileSource().open(file).analyze({}, () => undefined);
    expect(outcome).toEqual({ ok: false, reason: 'filen är ingen Excel-arbetsbok (.xlsx)' });
  });

  it('names the corrected copy after the original', () => {
    expect(correctedFileName('Budget 2024.xlsx')).toBe('Budget 2024-rattad.xlsx');
    expect(correctedFileName('BUDGET.XLSX')).toBe('BUDGET-rattad.xlsx');
    expect(correctedFileName('.xlsx')).toBe('arbetsbok-rattad.xlsx');
    expect(correctedFileName('Budget med makron.xlsm')).toBe('Budget med makron-rattad.xlsm');
    expect(sectionsFileName('Budget 2024.xlsx')).toBe('Budget 2024-avsnitt.docx');
    expect(sectionsFileName('.xlsx')).toBe('arbetsbok-avsnitt.docx');
  });
});
