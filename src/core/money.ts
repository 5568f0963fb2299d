import Decimal from 'decimal.js';

/**
 * The engine's one Decimal constructor. A clone, so that nothing we set leaks
 * into another library's Decimal (no global Decimal.set).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

/**
 * The Money of a finite double from excelDouble: new Money(String(double)), without the string.
 * A Decimal built from a number reads the number's shortest form, which is what String() writes;
 * only the sign of zero differs (String(-0) is '0').
 */
export function moneyOfExcelDouble(double: number): Money {
  return new Money(double === 0 ? 0 : double);
}

/**
 * The double nearest to `value` rounded to fifteen significant digits:
 * Number(value.toPrecision(15)), without formatting a string for the usual
 * amounts. Whole numbers of at most fifteen digits, and amounts whose
 * hundredths are a whole number of at most fourteen digits, already are that
 * double (a decimal of at most fifteen digits is the only one its double
 * rounds back to).
 */
export function excelDouble(value: number): number {
  if (Number.isSafeInteger(value) && Math.abs(value) < 1e15) return value;
  const hundredths = Math.round(value * 100);
  if (Math.abs(hundredths) < 1e14 && hundredths / 100 === value) return value;
  return Number(value.toPrecision(15));
}
