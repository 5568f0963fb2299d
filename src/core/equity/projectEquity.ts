import { ZERO_AMOUNT, amountOfMoney, minus, plus, plusSigned, type Amount } from '../amount';
import type { BudgetTable, Term } from '../model';
import type { Recomputed } from '../recompute';
import type { Settings } from '../settings';
import type { EquityShape } from './shape';
import { closingOf } from '../rules/carryOver';
import { reserveLimit } from '../rules/reserveLimit';

export interface EquityYear {
  year: number;
  /** Table-column index of the year in the chain. */
  column: number;
  opening: Amount;
  income: Amount;
  costs: Amount;
  result: Amount;
  closing: Amount;
  /** The closing the table itself states (a closing row, or next year's opening), if any. */
  statedClosing: Amount | null;
  source: 'stated' | 'projected';
  allocation: Amount | null;
  percent: Amount | null;
  limit: Amount | null;
  excess: Amount | null;
}

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
    // The flow's result is income − costs already.
    const { income, costs, result } = flows[start.index + i];
    const closing = closingOf(opening, income, costs);
    const statedClosing = statedClosingOf(table, shape, col, chain[i + 1]);
    const allocation = shape.allocation.length > 0 ? sumOfRows(recomputed, shape.allocation, col) : null;
    years.push({
      year: table.columns[col].year, column: col, opening, income, costs, result, closing,
      statedClosing, source: statedClosing !== null ? 'stated' : 'projected', allocation,
      ...reserveLimit(settings.reserve, table.unit, allocation, costs, closing),
    });
    opening = closing;
  });
  return years;
}

export interface YearFlow {
  year: number;
  column: number;
  income: Amount;
  costs: Amount;
  result: Amount;
}

/** Income, costs and result per year of the chain, whether or not the table states equity. */
export function yearFlows(table: BudgetTable, recomputed: Recomputed, shape: EquityShape | null): YearFlow[] {
  if (!shape) return [];
  return shape.chain.map((col) => {
    const income = signedSum(recomputed, shape.income, col);
    const costs = signedSum(recomputed, shape.costs, col);
    return { year: table.columns[col].year, column: col, income, costs, result: minus(income, costs) };
  });
}

function startOfChain(table: BudgetTable, recomputed: Recomputed, shape: EquityShape, settings: Settings): { index: number; opening: Amount } | null {
  if (shape.opening.length > 0) {
    const col = shape.chain[0];
    return { index: 0, opening: signedSum(recomputed, shape.opening, col) };
  }
  const given = settings.openingEquity;
  if (!given) return null;
  const index = shape.chain.findIndex((col) => table.columns[col].year === given.year);
  return index < 0 ? null : { index, opening: amountOfMoney(given.amount) };
}

/** Σ sign · amount of the terms in one column. */
function signedSum(recomputed: Recomputed, terms: Term[], col: number): Amount {
  let sum: Amount = ZERO_AMOUNT;
  for (const t of terms) sum = plusSigned(sum, recomputed.amount({ row: t.row, col }), t.sign);
  return sum;
}

function sumOfRows(recomputed: Recomputed, rows: number[], col: number): Amount {
  let sum: Amount = ZERO_AMOUNT;
  for (const row of rows) sum = plus(sum, recomputed.amount({ row, col }));
  return sum;
}

function statedClosingOf(table: BudgetTable, shape: EquityShape, col: number, nextCol: number | undefined): Amount | null {
  if (shape.closingRow !== null) return table.rows[shape.closingRow].values[col];
  if (shape.openingRow !== null && nextCol !== undefined) return table.rows[shape.openingRow].values[nextCol];
  return null;
}
