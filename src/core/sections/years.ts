import type { BudgetTable } from '../model';

export interface PlanYears {
  budget: number;
  plan: number[];
}

/**
 * The budget year and the plan years after it. A plan is the budget year and
 * the two after it, so with three or more years the budget year is the last
 * but two (seed 000's 2023 column is last year's figures).
 */
export function planYears(table: BudgetTable): PlanYears {
  const years = [...new Set(table.columns.filter((c) => c.kind === 'budget' || c.kind === 'plan').map((c) => c.year))].sort((a, b) => a - b);
  const budget = years.length >= 3 ? years[years.length - 3] : years[0];
  return { budget, plan: years.filter((y) => y > budget) };
}
