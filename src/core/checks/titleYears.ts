import { makeFinding } from '../findings';
import type { Check } from './types';

// Global expressions run with exec from lastIndex 0: what matchAll yields, without cloning them per title.
const RANGE = /\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/g;
const YEAR = /\b((?:19|20)\d{2})\b/g;

/** Years a title names: `Budget 2024`, `plan 2025–2026`, `2024 - 2026`. */
export function yearsInTitle(title: string): number[] {
  const years = new Set<number>();
  let rest = title;
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(title); m; m = RANGE.exec(title)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    for (let y = Math.min(a, b); y <= Math.max(a, b) && y - a < 20; y++) years.add(y);
    rest = rest.replace(m[0], ' ');
  }
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(rest); m; m = YEAR.exec(rest)) years.add(Number(m[1]));
  return [...years].sort((a, b) => a - b);
}

/**
 * A title that names the budget year alone (`BUDGET för 2024`) is fine; one
 * that names a plan period must cover the budget and plan columns. A column
 * for the year before is the usual comparison, not a mismatch.
 */
export const titleYearsCheck: Check = {
  codes: ['title-years-mismatch'],
  run({ table }) {
    if (!table.title) return [];
    const named = yearsInTitle(table.title.text);
    if (named.length === 0) return [];
    const columnYears = [...new Set(table.columns.filter((c) => c.kind === 'budget' || c.kind === 'plan').map((c) => c.year))].sort((a, b) => a - b);
    const first = named[0];
    const last = named[named.length - 1];
    const missing = named.filter((y) => !columnYears.includes(y));
    const extra = named.length === 1 ? [] : columnYears.filter((y) => y > last || y < first - 1);
    if (missing.length === 0 && extra.length === 0) return [];
    return [makeFinding('title-years-mismatch', { sheet: table.sheet, row: table.title.row, col: table.title.col }, {
      rowLabel: table.title.text,
      params: { title: table.title.text, titleYears: span(named), columnYears: span(columnYears) },
    })];
  },
};

function span(years: number[]): string {
  if (years.length === 0) return '';
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous && years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
}
