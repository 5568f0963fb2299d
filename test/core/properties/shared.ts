/**
 * What the property tests share: analysing a generated table, the findings that matter, and a
 * finding in words. Every oracle is plain decimal.js arithmetic done in the tests or in
 * test/helpers/arbitraries.ts, never engine code.
 */
import fc from 'fast-check';
import { decimalText, type Amount } from '../../../src/core/amount';
import { analyzeGrid, type Analysis, type TableAnalysis } from '../../../src/core/analyze';
import { toA1 } from '../../../src/core/address';
import type { CellValue } from '../../../src/core/grid';
import type { CellRef, Finding } from '../../../src/core/findings';
import { gridOf, hasYearLikeRow, type BudgetSpec } from '../../helpers/arbitraries';

/** PROPERTY_RUNS_SCALE=20 npx jest test/core/properties soaks every property with 20× the runs. */
const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
export const runs = (n: number): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

export const cellOf = (ref: CellRef): string => toA1(ref.row, ref.col);

/** An amount of the engine's as the report writes it. */
export const str = (a: Amount | null): string | null => (a === null ? null : decimalText(a));

function onlyTable(analysis: Analysis): TableAnalysis {
  expect(analysis.tables).toHaveLength(1);
  return analysis.tables[0];
}

export function analyzeValues(values: CellValue[][], sheetName = 'Budget'): TableAnalysis {
  return onlyTable(analyzeGrid(gridOf(values, sheetName)));
}

/** Skips a generated table holding a row that reads as a header row (see hasYearLikeRow). */
export function analyzable(...grids: CellValue[][][]): void {
  fc.pre(grids.every((values) => !hasYearLikeRow(values)));
}

/**
 * Findings that judge the budget's content rather than its arithmetic: random
 * amounts do not split ½ state, ¼ region, ¼ municipalities, so the member-share
 * warning is left out where a property speaks of totals.
 */
const ABOUT_CONTENT: ReadonlySet<string> = new Set(['share-deviation']);

/** Errors and warnings about the arithmetic: what a correct table must not have. */
export const serious = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity !== 'info' && !ABOUT_CONTENT.has(f.code));

/** Errors, warnings and rounding notes about the arithmetic. */
export const seriousOrRounding = (findings: Finding[]): Finding[] => [...serious(findings), ...findings.filter((f) => f.code === 'rounding')];

/** A finding in words, for toEqual diffs a human can read. */
export function brief(f: Finding): string {
  return `${f.code} ${cellOf(f.at)} stated=${str(f.stated)} expected=${str(f.expected)}${f.causedBy ? ` causedBy=${cellOf(f.causedBy)}` : ''}`;
}

/** The hand-written table the generator's shape follows (see arbitraries.ts). */
export const EXAMPLE_SPEC: BudgetSpec = {
  title: 'Budget för 2024',
  years: [{ year: 2024, form: 'number' }, { year: 2025, form: 'Plan' }, { year: 2026, form: 'Plan' }],
  income: [{ label: 'Staten', values: [1000, 1050, 1100] }, { label: 'Region Skåne', values: [1000, 1050, 1100] }],
  groups: [
    { heading: 'Personal', totalLabel: 'Summa personal', lines: [{ label: 'Förbundschef', values: [900, 950, 1000] }, { label: 'Arbetsgivaravgifter', values: [300, 310, 320] }] },
    { heading: 'Insatser', totalLabel: 'Summa insatser', lines: [{ label: 'Projekt A', values: [500, 500, 500] }, { label: 'Projekt B', values: [200, 250, 300] }] },
  ],
};

export const EXAMPLE_GRID: CellValue[][] = [
  /*  1 */ ['Budget för 2024'],
  /*  2 */ [null, 2024, 'Plan 2025', 'Plan 2026'],
  /*  3 */ ['Intäkter', 'tkr', 'tkr', 'tkr'],
  /*  4 */ ['Staten', 1000, 1050, 1100],
  /*  5 */ ['Region Skåne', 1000, 1050, 1100],
  /*  6 */ ['Summa intäkter', 2000, 2100, 2200],
  /*  7 */ ['Kostnader'],
  /*  8 */ ['Personal'],
  /*  9 */ ['Förbundschef', 900, 950, 1000],
  /* 10 */ ['Arbetsgivaravgifter', 300, 310, 320],
  /* 11 */ ['Summa personal', 1200, 1260, 1320],
  /* 12 */ ['Insatser'],
  /* 13 */ ['Projekt A', 500, 500, 500],
  /* 14 */ ['Projekt B', 200, 250, 300],
  /* 15 */ ['Summa insatser', 700, 750, 800],
  /* 16 */ ['Summa kostnader', 1900, 2010, 2120],
  /* 17 */ ['Resultat', 100, 90, 80],
];

/** EXAMPLE_GRID with some rows replaced (1-based sheet row → new row). */
export const exampleWith = (rows: Record<number, CellValue[]>): CellValue[][] => EXAMPLE_GRID.map((row, i) => rows[i + 1] ?? row);
