import Decimal from 'decimal.js';

/**
 * The engine's one Decimal constructor. A clone, so that nothing we set leaks
 * into another library's Decimal (no global Decimal.set).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

/**
 * Excel stores numbers as IEEE doubles; cached formula results carry float
 * noise (3463888.9999999995). Fifteen significant digits is what Excel itself
 * shows, so that is the precision we trust.
 */
export function moneyFromNumber(value: number): Money {
  return new Money(Number(value.toPrecision(15)).toString());
}

export function sumMoney(values: readonly Money[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}
