import { amountOf, amountOfInteger, dividedBy, larger, times, type Amount } from '../amount';
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
