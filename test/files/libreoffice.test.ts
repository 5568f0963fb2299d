import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toA1 } from '../../src/core/address';
import { fixChecked } from '../helpers/fixChecked';
import { recalculatedSheets, requireLibreOffice, withoutCachedResults } from '../helpers/libreoffice';
import { SEEDS_DIR } from '../helpers/seeds';
import { workbookParts } from '../helpers/xlsxInspect';

// A second, independent spreadsheet engine recalculates the formulas the fix
// wrote: proof that the formulas are right, not just their cached values.
jest.setTimeout(180_000);

const cellOf = (rows: string[][], ref: { row: number; col: number }) => rows[ref.row]?.[ref.col] ?? '';

describe('LibreOffice recalculates the corrected workbook', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-lo-test-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each(['seed-001-lund-antagen.xlsx', 'seed-002-bksv.xlsx', 'seed-004-sodra-lappland.xlsx', 'seed-000-lund-prel-formulas.xlsx'])('%s: every formula the fix wrote computes the engine\'s value', async (file) => {
    if (!requireLibreOffice('omräkning av den rättade arbetsboken')) return;
    const data = new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, file)));
    const result = await fixChecked(data, file);
    // Blank every cached result the fix wrote, so that only LibreOffice's own calculation can put the numbers back.
    const parts = await workbookParts(result.bytes);
    const blanked = new Map<string, string[]>();
    for (const fix of result.fixes) {
      const part = parts.sheetPart(fix.at.sheet);
      blanked.set(part, [...(blanked.get(part) ?? []), toA1(fix.at.row, fix.at.col)]);
    }
    const target = path.join(tmp, file.replace('.xlsx', '-rattad.xlsx'));
    fs.writeFileSync(target, await withoutCachedResults(result.bytes, blanked));
    const sheets = await recalculatedSheets(target);
    expect(result.fixes.length).toBeGreaterThan(0);
    for (const fix of result.fixes) {
      const rows = sheets.get(fix.at.sheet);
      expect(rows).toBeDefined();
      expect([toA1(fix.at.row, fix.at.col), Number(cellOf(rows!, fix.at))]).toEqual([toA1(fix.at.row, fix.at.col), fix.value.toNumber()]);
    }
    expect([...sheets.keys()]).toContain('Budgetkoll');
  });
});
