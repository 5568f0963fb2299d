import { readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { excelCapabilities } from '../../src/excel/excelSupport';
import { createOfficeExcelPort } from '../../src/taskpane/excel/officeExcelPort';
import { planSections, readSnapshot, readWorkbook } from '../../src/taskpane/standalone/analyzeFile';
import { createFileSource } from '../../src/taskpane/standalone/fileSource';
import { FakeExcelWorkbook, sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid, SEEDS_DIR } from '../helpers/seeds';

// From the Excel pane to the Word pane: the analysis the Excel pane stores in the workbook (a
// custom XML part) is found in the saved .xlsx by the Word pane's file reader and used while the
// workbook holds the same numbers; with the settings chosen in Excel once they differ.

const SEED = 'seed-002-bksv.xlsx';
const caps = excelCapabilities({ context: { requirements: { isSetSupported: () => true } } });

/** The snapshot the Excel pane stores after an analysis with these settings. */
async function excelSnapshot(reservePercent: string): Promise<string> {
  const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid(SEED)));
  const port = createOfficeExcelPort((batch) => batch(fx.context), caps, () => new Date('2026-11-20T09:30:00Z'));
  const { settingsFromForm } = await import('../../src/taskpane/model/settings');
  const form = { reservePercent, reserveBase: 'allocation' as const, openingEquity: '' };
  const parsed = await settingsFromForm(form);
  if (!parsed.ok) throw new Error('settings');
  const outcome = await port.analyze(parsed.value, form, 'sv', () => undefined);
  if (!outcome.ok) throw new Error(outcome.reason);
  expect(fx.xmlParts).toHaveLength(1);
  return fx.xmlParts[0].xml;
}

/** The seed as Excel saves it with the snapshot part (and, optionally, one number changed). */
async function savedWorkbook(xml: string, change?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  let bytes: Uint8Array = readFileSync(path.join(SEEDS_DIR, SEED));
  if (change) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    change(workbook.getWorksheet('Budget') ?? workbook.worksheets[0]);
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const zip = await JSZip.loadAsync(bytes);
  zip.file('customXml/item1.xml', xml);
  return zip.generateAsync({ type: 'uint8array' });
}

async function sectionsOf(bytes: Uint8Array) {
  const grid = await readWorkbook(bytes, 'budget.xlsx');
  if (!grid.ok) throw new Error(grid.reason);
  return planSections(grid.value, {}, await readSnapshot(bytes));
}

const text = (plan: Awaited<ReturnType<typeof sectionsOf>>) => JSON.stringify(plan.sections);

describe('the Excel pane’s snapshot in the Word pane', () => {
  it('is used while the workbook holds the numbers it was made from, with the settings chosen in Excel', async () => {
    const plan = await sectionsOf(await savedWorkbook(await excelSnapshot('15')));
    expect(plan.snapshot).toEqual({ madeAt: '2026-11-20T09:30:00.000Z', outdated: false });
    // 15 % rather than the default 20 %: the sections are those made in Excel.
    expect(text(plan)).toMatch(/15\s?%/);
    const without = await sectionsOf(await savedWorkbook('<other xmlns="urn:x"/>'));
    expect(without.snapshot).toBeNull();
    expect(text(without)).not.toEqual(text(plan));
  });

  it('gives way to the file’s numbers once they changed, keeping the settings from Excel', async () => {
    const bytes = await savedWorkbook(await excelSnapshot('15'), (sheet) => {
      // The first budget line's amount (not a year in the header): a number the user changed.
      let changed = false;
      sheet.eachRow((row) => row.eachCell((cell) => {
        if (!changed && typeof cell.value === 'number' && (cell.value < 1900 || cell.value > 2100)) {
          cell.value += 7;
          changed = true;
        }
      }));
      expect(changed).toBe(true);
    });
    const plan = await sectionsOf(bytes);
    expect(plan.snapshot).toEqual({ madeAt: '2026-11-20T09:30:00.000Z', outdated: true });
    expect(text(plan)).toMatch(/15\s?%/);
  });

  it('gives the comparison with an earlier version the same settings as the sections (the section on the changes is one of them)', async () => {
    const saved = await savedWorkbook(await excelSnapshot('15'));
    const older = readFileSync(path.join(SEEDS_DIR, SEED));
    const file = (name: string, data: Uint8Array) => ({ name, arrayBuffer: async () => data.slice().buffer });
    const compared = await createFileSource().open(file('budget.xlsx', saved)).compare?.(file('tidigare.xlsx', new Uint8Array(older)), {}, () => undefined);
    if (!compared?.ok) throw new Error(compared?.reason ?? 'no compare()');
    const reserve = JSON.stringify(compared.value.view).match(/\(\d+(?:,\d+)? % av medlemmarnas tilldelning/g) ?? [];
    // The reserve guideline's findings speak of the 15 % chosen in Excel, not the default 20 %.
    expect(reserve.length).toBeGreaterThan(0);
    expect(new Set(reserve)).toEqual(new Set(['(15 % av medlemmarnas tilldelning']));
  });

  it('a damaged or foreign part is ignored', async () => {
    expect(await readSnapshot(await savedWorkbook('<budgetkoll xmlns="urn:budgetkoll:snapshot:1">{not json</budgetkoll>'))).toBeNull();
    expect(await readSnapshot(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
