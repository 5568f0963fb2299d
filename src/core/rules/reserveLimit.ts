import { ZERO_AMOUNT, amountOf, amountOfInteger, amountOfMoney, atMost, compare, minus, times, type Amount } from '../amount';
import { Money } from '../money';
import type { Unit } from '../numbers';
import { DEFAULT_RESERVE_TEXT } from './reserveDefault';

// The reserve limit: the national guideline for how much equity a förbund may keep — a
// percentage of the members' allocation (or of the costs), by a staircase of the allocation's
// size — and how far a year's closing equity is above it.

/** One step of the guideline: allocation up to `upToKr` (kronor) → at most `percent` %. */
export interface ReserveBracket {
  upToKr: Money | null;
  percent: Money;
}

export interface ReserveSettings {
  /** The national guideline is a staircase by size; the default is the single 20 % step. */
  brackets: ReserveBracket[];
  /** What the percentage is of: the members' allocation (default) or total costs. */
  base: 'allocation' | 'costs';
}

/** The guideline as the engine applies it unless told otherwise: at most 20 % of the members' allocation, whatever its size. */
export const DEFAULT_RESERVE: ReserveSettings = { brackets: [{ upToKr: null, percent: new Money(DEFAULT_RESERVE_TEXT.percent) }], base: DEFAULT_RESERVE_TEXT.base };

export interface ReserveLimit {
  /** The step's percentage, the limit it gives, and the closing's excess over it (0 at or below). */
  percent: Amount | null;
  limit: Amount | null;
  excess: Amount | null;
}

const KRONOR_PER_UNIT: Record<Unit, Amount> = { kr: amountOfInteger(1), tkr: amountOfInteger(1000), mkr: amountOfInteger(1_000_000) };
const HUNDREDTH = amountOf('0.01');

/**
 * The guideline for one year: the step chosen by the allocation's size in kronor (the costs' where
 * the table states no allocation), its percentage of the base, and how far `closing` is above it.
 * No base (an allocation the table does not state), no limit.
 */
export function reserveLimit(reserve: ReserveSettings, unit: Unit, allocation: Amount | null, costs: Amount, closing: Amount): ReserveLimit {
  const base = reserve.base === 'costs' ? costs : allocation;
  if (base === null) return { percent: null, limit: null, excess: null };
  // The allocation in kronor decides the step only where a step has an upper bound (not the default single step).
  let inKronor: Amount | undefined;
  const step = reserve.brackets.find((b) => b.upToKr === null || atMost((inKronor ??= times(allocation ?? costs, KRONOR_PER_UNIT[unit])), amountOfMoney(b.upToKr)))
    ?? reserve.brackets[reserve.brackets.length - 1];
  const percent = amountOfMoney(step.percent);
  const limit = times(times(base, percent), HUNDREDTH);
  return { percent, limit, excess: compare(closing, limit) > 0 ? minus(closing, limit) : ZERO_AMOUNT };
}
