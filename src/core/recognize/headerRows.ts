import { isBlank, type Cell, type Sheet } from '../grid';
import { isYearNumber, parseYearHeader, type YearHeader } from '../yearHeader';
import { yearsInData } from '../rules/budgetTable';

export interface HeaderRow {
  row: number;
  years: { col: number; header: YearHeader }[];
  /** The leftmost column the table's labels may stand in: right of another table's years on the same row. */
  firstLabelCol: number;
}

/**
 * A header row has two or more year headers, in non-decreasing order, with
 * nothing but text between and after them (`Kommentar`). A data row that
 * happens to hold 2024 and 2025 also holds other numbers, so it fails.
 */
export function findHeaderRows(sheet: Sheet): HeaderRow[] {
  const headers: HeaderRow[] = [];
  const rows = sheet.rows;
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row];
    if (!cells) continue;
    const runs = headerInRow(cells);
    let firstLabelCol = 0;
    for (let i = 0; i < runs.length; i++) {
      const years = runs[i];
      headers.push({ row, years, firstLabelCol });
      firstLabelCol = years[years.length - 1].col + 1;
    }
  }
  return headers.length < 2 ? headers : headers.filter((_, i) => !besideAnother(headers, i));
}

/**
 * A header with another row of years right above or below it in the same columns: years in the
 * data (rules/budgetTable.ts). The headers are in row order, so only their neighbours are asked.
 */
function besideAnother(headers: readonly HeaderRow[], i: number): boolean {
  const { row, years } = headers[i];
  for (let j = i - 1; j >= 0 && headers[j].row >= row - 1; j--) if (headers[j].row === row - 1 && yearsInData(years, headers[j].years)) return true;
  for (let j = i + 1; j < headers.length && headers[j].row <= row + 1; j++) if (headers[j].row === row + 1 && yearsInData(years, headers[j].years)) return true;
  return false;
}

const DIGIT = /\d/;

/**
 * The year headers of a row, as one run per table: two tables side by side share a header row
 * (`2024 Plan 2025 Plan 2026 … 2024 Plan 2025 Plan 2026`), and where the years go back, the next
 * table's start. Every run has two years or more, or the row is no header.
 */
function headerInRow(cells: (Cell | undefined)[]): readonly HeaderRow['years'][] {
  // A number that is not a year rules the row out wherever it stands: look for one first.
  for (let col = 0; col < cells.length; col++) {
    const value = cells[col]?.value;
    if (typeof value === 'number' && !isYearNumber(value)) return NO_HEADER;
  }
  // Made only once a row names a year: most rows name none.
  let years: HeaderRow['years'] | null = null;
  let plain: boolean[] | null = null;
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (isBlank(cell)) continue;
    // Text without a digit names no year.
    if (typeof cell!.value === 'string' && !DIGIT.test(cell!.value)) continue;
    const header = parseYearHeader(cell!.value);
    if (header) {
      (years ??= []).push({ col, header });
      (plain ??= []).push(typeof cell!.value === 'number');
    } else if (typeof cell!.value === 'number') {
      return NO_HEADER; // a row with other numbers is data (`Sparade medel 3 327 3 941 2 021 2 071`)
    }
  }
  if (years === null || plain === null || years.length < 2) return NO_HEADER;
  const runs: HeaderRow['years'][] = [];
  let run = years.slice(0, 1);
  for (let i = 1; i < years.length; i++) {
    const step = years[i].header.year - years[i - 1].header.year;
    // Bare numbers must count up a year at a time; written headers may repeat a
    // year (`Budget 2023`, `Prognos 2023`) or skip one (`Utfall 2022`, `Budget 2024`).
    const allowed = plain[i] && plain[i - 1] ? step === 1 : step >= 0 && step <= 2;
    if (allowed) {
      run.push(years[i]);
      continue;
    }
    // Only going back to an earlier year starts another table; any other break is no header.
    if (step >= 0) return NO_HEADER;
    runs.push(run);
    run = [years[i]];
  }
  runs.push(run);
  for (const r of runs) if (r.length < 2) return NO_HEADER;
  return runs;
}

/** A row that is no header: one shared empty list. */
const NO_HEADER: readonly HeaderRow['years'][] = Object.freeze([]);
