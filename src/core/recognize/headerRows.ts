import { cellAt, isBlank, type Sheet } from '../grid';
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
    const header = headerInRow(cells.map((_, col) => cellAt(sheet, row, col)));
    if (header) headers.push({ row, years: header });
  });
  return headers;
}

function headerInRow(cells: ReturnType<typeof cellAt>[]): HeaderRow['years'] | null {
  const years: HeaderRow['years'] = [];
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (isBlank(cell)) continue;
    const header = parseYearHeader(cell!.value);
    if (header) {
      years.push({ col, header });
    } else if (years.length > 0 && typeof cell!.value !== 'string') {
      return null;
    }
  }
  if (years.length < 2) return null;
  for (let i = 1; i < years.length; i++) {
    if (years[i].header.year < years[i - 1].header.year) return null;
  }
  return years;
}
