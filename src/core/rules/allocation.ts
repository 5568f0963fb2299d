import type { Term } from '../model';

// What counts as allocation: the money the members (the state, the region, the municipalities)
// put in — their subtotal where the table has one (`Summa medlemsavgifter`, `Medlemsbidrag`,
// `Tilldelning från medlemmarna`), else the member lines. Other income is not allocation: other
// revenue, interest and financial income, ESF and other project money, sales, and equity used as
// funding (domain.md, "Member contributions"). The reserve base and the member shares are both
// computed on it.

// Income that is not the members': from outside them, of the förbund's own, or equity used as funding.
const NOT_ALLOCATION = /\besf\b|projektmedel|projekt|ränt|finansiell|extern|eget kapital|sparade medel|övrig(a)? (finansiering|intäkt)|försäljning|europeiska/i;

// A subtotal of the members' contributions: it names the members or their fees, not income at large.
const MEMBERS_SUBTOTAL = /medlemsavgift|medlemsbidrag|tilldelning|(bidrag|finansiering|intäkter|avgifter) från (medlem|huvudm|parter)|\bmedlemmar(na)?\b/i;

// A year's draw on equity booked among the income (`Ianspråktagande av eget kapital`) is not income.
const DRAW = /ianspråktag|uttag ur eget kapital|användning av eget kapital|disposition av eget kapital/i;

/** Whether an income line's label names a member's contribution (`Staten`, `Lunds kommun`), not other income, ESF, project money, sales or interest. */
export function isAllocation(label: string): boolean {
  return !NOT_ALLOCATION.test(label);
}

/** Whether a subtotal's label says it sums the members' contributions (`Summa medlemsavgifter`, `Medlemsbidrag`, `Tilldelning`). */
export function isMembersSubtotal(label: string): boolean {
  return MEMBERS_SUBTOTAL.test(label);
}

/** Whether an income row is a draw on the förbund's own equity: funding of the year, not income. */
export function isEquityDraw(label: string): boolean {
  return DRAW.test(label);
}

/**
 * The rows of the members' allocation among the income: the lines under the members' subtotals
 * where the income has any (each line once), else every income line that is allocation. `termsOf`
 * gives a subtotal's parts; a row without parts is a line.
 */
export function allocationRows(income: readonly Term[], termsOf: ReadonlyMap<number, readonly Term[]>, labelOf: (row: number) => string): number[] {
  const fromSubtotals: number[] = [];
  const lines: number[] = [];
  const visit = (terms: readonly Term[], underMembers: boolean): void => {
    for (const t of terms) {
      const inner = termsOf.get(t.row);
      if (!inner) (underMembers ? fromSubtotals : lines).push(t.row);
      else visit(inner, underMembers || isMembersSubtotal(labelOf(t.row)));
    }
  };
  visit(income, false);
  if (fromSubtotals.length > 0) return [...new Set(fromSubtotals)];
  return lines.filter((row) => isAllocation(labelOf(row)));
}
