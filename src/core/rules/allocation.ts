// What counts as allocation: the money the members (the state, the region, the municipalities)
// put in. The equity chain's income rows are its candidates; what comes from outside the members,
// and equity used as funding, is not allocation.

// Money from outside the members, and equity used as funding.
const EXTERNAL = /\besf\b|projektmedel|projekt|ränt|finansiell|extern|eget kapital|sparade medel|övrig finansiering|europeiska/i;

// A year's draw on equity booked among the income (`Ianspråktagande av eget kapital`) is not income.
const DRAW = /ianspråktag|uttag ur eget kapital|användning av eget kapital|disposition av eget kapital/i;

/** Whether an income row's label names the members' allocation (`Staten`, `Lunds kommun`), not ESF, project money or interest. */
export function isAllocation(label: string): boolean {
  return !EXTERNAL.test(label);
}

/** Whether an income row is a draw on the förbund's own equity: funding of the year, not income. */
export function isEquityDraw(label: string): boolean {
  return DRAW.test(label);
}
