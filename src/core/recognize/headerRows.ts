import { isBlank, type Cell, type Sheet } from '../grid';
import { parseYearHeader, type YearHeader } from '../yearHeader';

export interface HeaderRow {
  row: number;
  years: { col: number; header: YearHeader }[];
}

/**
 * A header row has two or more year headers, in non-decreasing order, with
 * nothing but text between and after them (`Kommentar`). A data row that
 * happens to hold 2024 and 2025 also holds other numbers, so it fails.
 */
export function findHeaderRows(sheet: Sheet): HeaderRow[] {
  const headers: HeaderRow[] = [];
  sheet.rows.forEach((cells, row) => {
    if (!cells) return;
    const header = headerInRow(cells);
    if (header) headers.push({ row, years: header });
  });
  return headers;
}

const DIGIT = /\d/;

function headerInRow(cells: (Cell | undefined)[]): HeaderRow['years'] | null {
  // A number that is not a year rules the row out wherever it stands: look for one first.
  for (let col = 0; col < cells.length; col++) {
    const value = cells[col]?.value;
    if (typeof value === 'number' && parseYearHeader(value) === null) return null;
  }
  const years: HeaderRow['years'] = [];
  const plain: boolean[] = [];
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (isBlank(cell)) continue;
    // Text without a digit names no year.
    if (typeof cell!.value === 'string' && !DIGIT.test(cell!.value)) continue;
    const header = parseYearHeader(cell!.value);
    if (header) {
      years.push({ col, header });
      plain.push(typeof cell!.value === 'number');
    } else if (typeof cell!.value === 'number') {
      return null; // a row with other numbers is data (`Sparade medel 3 327 3 941 2 021 2 071`)
    }
  }
  if (years.length < 2) return null;
  for (let i = 1; i < years.length; i++) {
    const step = years[i].header.year - years[i - 1].header.year;
    // Bare numbers must count up a year at a time; written headers may repeat a
    // year (`Budget 2023`, `Prognos 2023`) or skip one (`Utfall 2022`, `Budget 2024`).
    const allowed = plain[i] && plain[i - 1] ? step === 1 : step >= 0 && step <= 2;
    if (!allowed) return null;
  }
  return years;
}
