import { isNegative, isZero } from '../amount';
import { sideFromLabel } from '../labels';
import type { BudgetTable, Term } from '../model';

// What a year's result is made of: which rows are its income and which its costs. Plans written
// by hand show costs as positive amounts and the result as intäkter − kostnader; a resultatbudget
// exported from an economy system shows costs as negative amounts and adds them (domain.md,
// "Signs"). Both give the income and the costs (as positive amounts) the equity chain closes on.

/**
 * A year's income and costs, as signed terms of the table's rows: from the result row (income −
 * costs), or from closing = available − costs, or from the equity chain's closing, or from a
 * resultatbudget's result whose costs are negative amounts.
 */
export function incomeAndCosts(table: BudgetTable, termsOf: Map<number, Term[]>, openingRow: number): { income: Term[]; costs: Term[] } | null {
  const difference = (row: number) => {
    const terms = termsOf.get(row);
    return terms && terms.some((t) => t.sign === -1) ? terms : null;
  };
  const result = table.rows.findIndex((r, i) => r.role === 'result' && difference(i));
  if (result >= 0) {
    const terms = difference(result)!;
    return { income: terms.filter((t) => t.sign === 1), costs: terms.filter((t) => t.sign === -1).map((t) => ({ ...t, sign: 1 })) };
  }
  const closing = table.rows.findIndex((r, i) => r.role === 'closing-equity' && difference(i));
  const available = closing >= 0 ? difference(closing)! : table.carry[0]?.terms;
  if (!available || !available.some((t) => t.sign === -1)) return resultOfSignedAmounts(table, termsOf);
  const plus = available.filter((t) => t.sign === 1);
  // The parts of an `available` row in its place (what flatMap gave, without an array per term).
  const income: Term[] = [];
  for (const t of plus) {
    const inner = table.rows[t.row].role === 'available' ? termsOf.get(t.row) : undefined;
    for (const u of inner ?? [t]) if (u.row !== openingRow) income.push(u);
  }
  return { income, costs: available.filter((t) => t.sign === -1).map((t) => ({ ...t, sign: 1 })) };
}

/**
 * A resultatbudget exported from an economy system writes costs as negative amounts and adds:
 * `Verksamhetens resultat` = intäkter + kostnader, `Årets resultat` = verksamhetens resultat +
 * finansiella intäkter + finansiella kostnader (or + `Finansiella poster`, their net). The result
 * the table ends on (the one no other result holds) is taken apart: its cost parts are the costs,
 * with their sign turned, the others the income — and a part that is neither (a result inside it,
 * a net like `Finansiella poster`) is taken apart into its own parts.
 */
function resultOfSignedAmounts(table: BudgetTable, termsOf: Map<number, Term[]>): { income: Term[]; costs: Term[] } | null {
  const isResult = (row: number) => table.rows[row].role === 'result' && termsOf.has(row);
  const inner = new Set<number>();
  for (const [target, terms] of termsOf) if (isResult(target)) for (const t of terms) inner.add(t.row);
  let last = -1;
  for (let i = table.rows.length - 1; i >= 0 && last < 0; i--) if (isResult(i) && !inner.has(i)) last = i;
  if (last < 0) return null;
  const income: Term[] = [];
  const costs: Term[] = [];
  for (const part of signedParts(table, termsOf, termsOf.get(last)!, 1)) {
    if (part.cost) costs.push({ row: part.row, sign: (-part.sign) as 1 | -1 });
    else income.push({ row: part.row, sign: part.sign });
  }
  return income.length > 0 && costs.length > 0 ? { income, costs } : null;
}

interface SignedPart extends Term {
  cost: boolean;
}

/**
 * The parts of a sum, each money in or money out. A part whose label says which (`Verksamhetens
 * kostnader`, `Verksamhetens intäkter`) is one part; a line is a cost when subtracted, named a cost
 * or below zero in every column; a result, or a sum that says neither, is its own parts — or one
 * part, where they all go the same way.
 */
function signedParts(table: BudgetTable, termsOf: Map<number, Term[]>, terms: readonly Term[], sign: 1 | -1): SignedPart[] {
  const out: SignedPart[] = [];
  for (const t of terms) {
    const s = (t.sign * sign) as 1 | -1;
    const { label, role } = table.rows[t.row];
    const inner = termsOf.get(t.row);
    const side = sideFromLabel(label);
    if (!inner || (role !== 'result' && side !== 'unknown')) {
      out.push({ row: t.row, sign: s, cost: s === -1 || side === 'cost' || belowZero(table, t.row) });
      continue;
    }
    const parts = signedParts(table, termsOf, inner, s);
    if (role !== 'result' && parts.every((p) => p.cost === parts[0].cost)) out.push({ row: t.row, sign: s, cost: parts[0].cost });
    else out.push(...parts);
  }
  return out;
}

/** Below zero in every column it fills. */
function belowZero(table: BudgetTable, row: number): boolean {
  const values = table.rows[row].values.filter((v) => v !== null);
  return values.length > 0 && values.every((v) => isNegative(v!) && !isZero(v!));
}
