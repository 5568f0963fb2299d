import type { CellValue } from './grid';

export type ColumnKind = 'budget' | 'plan' | 'prognos' | 'utfall';

export interface YearHeader {
  year: number;
  kind: ColumnKind;
  header: string;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

// A header is a year with at most a short kind word before or after it and a note in
// parentheses after it: `2024`, `Budget 2024`, `Plan 2025`, `2023(prel.)`,
// `Prognos 2023`, `Utfall 2023`, `B 2024`, `Bokslut 2022`, and as some economy systems
// write them, `2025 Budget`, `2026 Plan`. Anything longer (`Budget 2023 plan 2024–2025`)
// is a title, not a column header.
const HEADER = /^(?:([a-zåäö.]{1,10})\s*)?((?:19|20|21)\d{2})\s*(?:(?!(?:tkr|kr|mkr)\b)([a-zåäö.]{1,10})\s*)?(?:\(([^)]{0,20})\))?\s*(tkr|kr|mkr)?$/i;

const KIND_WORDS: Record<string, ColumnKind> = {
  budget: 'budget', b: 'budget', bu: 'budget',
  plan: 'plan', p: 'plan', fp: 'plan', flerårsplan: 'plan',
  prognos: 'prognos', progn: 'prognos', 'progn.': 'prognos', pr: 'prognos',
  utfall: 'utfall', u: 'utfall', bokslut: 'utfall', bokslutet: 'utfall', 'utf.': 'utfall', utf: 'utfall',
};

/** Whether a cell's number may stand for a year (a whole number from 1990 to 2100), without making its header. */
export function isYearNumber(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;
}

export function parseYearHeader(value: CellValue): YearHeader | null {
  if (typeof value === 'number') return isYearNumber(value) ? { year: value, kind: 'budget', header: String(value) } : null;
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    return year >= MIN_YEAR && year <= MAX_YEAR ? { year, kind: 'budget', header: String(year) } : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  const m = HEADER.exec(text);
  if (!m) return null;
  const year = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  // One kind word, before the year or after it; none is a budget year.
  if (m[1] && m[3]) return null;
  let kind: ColumnKind = 'budget';
  const kindWord = m[1] ?? m[3];
  if (kindWord) {
    const word = kindWord.toLowerCase();
    if (!(word in KIND_WORDS)) return null;
    kind = KIND_WORDS[word];
  }
  return { year, kind, header: text };
}
