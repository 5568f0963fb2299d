import { Money, excelDouble, moneyOfExcelDouble } from './money';

// The engine's one arithmetic on money. Every rule adds, compares and divides amounts through
// these functions and nothing else; Decimal appears only where a value is reported or leaves the
// engine (toMoney), and where it comes in (amountOfMoney, amountOfCellNumber).

declare const AMOUNT: unique symbol;

/**
 * An exact amount of money, in the table's unit. Opaque: only this module looks inside, and
 * everything else adds, compares and writes amounts with its functions.
 *
 * Inside, nearly every amount is a whole number of thousandths within the safe integers, held as
 * that number: adding and comparing them is exact and allocates nothing. The rare other amount
 * (finer than a thousandth, as `0,0001` or a quotient; or past ±9 007 199 254 740,991) is held as
 * its Decimal, and every operation on it is the Decimal operation the engine has always made
 * (Money: 40 significant digits, half up) — so every result is the one Decimal arithmetic gives,
 * the sign of a zero included (−0 from `-0` typed as text stays −0, as Decimal keeps it).
 *
 * A zero amount is a falsy number inside: tell a blank cell by `=== null`, never by truthiness.
 */
export interface Amount {
  readonly [AMOUNT]: true;
}

/** What an amount is inside: whole thousandths, or the Decimal. */
type Inside = number | Money;
const inside = (a: Amount): Inside => a as unknown as Inside;
const thousandths = (n: number): Amount => n as unknown as Amount;
const decimal = (m: Money): Amount => m as unknown as Amount;

const PER_UNIT = 1000;
const MAX = Number.MAX_SAFE_INTEGER;

export const ZERO_AMOUNT = thousandths(0);

// ---------------------------------------------------------------------------------------------
// The edges: Decimal in, Decimal out
// ---------------------------------------------------------------------------------------------

/** The amount a cell's number stands for: Excel's double to fifteen significant digits (excelDouble). */
export function amountOfCellNumber(value: number): Amount {
  const double = excelDouble(value);
  const whole = Math.round(double * PER_UNIT);
  // The double's shortest form is this whole number of thousandths when that has at most fourteen
  // digits (a decimal of at most fifteen digits is the only one its double rounds back to). A cell's
  // −0 is 0, as moneyOfExcelDouble reads it.
  if (Math.abs(whole) < 1e14 && whole / PER_UNIT === double) return thousandths(whole === 0 ? 0 : whole);
  return decimal(moneyOfExcelDouble(double));
}

// Exact powers of ten (every one up to 1e22 is a double).
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/**
 * The checked conversion from a Decimal: its whole thousandths where it has them within the safe
 * integers, else the Decimal itself.
 */
export function amountOfMoney(value: Money): Amount {
  const whole = thousandthsOf(value);
  return Number.isNaN(whole) ? decimal(value) : thousandths(whole);
}

/**
 * A Decimal's whole thousandths, or NaN. Read from its documented digits (`d`, base 1e7 words, the
 * first written without leading zeros), exponent (`e`, the power of ten of the first digit) and
 * sign (`s`) — the reading toString makes — rather than with Decimal arithmetic, which allocates.
 */
function thousandthsOf(value: Money): number {
  const words = value.d;
  if (!words || words.length === 0) return NaN; // NaN, ±Infinity
  const first = words[0];
  const firstDigits = first < 10 ? 1 : first < 100 ? 2 : first < 1e3 ? 3 : first < 1e4 ? 4 : first < 1e5 ? 5 : first < 1e6 ? 6 : 7;
  // Power of ten, in thousandths, of the last digit of the word at hand.
  let power = value.e - firstDigits + 1 + 3;
  let sum = 0;
  for (let i = 0; i < words.length; i++, power -= 7) {
    const word = words[i];
    if (word === 0) continue;
    if (power >= 0) {
      if (power >= POW10.length) return NaN;
      // Past the safe integers a product rounds, but never back below them: the test below catches it.
      sum += word * POW10[power];
    } else {
      // A word below the thousandths: only its zeros may fall there.
      if (-power >= 8) return NaN;
      const divisor = POW10[-power];
      if (word % divisor !== 0) return NaN;
      sum += word / divisor;
    }
    // Every term is positive, so the sum only grows: past the bound it cannot come back.
    if (!(sum <= MAX)) return NaN;
  }
  // −0 stays −0.
  return value.s < 0 ? -sum : sum;
}

/** A decimal literal of the engine's own (`'0.1'`, `'0.25'`) as an amount. */
export const amountOf = (text: string): Amount => amountOfMoney(new Money(text));

/** A whole number (a count of rows, a power of ten) as an amount. */
export function amountOfInteger(n: number): Amount {
  return Number.isSafeInteger(n * PER_UNIT) ? thousandths(n * PER_UNIT) : decimal(new Money(n));
}

