import { minus, plus, withinTolerance, type Amount } from '../amount';
import type { RowRole, Side } from '../labels';
import type { CarryRelation, RowRelation, TableColumn, Term } from '../model';
import { termSum } from '../recognize/score';

// The carry-over chain: this year's opening equity is last year's closing. Which column speaks
// for a year, which years link, what the closing is, and how a year closes — here, once.

interface Row {
  role: RowRole;
  side: Side;
  values: (Amount | null)[];
}

/**
 * The equity chain: this year's opening equity is last year's closing. The
 * closing is a stated row (`Medel till förfogande`, `Eget kapital, UB`), or,
 * where a table states none (seed 004), the money available less the costs.
 */
export function inferCarry(rows: Row[], roles: RowRole[], relations: RowRelation[], columns: TableColumn[], tolerance: Amount): CarryRelation[] {
  const opening = roles.findIndex((r, i) => r === 'opening-equity' && rows[i].values.some((v) => v !== null));
  if (opening < 0) return [];
  const terms = closingTerms(roles, rows, relations, opening);
  if (!terms) return [];
  const links = chainLinks(columns).filter(([, to]) => rows[opening].values[to] !== null);
  if (links.length === 0) return [];
  // A chain that holds nowhere is a misreading of the table, not a list of breaks.
  const holding = links.filter(([from, to]) => withinTolerance(rows[opening].values[to]!, termSum(rows, terms, from), tolerance));
  if (links.length >= 2 && holding.length === 0) return [];
  return [{ target: opening, terms, links }];
}

function closingTerms(roles: RowRole[], rows: Row[], relations: RowRelation[], opening: number): Term[] | null {
  const closing = roles.findIndex((r, i) => r === 'closing-equity' && rows[i].values.some((v) => v !== null));
  if (closing >= 0) return [{ row: closing, sign: 1 }];
  const available = relations.find((rel) => roles[rel.target] === 'available' && rel.terms.some((t) => t.row === opening));
  if (!available) return openingPlusResult(roles, rows, relations, opening);
  // A term of some relation; asked only of the few cost totals below `available`.
  const nested = (row: number) => relations.some((rel) => rel.terms.some((t) => t.row === row));
  let costTotal = -1;
  for (let i = roles.length - 1; i > available.target; i--) {
    if (roles[i] === 'total' && rows[i].side === 'cost' && !nested(i)) {
      costTotal = i;
      break;
    }
  }
  return costTotal >= 0 ? [{ row: available.target, sign: 1 }, { row: costTotal, sign: -1 }] : null;
}

/**
 * A table that states only the opening of each year (`Eget kapital vid årets början`) closes a
 * year as its opening plus its result: the result the table computes last (`Årets resultat`
 * after `Verksamhetens resultat`), never one inside another.
 */
function openingPlusResult(roles: RowRole[], rows: Row[], relations: RowRelation[], opening: number): Term[] | null {
  const inside = (row: number) => relations.some((rel) => rel.terms.some((t) => t.row === row));
  for (let i = roles.length - 1; i >= 0; i--) {
    if (i === opening || roles[i] !== 'result' || inside(i)) continue;
    if (!relations.some((rel) => rel.target === i) || !rows[i].values.some((v) => v !== null)) continue;
    return [{ row: opening, sign: 1 }, { row: i, sign: 1 }];
  }
  return null;
}

const CHAIN_PREFERENCE = { utfall: 0, prognos: 1, budget: 2, plan: 2 } as const;

/**
 * The column that speaks for a year in the chain: for a year with several columns the outcome,
 * else the forecast, else the budget (domain.md, "Column kinds").
 */
export function preferredColumn(columns: TableColumn[], year: number): number {
  let best = -1;
  columns.forEach((c, i) => {
    if (c.year === year && (best < 0 || CHAIN_PREFERENCE[c.kind] < CHAIN_PREFERENCE[columns[best].kind])) best = i;
  });
  return best;
}

/**
 * [from, to] column pairs: every column's opening is the closing of the column that speaks for
 * the year before — an outcome or a forecast as much as a budget or a plan (`Utfall 2023 |
 * Prognos 2024 | Budget 2025`: 2024's forecast opens with 2023's outcome).
 */
export function chainLinks(columns: TableColumn[]): [number, number][] {
  const links: [number, number][] = [];
  columns.forEach((to, toIndex) => {
    const from = preferredColumn(columns, to.year - 1);
    if (from >= 0) links.push([from, toIndex]);
  });
  return links;
}

/** One table column per year, in year order: the column that speaks for it, from the first year on until a year is missing. */
export function chainColumns(columns: TableColumn[]): number[] {
  let year = Infinity;
  for (const c of columns) if (c.year < year) year = c.year;
  const chain: number[] = [];
  for (let col = preferredColumn(columns, year); col >= 0; col = preferredColumn(columns, ++year)) chain.push(col);
  return chain;
}

/** How a year closes: its opening plus its income less its costs — next year's opening. */
export function closingOf(opening: Amount, income: Amount, costs: Amount): Amount {
  return minus(plus(opening, income), costs);
}
