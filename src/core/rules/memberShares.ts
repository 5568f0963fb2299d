import { ZERO_AMOUNT, amountOf, amountOfInteger, amountOfMoney, dividedBy, isNegative, isZero, minus, plus, shareText, times, withinTolerance, type Amount } from '../amount';
import type { Money } from '../money';
import type { BudgetTable } from '../model';
import type { Recomputed } from '../recompute';
import { isErrorCell } from '../relations';
import type { EquityShape } from '../equity/shape';
import { toleranceForRows } from './roundingTolerance';

// Member shares: by the law on financial coordination the state pays half of the allocation, the
// region a quarter and the municipalities together a quarter, split between them as the
// förbundsordning says. Who the members are, what each pays year by year, and how far that is
// from its share — here, once.

export type MemberGroup = 'state' | 'region' | 'municipalities';

export interface ShareYear {
  year: number;
  column: number;
  allocation: Amount;
  amounts: Record<MemberGroup, Amount>;
  /** Each municipality's amount, for a stated split of the municipal quarter. */
  municipalities: { row: number; label: string; amount: Amount }[];
}

export interface Members {
  rows: Record<MemberGroup, number[]>;
}

const STATE = /staten|statlig|försäkringskassan|arbetsförmedlingen/i;
// `Region Skåne`, `Medlemsavgift Region Västerland`, `Västra Götalandsregionen`, `Landstinget`.
const REGION = /region(en)?\b|landsting/i;

/** The state or the region by its label; any other member is a municipality (`Järfälla`, `Kommunerna`), told by its place among the members. */
export function memberGroupOf(label: string): 'state' | 'region' | null {
  return STATE.test(label) ? 'state' : REGION.test(label) ? 'region' : null;
}

/**
 * The members behind the allocation: the state (Försäkringskassan, also for
 * Arbetsförmedlingen), the region, and the municipalities — `… kommun`,
 * `… stad`, or simply a name (`Järfälla`) among the members.
 */
export function identifyMembers(table: BudgetTable, shape: EquityShape | null): Members | null {
  if (!shape || shape.allocation.length === 0) return null;
  const rows: Record<MemberGroup, number[]> = { state: [], region: [], municipalities: [] };
  for (const row of shape.allocation) {
    // No member pays a negative amount: `Avgår återbetalning −200` adjusts the allocation, it is no municipality.
    if (isAdjustment(table.rows[row].values)) continue;
    rows[memberGroupOf(table.rows[row].label) ?? 'municipalities'].push(row);
  }
  // Without a state and a region among the rows (002: one `Nettoomsättning`), shares cannot be told.
  return rows.state.length > 0 && rows.region.length > 0 && rows.municipalities.length > 0 ? { rows } : null;
}

/** A row whose every amount is below zero. */
function isAdjustment(values: readonly (Amount | null)[]): boolean {
  let any = false;
  for (const v of values) {
    if (v === null) continue;
    if (!isNegative(v) || isZero(v)) return false;
    any = true;
  }
  return any;
}

export function memberShares(table: BudgetTable, recomputed: Recomputed, shape: EquityShape | null, members: Members | null): ShareYear[] {
  if (!shape || !members) return [];
  const value = (row: number, col: number) => recomputed.amount({ row, col });
  const sum = (rows: number[], col: number) => rows.reduce<Amount>((acc, row) => plus(acc, value(row, col)), ZERO_AMOUNT);
  return shape.chain.map((col) => {
    const amounts = {
      state: sum(members.rows.state, col),
      region: sum(members.rows.region, col),
      municipalities: sum(members.rows.municipalities, col),
    };
    const { state, region, municipalities } = amounts;
    return {
      year: table.columns[col].year,
      column: col,
      allocation: plus(plus(state, region), municipalities),
      amounts,
      municipalities: members.rows.municipalities.map((row) => ({ row, label: table.rows[row].label, amount: value(row, col) })),
    };
  }).filter((y) => !isZero(y.allocation) && !hasErrorAmount(table, members, y.column));
}

/** A year with an error value among the members' amounts has no shares to tell. */
function hasErrorAmount(table: BudgetTable, members: Members, col: number): boolean {
  const { state, region, municipalities } = members.rows;
  const anyError = (rows: number[]) => rows.some((row) => isErrorCell(table, row, col));
  return anyError(state) || anyError(region) || anyError(municipalities);
}

export const EXPECTED_SHARE: Record<MemberGroup, number> = { state: 0.5, region: 0.25, municipalities: 0.25 };

/** What the region and the municipalities each pay for every krona of the state's: ¼ / ½. */
const OF_THE_STATE = amountOf(String(EXPECTED_SHARE.region / EXPECTED_SHARE.state));
const HUNDRED = amountOfInteger(100);

export interface ShareDeviation {
  /** What the member should pay, and how far its amount is from it. */
  expected: Amount;
  difference: Amount;
  /** The actual share, to four decimals. */
  share: string;
}

/** The groups measured against the state: the region and the municipalities. */
export const MATCHING_GROUPS: readonly Exclude<MemberGroup, 'state'>[] = ['region', 'municipalities'];

/**
 * How far the region's or the municipalities' amount is from half the state's, or null within
 * rounding. The state's amount is the reference: Försäkringskassan's is set by the national
 * allocation model and the other members match it (finsam.se, "Finansiering från parterna") — so
 * a shortfall of the municipalities is one deviation, theirs, not a share too large for the state
 * and the region besides. The group's figure is rounded once per row, so each of its `rows` may
 * add half a unit.
 */
export function groupDeviation(year: ShareYear, group: Exclude<MemberGroup, 'state'>, rows: number, tolerance: Amount): ShareDeviation | null {
  const actual = year.amounts[group];
  const expected = times(year.amounts.state, OF_THE_STATE);
  if (withinTolerance(actual, expected, toleranceForRows(tolerance, rows))) return null;
  return { expected, difference: minus(actual, expected), share: shareText(actual, year.allocation) };
}

/** How far a municipality's amount is from its `percent` of the municipalities' quarter, or null within rounding. */
export function splitDeviation(year: ShareYear, amount: Amount, percent: Money, tolerance: Amount): ShareDeviation | null {
  const expected = dividedBy(times(year.amounts.municipalities, amountOfMoney(percent)), HUNDRED);
  if (withinTolerance(amount, expected, tolerance)) return null;
  return { expected, difference: minus(amount, expected), share: shareText(amount, year.amounts.municipalities) };
}

/** `Upplands Bro` and `Upplands-Bro kommun` are the same municipality. */
export function sameMunicipality(label: string, name: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/kommun|stad/g, '').replace(/[^a-zåäö]/g, '');
  const a = norm(label);
  const b = norm(name);
  return a.length > 0 && b.length > 0 && (a.startsWith(b) || b.startsWith(a));
}


