/**
 * Builds the seed workbooks in test/fixtures/seeds/ from test/fixtures/seedTables.ts.
 *
 *   npx ts-node --transpile-only scripts/build-fixtures.ts     (npm run fixtures)
 *
 * For each seed table it writes
 *   <slug>.xlsx           typed values only, exactly as the document has them;
 *   <slug>-formulas.xlsx  the same, but every total that adds up exactly from its stated parts is
 *                         an Excel formula whose cached result is the stated value. Totals that do
 *                         not add up stay typed numbers (as when a user overwrote a formula).
 *
 * Deterministic: fixed workbook dates and fixed zip entry timestamps, so re-running it gives
 * byte-identical files.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { extraSheets, headerRowNumber, bodyRowNumber, seedTables } from '../test/fixtures/seedTables';
import type { SeedTable, SeedValue } from '../test/fixtures/seedTables';
import { findRoot } from './findRoot';
import { normalizeZipTimestamps } from './zipDates';

const FIXED_DATE = new Date(Date.UTC(2023, 10, 1, 0, 0, 0)); // 2023-11-01
const LABEL_COLUMN_WIDTH = 45;
const YEAR_COLUMN_WIDTH = 14;

function numFmtFor(table: SeedTable, value: number): string {
  if (table.numFmt) return table.numFmt;
  return Number.isInteger(value) ? '#,##0' : '#,##0.0';
}

function setPlain(cell: ExcelJS.Cell, value: SeedValue, table: SeedTable): void {
  if (value === null) return; // blank cell
  cell.value = value;
  if (typeof value === 'number') cell.numFmt = numFmtFor(table, value);
}

function buildWorkbook(table: SeedTable, withFormulas: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Budgetkoll fixtures';
  wb.lastModifiedBy = 'Budgetkoll fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  for (const extra of extraSheets[table.id] ?? []) {
    const ws = wb.addWorksheet(extra.name);
    ws.getColumn(1).width = 80;
    extra.lines.forEach((line, i) => {
      ws.getCell(i + 1, 1).value = line;
    });
  }

  const ws = wb.addWorksheet(table.sheetName);
  ws.getColumn(1).width = LABEL_COLUMN_WIDTH;
  for (let c = 2; c <= table.header.length; c++) ws.getColumn(c).width = YEAR_COLUMN_WIDTH;

  table.titleRows.forEach((line, i) => {
    ws.getCell(i + 1, 1).value = line;
  });

  // Header row: year numbers keep the General format (2024, not 2 024).
  const headerRow = headerRowNumber(table);
  table.header.forEach((value, i) => {
    if (value !== null) ws.getCell(headerRow, i + 1).value = value;
  });

  table.rows.forEach((row, r) => {
    const rowNumber = bodyRowNumber(table, r);
    if (row.label !== null) ws.getCell(rowNumber, 1).value = row.label;
    row.values.forEach((value, v) => {
      const cell = ws.getCell(rowNumber, v + 2);
      const formula = withFormulas ? row.formulas?.[v] ?? null : null;
      if (formula !== null) {
        if (typeof value !== 'number') {
          throw new Error(`${table.slug} ${cell.address}: formula ${formula} needs a numeric stated value`);
        }
        cell.value = { formula, result: value };
        cell.numFmt = numFmtFor(table, value);
      } else {
        setPlain(cell, value, table);
      }
    });
  });

  return wb;
}

async function main(): Promise<void> {
  const root = findRoot(__dirname);
  const outDir = path.join(root, 'test', 'fixtures', 'seeds');
  // The typed workbooks are also the examples `budgetkoll demo` runs on.
  const examplesDir = path.join(root, 'examples');
  fs.mkdirSync(outDir, { recursive: true });
  fs.mkdirSync(examplesDir, { recursive: true });
  for (const table of seedTables) {
    for (const withFormulas of [false, true]) {
      const wb = buildWorkbook(table, withFormulas);
      const raw = Buffer.from(await wb.xlsx.writeBuffer());
      const file = path.join(outDir, `${table.slug}${withFormulas ? '-formulas' : ''}.xlsx`);
      fs.writeFileSync(file, normalizeZipTimestamps(raw, FIXED_DATE));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      if (!withFormulas) fs.writeFileSync(path.join(examplesDir, `${table.slug}.xlsx`), normalizeZipTimestamps(raw, FIXED_DATE));
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
