import { Money } from '../money';
import type { Unit } from '../numbers';
import { toDecimalString } from '../format';

/**
 * The few operations a comparison makes on amounts, in one place: the engine's exact Money and
 * nothing else, never a float.
 */
export type Amount = Money;

const KRONOR: Record<Unit, number> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

/** The finer of two units: amounts of both are then exact in it (1 tkr = 1 000 kr). */
export function finerUnit(a: Unit, b: Unit): Unit {
  return KRONOR[a] <= KRONOR[b] ? a : b;
}

/** An amount in `from` written in the finer or equal unit `to`. */
export function inUnit(value: Amount, from: Unit, to: Unit): Amount {
  return from === to ? value : value.times(KRONOR[from] / KRONOR[to]);
}

export function amountDifference(oldValue: Amount, newValue: Amount): Amount {
  return newValue.minus(oldValue);
}

export function negatedAmount(a: Amount): Amount {
  return a.negated();
}

export function sameAmount(a: Amount, b: Amount): boolean {
  return a.eq(b);
}

export function isZeroAmount(a: Amount): boolean {
  return a.isZero();
}

/** Orders by size, whatever the sign: the biggest change first. */
export function compareMagnitude(a: Amount, b: Amount): number {
  return a.abs().cmp(b.abs());
}

/** The JSON contract's decimal string ('.' as separator, no grouping); −0 is written 0. */
export function amountString(a: Amount): string {
  return a.isZero() ? '0' : toDecimalString(a);
}
