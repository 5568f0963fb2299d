import type { BudgetTable, Term } from '../model';
import { chainColumns } from '../rules/carryOver';
import { allocationRows, isEquityDraw } from '../rules/allocation';
import { incomeAndCosts } from '../rules/yearResult';

/** Where a table keeps its equity: which rows are income, costs and opening equity. */
export interface EquityShape {
  /** One table column per year, in year order (an outcome or forecast supersedes the budget of its year). */
  chain: number[];
  income: Term[];
  costs: Term[];
  /** Rows that add up to the opening equity of a year; empty when the table states none (seed 003). */
  opening: Term[];
  closingRow: number | null;
  openingRow: number | null;
  /** Member allocation rows (external money such as ESF left out). */
  allocation: number[];
}

export function equityShape(table: BudgetTable): EquityShape | null {
  const termsOf = new Map<number, Term[]>();
  for (const r of table.relations) termsOf.set(r.target, r.terms);
  const roleOf = (i: number) => table.rows[i].role;
  const openingRow = table.rows.findIndex((r) => r.role === 'opening-equity' && r.values.some((v) => v !== null));
  const closingRow = table.rows.findIndex((r) => r.role === 'closing-equity' && r.values.some((v) => v !== null));
  const split = incomeAndCosts(table, termsOf, openingRow);
  if (!split) return null;
  const closingTerms = closingRow >= 0 ? termsOf.get(closingRow) ?? [] : [];
  const resultTerm = closingTerms.find((t) => roleOf(t.row) === 'result');
  const opening = resultTerm ? closingTerms.filter((t) => t !== resultTerm) : openingRow >= 0 ? [{ row: openingRow, sign: 1 as const }] : [];
  const incomeLeaves = leaves(split.income, termsOf);
  const draws = incomeLeaves.filter((row) => isEquityDraw(table.rows[row].label));
  return {
    chain: chainColumns(table.columns),
    income: [...split.income.filter((t) => !draws.includes(t.row)), ...draws.filter((row) => !split.income.some((t) => t.row === row)).map((row) => ({ row, sign: -1 as const }))],
    costs: split.costs,
    opening,
    closingRow: closingRow >= 0 ? closingRow : null,
    openingRow: openingRow >= 0 ? openingRow : null,
    allocation: allocationRows(split.income, termsOf, (row) => table.rows[row].label),
  };
}

/** The lines under the given rows, all the way down, in order (pushed into `out`). */
function leaves(terms: Term[], termsOf: Map<number, Term[]>, out: number[] = []): number[] {
  for (const t of terms) {
    const inner = termsOf.get(t.row);
    if (inner) leaves(inner, termsOf, out);
    else out.push(t.row);
  }
  return out;
}
