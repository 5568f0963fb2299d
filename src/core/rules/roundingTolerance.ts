import { amountOf, amountOfInteger, atMost, dividedBy, larger, times, type Amount } from '../amount';
import type { Unit } from '../numbers';

// The rounding tolerance: how far a stated figure may be from what its parts give and still be
// rounding rather than an error. Every comparison with it is amount.ts's withinTolerance.

const ONE = amountOfInteger(1);
const TENTH = amountOf('0.1');
const TWO = amountOfInteger(2);

/**
 * One unit of the table: kronor and thousands are written whole, so a total off by at most 1 is
 * rounding; millions are written with one decimal, so there it is 0,1.
 */
export function roundingTolerance(unit: Unit): Amount {
  return unit === 'mkr' ? TENTH : ONE;
}

/**
 * The tolerance for a figure made of `rows` rounded figures (a member group's several rows):
 * each may be off by half a unit, and the whole at least by the unit's own tolerance.
 */
export function toleranceForRows(tolerance: Amount, rows: number): Amount {
  return larger(tolerance, dividedBy(times(tolerance, amountOfInteger(rows)), TWO));
}

/**
 * Floating-point noise, no difference at all: a formula's cached result is a double, and a sum of
 * amounts with öre keeps binary noise past Excel's fifteen digits (94 408,48000000021, read as
 * 94 408,4800000002). No table shows a millionth of its unit.
 */
const NOISE = amountOf('0.000001');

/** Whether a difference (≥ 0) is only floating-point noise: then the figures agree. */
export function isNoDifference(difference: Amount): boolean {
  return atMost(difference, NOISE);
}
