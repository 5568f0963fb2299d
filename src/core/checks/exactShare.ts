import { millisOfMoney, type Money } from '../money';

// Whole thousandths (money.ts, millisOfMoney) up to this bound keep every product and difference
// below exactly representable in doubles: 4 · |a| + 2 · |b| < 2^53.
const BOUND = 2 ** 50;

/** One member group's amount against its expected fraction of the allocation, in whole thousandths. */
export interface ExactShare {
  /** The group's amount and the allocation, in thousandths. */
  amount: number;
  allocation: number;
  /** 4 · (amount − fraction · allocation): a whole number for the fractions ½ and ¼. */
  quarterDeviation: number;
}

/**
 * The share compared without Decimals, or null where the values are not whole thousandths within
 * the bound (the caller then compares Decimals). `fraction` is ½ or ¼.
 */
export function exactShare(amount: Money, allocation: Money, fraction: number): ExactShare | null {
  const quarters = fraction * 4;
  if (quarters !== 1 && quarters !== 2) return null;
  const a = millisOfMoney(amount);
  const b = millisOfMoney(allocation);
  // NaN fails both comparisons.
  if (!(Math.abs(a) <= BOUND && Math.abs(b) <= BOUND)) return null;
  return { amount: a, allocation: b, quarterDeviation: 4 * a - quarters * b };
}

/**
 * a / b rounded half away from zero to four decimals and written as Decimal's toFixed() writes it
 * (no trailing zeros, no exponent) — what `amount.dividedBy(allocation).toDecimalPlaces(4).toFixed()`
 * gives for a = amount and b = allocation in thousandths. Decimal rounds the quotient to 40
 * significant digits before the four decimals; that cannot move it across a rounding boundary,
 * since a quotient of integers below 2^53 lies either on a boundary or at least 1 / (2 · 10^4 · |b|)
 * from it. Null for a zero result (whose sign Decimal keeps) and for b = 0: the caller divides Decimals.
 */
export function fourDecimalRatio(a: number, b: number): string | null {
  if (b === 0 || !Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return null;
  const q = roundedQuotient(Math.abs(a), 10000, Math.abs(b));
  if (q === 0) return null;
  const sign = (a < 0) !== (b < 0) ? '-' : '';
  const whole = Math.floor(q / 10000);
  let fraction = q - whole * 10000;
  if (fraction === 0) return `${sign}${whole}`;
  // Four decimals without their trailing zeros.
  let digits = 4;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${whole}.${String(fraction).padStart(digits, '0')}`;
}

/**
 * a · scale / d rounded half up, for whole a ≥ 0, scale > 0 and d > 0; 0 also where the quotient is
 * past the safe integers (no share anyone reads: the caller leaves it to Decimal).
 */
function roundedQuotient(a: number, scale: number, d: number): number {
  // Exact while a · scale + d is a safe integer (past them, the double sum is past them too).
  const n = a * scale;
  if (n + d > Number.MAX_SAFE_INTEGER) {
    const [bn, bd] = [BigInt(a) * BigInt(scale), BigInt(d)];
    const q = bn / bd + ((bn % bd) * 2n >= bd ? 1n : 0n);
    return q <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(q) : 0;
  }
  // The double quotient is within one of the true one; the exact remainder puts it right.
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}
