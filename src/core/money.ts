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

/** Exact images of amounts as whole thousandths: sums of them in doubles are exact while they stay safe integers. */
export const MILLIS_PER_UNIT = 1000;

/**
 * The amount a double from excelDouble stands for (its shortest decimal form)
 * in whole thousandths, or NaN where that is not a whole number of at most
 * fourteen digits.
 */
export function millisOfDouble(double: number): number {
  const millis = Math.round(double * MILLIS_PER_UNIT);
  return Math.abs(millis) < 1e14 && millis / MILLIS_PER_UNIT === double ? millis : NaN;
}

// Exact powers of ten (every one up to 1e22 is a double).
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/**
 * The same for any amount: whole thousandths, or NaN. Read from the Decimal's documented
 * digits (`d`, base 1e7 words, the first written without leading zeros), exponent (`e`, the
 * power of ten of the first digit) and sign (`s`) — the same reading toString makes — rather
 * than with Decimal arithmetic, which would allocate.
 */
export function millisOfMoney(value: Money): number {
  const words = value.d;
  if (!words || words.length === 0) return NaN; // NaN, ±Infinity
  const first = words[0];
  const firstDigits = first < 10 ? 1 : first < 100 ? 2 : first < 1e3 ? 3 : first < 1e4 ? 4 : first < 1e5 ? 5 : first < 1e6 ? 6 : 7;
  // Power of ten, in thousandths, of the last digit of the word at hand.
  let power = value.e - firstDigits + 1 + 3;
  let millis = 0;
  for (let i = 0; i < words.length; i++, power -= 7) {
    const word = words[i];
    if (word === 0) continue;
    if (power >= 0) {
      if (power >= POW10.length) return NaN;
      millis += word * POW10[power];
    } else {
      // A word below the thousandths: only its zeros may fall there.
      if (-power >= 8) return NaN;
      const divisor = POW10[-power];
      if (word % divisor !== 0) return NaN;
      millis += word / divisor;
    }
    // Every term is positive, so the sum only grows: past the bound it cannot come back.
    if (!(millis < 1e14)) return NaN;
  }
  return value.s < 0 ? -millis : millis;
}

/** Below this, whole thousandths have at most fifteen digits: see moneyOfMillis. */
const MILLIS_BOUND = 1e15;

/**
 * The Money of a whole number of thousandths below 1e15 in size: new Money(millis / 1000). The
 * double quotient reads back as exactly that decimal (one of at most fifteen digits is the only
 * one its double rounds back to, as in moneyOfExcelDouble); zero is always +0.
 */
export function moneyOfMillis(millis: number): Money {
  return new Money(millis === 0 ? 0 : millis / MILLIS_PER_UNIT);
}

/**
 * Σ signs[i] · values[i] (all +1 where no signs are given) made as one Money from the values'
 * whole thousandths, where every value is whole thousandths and the sum stays below 1e15 of
 * them; `decimal()` otherwise. `decimal` computes that same sum with Decimals: at these sizes
 * Decimal adds exactly, so both give the same value. A zero sum is left to `decimal` too, for
 * the sign Decimal gives it (−0 − 0 is −0).
 */
export function exactSumOr(values: readonly Money[], signs: readonly (1 | -1)[] | null, decimal: () => Money): Money {
  let millis = 0;
  for (let i = 0; i < values.length; i++) {
    const m = millisOfMoney(values[i]);
    millis = signs && signs[i] === -1 ? millis - m : millis + m;
    // Whole numbers below 1e15 add exactly; NaN fails the test too.
    if (!(Math.abs(millis) < MILLIS_BOUND)) return decimal();
  }
  if (millis === 0) return decimal();
  // A single value added to zero is that value (and Money never changes): no new Money for it.
  if (values.length === 1 && (!signs || signs[0] === 1)) return values[0];
  return moneyOfMillis(millis);
}

export function sumMoney(values: readonly Money[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}
