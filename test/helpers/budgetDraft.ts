/**
 * Budget tables for the comparison tests (test/core/compare, test/cli/diff), written as a förbund types them: income lines, their
 * sum, cost lines, their sum, the result and the equity chain. The totals are computed here in
 * plain integers (amounts are whole tkr), never by the engine.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { sheetFromValues } from '../../src/core/grid';

export type Line = [label: string, amounts: number[]];

export interface Draft {
  title: string;
  /** The header cells of the year columns: `2024`, `Plan 2025`, … */
  years: CellValue[];
  income: Line[];
  costs: Line[];
  /** Equity at the start of the first year: the chain (IB, result, UB) is written when given. */
  opening?: number;
  /** The first year, for the labels that name it (`Budgeterat resultat 2024`). */
  firstYear: number;
}

const sum = (lines: Line[], i: number) => lines.reduce((acc, [, amounts]) => acc + (amounts[i] ?? 0), 0);

export function draftValues(d: Draft): CellValue[][] {
  const n = d.years.length;
  const each = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
  const income = each((i) => sum(d.income, i));
  const costs = each((i) => sum(d.costs, i));
  const result = each((i) => income[i] - costs[i]);
  const rows: CellValue[][] = [
    [d.title],
    [],
    [null, ...d.years],
    ['Intäkter', ...each(() => 'tkr')],
    ...d.income.map(([label, amounts]) => [label, ...amounts]),
    ['Summa intäkter', ...income],
    ['Kostnader'],
    ...d.costs.map(([label, amounts]) => [label, ...amounts]),
    ['Summa kostnader', ...costs],
    [`Budgeterat resultat ${d.firstYear}`, ...result],
  ];
  if (d.opening !== undefined) {
    const opening: number[] = [];
    const closing: number[] = [];
    for (let i = 0; i < n; i++) {
      opening.push(i === 0 ? d.opening : closing[i - 1]);
      closing.push(opening[i] + result[i]);
    }
    rows.push([`Eget kapital, ingående balans (IB) ${d.firstYear}`, ...opening]);
    rows.push(['Eget kapital, utgående balans (UB)', ...closing]);
  }
  return rows;
}

/** The table's rows moved down by `down` and right by `right`, on a sheet of that name. */
export function gridOfDraft(d: Draft, options: { sheet?: string; down?: number; right?: number } = {}): Grid {
  const { sheet = 'Budget', down = 0, right = 0 } = options;
  const values = draftValues(d).map((row) => [...Array<CellValue>(right).fill(null), ...row]);
  return { sheets: [sheetFromValues(sheet, [...Array.from({ length: down }, () => []), ...values])] };
}

/** The Lund-like example the tests change one thing in at a time. */
export const BASE: Draft = {
  title: 'Budget för 2024',
  firstYear: 2024,
  years: [2024, 'Plan 2025', 'Plan 2026'],
  income: [
    ['Staten', [3000, 3000, 3000]],
    ['Region Skåne', [1500, 1500, 1500]],
    ['Kommunerna', [1500, 1500, 1500]],
    ['ESF', [800, 400, 0]],
  ],
  costs: [
    ['Kansli', [2000, 2050, 2100]],
    ['Styrelse', [300, 300, 300]],
    ['Projekt Aktiv', [1500, 1500, 0]],
    ['IRIS', [1600, 1600, 1600]],
    ['Utvärderingar', [300, 200, 200]],
    ['Administration', [1200, 1250, 1300]],
  ],
  opening: 2000,
};

/**
 * BASE rolled forward a year, as next autumn's plan: 2025–2027, 2025 and 2026 as planned but
 * Kansli 2026 at 2 150, 2027 as 2026, the opening equity BASE's closing 2024.
 */
export const NEXT_YEAR: Draft = {
  ...BASE,
  title: 'Budget för 2025',
  firstYear: 2025,
  years: [2025, 'Plan 2026', 'Plan 2027'],
  opening: 1900,
  income: BASE.income.map(([label, a]): Line => [label, [a[1], a[2], a[2]]]),
  costs: BASE.costs.map(([label, a]): Line => [label, [a[1], label === 'Kansli' ? 2150 : a[2], a[2]]]),
};
