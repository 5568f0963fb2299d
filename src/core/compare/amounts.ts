import { abs, amountOfInteger, compare, decimalText, isZero, times, ZERO_AMOUNT, type Amount } from '../amount';
import type { Unit } from '../numbers';

// What a comparison adds to the engine's one arithmetic (amount.ts): two versions may state their
// tables in different units, so amounts are compared in the finer one; and changes are ordered
// by size, whatever their sign.

export type { Amount };

const KRONOR: Record<Unit, number> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

/** The finer of two units: amounts of both are then exact in it (1 tkr = 1 000 kr). */
export function finerUnit(a: Unit, b: Unit): Unit {
  return KRONOR[a] <= KRONOR[b] ? a : b;
}

/** An amount in `from` written in the finer or equal unit `to`. */
export function inUnit(value: Amount, from: Unit, to: Unit): Amount {
  return from === to ? value : times(value, amountOfInteger(KRONOR[from] / KRONOR[to]));
}

/** Orders by size, whatever the sign: the biggest change first. */
export function compareMagnitude(a: Amount, b: Amount): number {
  return compare(abs(a), abs(b));
}

/** Items by the biggest of their changes, whatever its sign, the biggest first; equal ones keep their order. */
export function biggestChangeFirst<T>(items: readonly T[], differencesOf: (item: T) => Amount[]): T[] {
  const biggest = (item: T) => differencesOf(item).reduce((a, b) => (compareMagnitude(a, b) >= 0 ? a : b), ZERO_AMOUNT);
  return items.map((item) => ({ item, size: biggest(item) }))
    .sort((a, b) => compareMagnitude(b.size, a.size))
    .map((x) => x.item);
}

/** The JSON contract's decimal string ('.' as separator, no grouping); −0 is written 0. */
export function amountString(a: Amount): string {
  return isZero(a) ? '0' : decimalText(a);
}
