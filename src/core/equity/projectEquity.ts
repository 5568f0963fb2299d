import { Money, ZERO, exactSumOr, sumMoney } from '../money';
import type { Unit } from '../numbers';
import type { BudgetTable, Term } from '../model';
import type { Recomputed } from '../recompute';
import type { ReserveSettings, Settings } from '../settings';
import type { EquityShape } from './shape';

export interface EquityYear {
  year: number;
  /** Table-column index of the year in the chain. */
  column: number;
  opening: Money;
  income: Money;
  costs: Money;
  result: Money;
  closing: Money;
  /** The closing the table itself states (a closing row, or next year's opening), if any. */
  statedClosing: Money | null;
  source: 'stated' | 'projected';
  allocation: Money | null;
  percent: Money | null;
  limit: Money | null;
  excess: Money | null;
}

const KRONOR_PER_UNIT: Record<Unit, Money> = { kr: new Money(1), tkr: new Money(1000), mkr: new Money(1_000_000) };
const HUNDREDTH = new Money('0.01');

/**
 * closing = opening + income − costs, and next year's opening = this closing;
 * income and costs are recomputed totals, never stated ones. The first
 * opening is the table's own, or the user's where the table states none.
 */
export function projectEquity(table: BudgetTable, recomputed: Recomputed, shape: EquityShape | null, settings: Settings, flows: YearFlow[] = yearFlows(table, recomputed, shape)): EquityYear[] {
  if (!shape) return [];
  const start = startOfChain(table, recomputed, shape, settings);
  if (!start) return [];
  const years: EquityYear[] = [];
  let opening = start.opening;
  shape.chain.slice(start.index).forEach((col, i, chain) => {
    // The flow's result is income − costs already: the same Money serves both.
    const { income, costs, result } = flows[start.index + i];
    const closing = exactSumOr([opening, income, costs], OPENING_PLUS_INCOME_LESS_COSTS, () => opening.plus(income).minus(costs));
    const statedClosing = statedClosingOf(table, shape, col, chain[i + 1]);
    const allocation = shape.allocation.length > 0 ? sumOfRows(recomputed, shape.allocation, col) : null;
    years.push({
      year: table.columns[col].year, column: col, opening, income, costs, result, closing,
      statedClosing, source: statedClosing ? 'stated' : 'projected', allocation,
      ...reserveLimit(settings.reserve, table.unit, allocation, costs, closing),
    });
    opening = closing;
  });
  return years;
}

export interface YearFlow {
  year: number;
  column: number;
  income: Money;
  costs: Money;
  result: Money;
}

/** Income, costs and result per year of the chain, whether or not the table states equity. */
export function yearFlows(table: BudgetTable, recomputed: Recomputed, shape: EquityShape | null): YearFlow[] {
  if (!shape) return [];
  return shape.chain.map((col) => {
    const income = signedSum(recomputed, shape.income, col);
    const costs = signedSum(recomputed, shape.costs, col);
    return { year: table.columns[col].year, column: col, income, costs, result: difference(income, costs) };
  });
}

function startOfChain(table: BudgetTable, recomputed: Recomputed, shape: EquityShape, settings: Settings): { index: number; opening: Money } | null {
  if (shape.opening.length > 0) {
    const col = shape.chain[0];
    return { index: 0, opening: signedSum(recomputed, shape.opening, col) };
  }
  const given = settings.openingEquity;
  if (!given) return null;
  const index = shape.chain.findIndex((col) => table.columns[col].year === given.year);
  return index < 0 ? null : { index, opening: given.amount };
}

// Sums of whole thousandths are made as one Money each (money.ts, exactSumOr), the Decimal
// expressions being the reference — and what is computed where the values are not whole thousandths.

/** Σ sign · value of the terms in one column. */
function signedSum(recomputed: Recomputed, terms: Term[], col: number): Money {
  const values = terms.map((t) => recomputed.value({ row: t.row, col }));
  return exactSumOr(values, terms.map((t) => t.sign), () => sumMoney(values.map((v, i) => v.times(terms[i].sign))));
}

function sumOfRows(recomputed: Recomputed, rows: number[], col: number): Money {
  const values = rows.map((row) => recomputed.value({ row, col }));
  return exactSumOr(values, null, () => sumMoney(values));
}

const OPENING_PLUS_INCOME_LESS_COSTS: readonly (1 | -1)[] = [1, 1, -1];
const PLUS_MINUS: readonly (1 | -1)[] = [1, -1];

const difference = (a: Money, b: Money): Money => exactSumOr([a, b], PLUS_MINUS, () => a.minus(b));

function statedClosingOf(table: BudgetTable, shape: EquityShape, col: number, nextCol: number | undefined): Money | null {
  if (shape.closingRow !== null) return table.rows[shape.closingRow].values[col];
  if (shape.openingRow !== null && nextCol !== undefined) return table.rows[shape.openingRow].values[nextCol];
  return null;
}

/** The guideline: a percentage of the allocation (or of costs), the step chosen by the allocation's size in kronor. */
export function reserveLimit(reserve: ReserveSettings, unit: Unit, allocation: Money | null, costs: Money, closing: Money): Pick<EquityYear, 'percent' | 'limit' | 'excess'> {
  const base = reserve.base === 'costs' ? costs : allocation;
  if (!base) return { percent: null, limit: null, excess: null };
  // The allocation in kronor decides the step only where a step has an upper bound (not the default single step).
  let inKronor: Money | undefined;
  const step = reserve.brackets.find((b) => b.upToKr === null || (inKronor ??= (allocation ?? costs).times(KRONOR_PER_UNIT[unit])).lte(b.upToKr))
    ?? reserve.brackets[reserve.brackets.length - 1];
  // × 0.01 is ÷ 100 exactly (the digits only shift), without a long division.
  const limit = base.times(step.percent).times(HUNDREDTH);
  return { percent: step.percent, limit, excess: closing.gt(limit) ? closing.minus(limit) : ZERO };
}