/** The Decimal of an amount: where a value is reported or leaves the engine. */
export function toMoney(a: Amount): Money {
  const x = inside(a);
  if (typeof x !== 'number') return x;
  // Below 1e15 the double quotient reads back as exactly that decimal (one of at most fifteen
  // digits is the only one its double rounds back to); −0 / 1000 is −0, which Decimal keeps.
  if (Math.abs(x) < 1e15) return new Money(x / PER_UNIT);
  return new Money(x).times(THOUSANDTH);
}

const THOUSANDTH = new Money('0.001');

/**
 * The amount as Decimal's toFixed() writes it, the JSON contract's form: '.' before the decimals,
 * no grouping, no exponent, no trailing zeros, and no minus on a zero.
 */
export function decimalText(a: Amount): string {
  const x = inside(a);
  if (typeof x !== 'number') return x.toFixed();
  // Whole units, nearly every amount a budget has: the number's own text (−0 writes as 0).
  if (x % PER_UNIT === 0) return String(x / PER_UNIT);
  const digits = String(Math.abs(x)).padStart(4, '0');
  const whole = digits.slice(0, -3);
  const fraction = digits.slice(-3).replace(/0+$/, '');
  return `${x < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The amount as the nearest double (a chart's or a spreadsheet cell's number). */
export function toNumber(a: Amount): number {
  const x = inside(a);
  return typeof x === 'number' ? x / PER_UNIT : x.toNumber();
}

/** The result of a Decimal operation, as thousandths where it has them. */
const ofDecimal = (m: Money): Amount => amountOfMoney(m);

// ---------------------------------------------------------------------------------------------
// Sums and differences
// ---------------------------------------------------------------------------------------------

/** a + b. */
export function plus(a: Amount, b: Amount): Amount {
  const x = inside(a);
  const y = inside(b);
  if (typeof x === 'number' && typeof y === 'number') {
    // Safe integers add exactly while the sum stays safe; past it the double is past it too.
    const sum = x + y;
    if (sum <= MAX && sum >= -MAX) return thousandths(sum);
  }
  return ofDecimal(toMoney(a).plus(toMoney(b)));
}

/** a − b. */
export function minus(a: Amount, b: Amount): Amount {
  const x = inside(a);
  const y = inside(b);
  if (typeof x === 'number' && typeof y === 'number') {
    const difference = x - y;
    if (difference <= MAX && difference >= -MAX) return thousandths(difference);
  }
  return ofDecimal(toMoney(a).minus(toMoney(b)));
}

/** a + b or a − b: a signed term added to a running sum. */
export function plusSigned(a: Amount, b: Amount, sign: 1 | -1): Amount {
  return sign === 1 ? plus(a, b) : minus(a, b);
}

/** |a|. */
export function abs(a: Amount): Amount {
  const x = inside(a);
  return typeof x === 'number' ? thousandths(Math.abs(x)) : ofDecimal(x.abs());
}

/** −a. */
export function negated(a: Amount): Amount {
  const x = inside(a);
  return typeof x === 'number' ? thousandths(-x) : ofDecimal(x.negated());
}

/** |a − b|: how far apart two amounts are (as Decimal computes it, so its zero is Decimal's too). */
export function distance(a: Amount, b: Amount): Amount {
  const x = inside(a);
  const y = inside(b);
  if (typeof x === 'number' && typeof y === 'number') {
    const d = Math.abs(x - y);
    if (d <= MAX) return thousandths(d);
  }
  return ofDecimal(toMoney(a).minus(toMoney(b)).abs());
}

// ---------------------------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------------------------

/** −1, 0 or 1 as a is below, equal to or above b (−0 equals 0). */
export function compare(a: Amount, b: Amount): -1 | 0 | 1 {
  const x = inside(a);
  const y = inside(b);
  if (typeof x === 'number') {
    if (typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
    const order = thousandthsAgainst(x, y);
    if (order !== null) return order;
  } else if (typeof y === 'number') {
    const order = thousandthsAgainst(y, x);
    if (order !== null) return (-order || 0) as -1 | 0 | 1;
  }
  return toMoney(a).cmp(toMoney(b)) as -1 | 0 | 1;
}

/**
 * A Decimal amount's thousandths rounded down (within the safe integers), and whether nothing was
 * rounded: remembered per Decimal, since the few the engine compares often are its constants (the
 * noise below a millionth, a tenth of a million). Null where the floor is past the safe integers.
 */
const floors = new WeakMap<Money, { floor: number; exact: boolean } | null>();

function floorOf(y: Money): { floor: number; exact: boolean } | null {
  let known = floors.get(y);
  if (known === undefined) {
    // Rounded to thousandths exactly (toDecimalPlaces keeps every digit it does not round off).
    const down = y.toDecimalPlaces(3, Money.ROUND_FLOOR);
    const floor = thousandthsOf(down);
    known = Number.isNaN(floor) ? null : { floor, exact: down.eq(y) };
    floors.set(y, known);
  }
  return known;
}

/**
 * Whole thousandths x against a Decimal amount y, without a Decimal for x: x is below y's floor
 * f, above it (then above y, which is below f + 1), or f itself (equal to y when y is whole
 * thousandths, else below it). Null where y's floor is past the safe integers (or y is no number).
 */
function thousandthsAgainst(x: number, y: Money): -1 | 0 | 1 | null {
  const known = floorOf(y);
  if (known === null) return null;
  return x < known.floor ? -1 : x > known.floor ? 1 : known.exact ? 0 : -1;
}

export function equals(a: Amount, b: Amount): boolean {
  const x = inside(a);
  const y = inside(b);
  return typeof x === 'number' && typeof y === 'number' ? x === y : compare(a, b) === 0;
}

export function atMost(a: Amount, b: Amount): boolean {
  const x = inside(a);
  const y = inside(b);
  return typeof x === 'number' && typeof y === 'number' ? x <= y : compare(a, b) <= 0;
}

/** |a − b| ≤ tolerance. */
export function withinTolerance(a: Amount, b: Amount, tolerance: Amount): boolean {
  return atMost(distance(a, b), tolerance);
}

export function isZero(a: Amount): boolean {
  const x = inside(a);
  return typeof x === 'number' ? x === 0 : x.isZero();
}

/** Whether the amount carries a minus sign, as Decimal's isNegative says it: −0 does. */
export function isNegative(a: Amount): boolean {
  const x = inside(a);
  return typeof x === 'number' ? x < 0 || Object.is(x, -0) : x.isNegative();
}

/** Whether |a| is at least `units` whole units, told on the amount as a double (as a reader of the size would). */
export function magnitudeReaches(a: Amount, units: number): boolean {
  const x = inside(a);
  return typeof x === 'number' ? Math.abs(x) >= units * PER_UNIT : x.abs().toNumber() >= units;
}

/** The larger of two amounts, as Decimal.max picks it: of two equal ones the second where the first carries a minus (so 0 over −0). */
export function larger(a: Amount, b: Amount): Amount {
  const order = compare(a, b);
  return order < 0 || (order === 0 && isNegative(a)) ? b : a;
}

// ---------------------------------------------------------------------------------------------
// Products and shares
// ---------------------------------------------------------------------------------------------

/** a · factor, exactly as Decimal multiplies (the factor an amount too: a percentage, a fraction, a count). */
export function times(a: Amount, factor: Amount): Amount {
  const x = inside(a);
  const y = inside(factor);
  if (typeof x === 'number' && typeof y === 'number') {
    // Thousandths times thousandths are millionths: whole thousandths where they divide by 1000.
    // Zero times a negative is −0 in doubles as in Decimal.
    const product = x * y;
    if (Number.isSafeInteger(product) && product % PER_UNIT === 0) return thousandths(product / PER_UNIT);
  }
  return ofDecimal(toMoney(a).times(toMoney(factor)));
}

/** a / b, where Decimal divides (40 significant digits, half up). */
export function dividedBy(a: Amount, b: Amount): Amount {
  const x = inside(a);
  const y = inside(b);
  if (typeof x === 'number' && typeof y === 'number' && y !== 0) {
    const scaled = x * PER_UNIT;
    const quotient = scaled / y;
    // A whole quotient is the double division's exact result; the product tells it is one. The
    // sign of a zero quotient is the signs' product, in doubles as in Decimal.
    if (Number.isSafeInteger(scaled) && Number.isSafeInteger(quotient) && quotient * y === scaled) return thousandths(quotient);
  }
  return ofDecimal(toMoney(a).dividedBy(toMoney(b)));
}

/**
 * a / b rounded half up to four decimals and written as Decimal's toFixed() writes it (no trailing
 * zeros, no exponent): a share as the report states it.
 */
export function shareText(a: Amount, b: Amount): string {
  const x = inside(a);
  const y = inside(b);
  if (typeof x === 'number' && typeof y === 'number') {
    const text = fourDecimalRatio(x, y);
    if (text !== null) return text;
  }
  return toMoney(a).dividedBy(toMoney(b)).toDecimalPlaces(4).toFixed();
}

/**
 * a / b rounded half away from zero to four decimals, for safe integers a and b (thousandths over
 * thousandths: the amounts' own ratio). Decimal rounds the quotient to 40 significant digits
 * before the four decimals; that cannot move it across a rounding boundary, since a quotient of
 * integers below 2^53 lies either on a boundary or at least 1 / (2 · 10^4 · |b|) from it. Null for a
 * zero result (whose sign Decimal keeps) and for b = 0: the caller divides Decimals.
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
