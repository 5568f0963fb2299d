/**
 * The engine's one arithmetic against an independent oracle: plain decimal.js, configured as the
 * engine has always computed (40 significant digits, half up), on the amounts' decimal strings.
 * Every result must be the oracle's: the same value, the same sign of zero, the same text.
 */
import * as fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  abs, amountOfCellNumber, amountOfInteger, amountOfMoney, atMost, compare, decimalText, distance, dividedBy, equals, fourDecimalRatio, isNegative, isZero,
  larger, magnitudeReaches, minus, negated, plus, plusSigned, shareText, times, toMoney, toNumber, withinTolerance, ZERO_AMOUNT, type Amount,
} from '../../src/core/amount';
import { Money } from '../../src/core/money';

const Oracle = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Oracle = Decimal;

const MAX = Number.MAX_SAFE_INTEGER;

/** Decimal strings of every kind an amount can be: whole thousandths small and large, finer ones, huge ones, zeros. */
const amountText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((m) => new Oracle(m).dividedBy(1000).toFixed()) },
  { weight: 2, arbitrary: fc.integer({ min: -1e7, max: 1e7 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -MAX, max: MAX }).map((m) => new Oracle(m).dividedBy(1000).toFixed()) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: MAX - 1000, max: MAX }), fc.constantFrom(1000, -1000)).map(([m, d]) => new Oracle(m).dividedBy(d).toFixed()) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map((m) => new Oracle(m.toString()).dividedBy(1000).toFixed()) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 4, max: 12 })).map(([m, d]) => new Oracle(m).dividedBy(new Oracle(10).pow(d)).toFixed()) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0', '-0.001', '0.001') },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0', '0.0001', '-0.0005', '1e20', '-1e21', '9007199254740.991', '-9007199254740.991', '9007199254740.992', '123456789012345678901234567890123456789012.5', '0.1', '0.5', '0.25') },
);

/** Both sides of one amount: the engine's, and the oracle's Decimal. */
const pair = amountText.map((text) => ({ text, amount: amountOfMoney(new Money(text)), oracle: new Oracle(text) }));

/** The engine's result is the oracle's: value, sign (of a zero too) and text. */
function expectSame(result: Amount, oracle: Oracle): void {
  const money = toMoney(result);
  expect({ text: money.toFixed(), negative: money.isNegative(), string: money.toString() })
    .toEqual({ text: oracle.toFixed(), negative: oracle.isNegative(), string: oracle.toString() });
}

const RUNS = { numRuns: 3000 };

describe('the edges', () => {
  it('amountOfMoney and toMoney give back every Decimal, −0 included', () => {
    fc.assert(fc.property(pair, ({ amount, oracle }) => expectSame(amount, oracle)), RUNS);
  });

  it('whole thousandths within the safe integers are held exactly, and nothing else is', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX, max: MAX }), (m) => {
      const amount = amountOfMoney(new Money(new Oracle(m).dividedBy(1000).toFixed()));
      expect(typeof amount).toBe('number');
      expect(amount).toBe(m === 0 ? 0 : m);
    }), RUNS);
    for (const text of ['0.0001', '9007199254740.992', '1e20', '-123.4567']) expect(typeof amountOfMoney(new Money(text))).toBe('object');
  });

  it('amountOfCellNumber reads a cell as Excel shows it: fifteen significant digits, −0 as 0', () => {
    expectSame(amountOfCellNumber(0.1 + 0.2), new Oracle('0.3'));
    expectSame(amountOfCellNumber(-0), new Oracle(0));
    expectSame(amountOfCellNumber(1842.5), new Oracle('1842.5'));
    expectSame(amountOfCellNumber(1e20), new Oracle('1e20'));
    expectSame(amountOfCellNumber(0.00012345), new Oracle('0.00012345'));
    fc.assert(fc.property(fc.double({ min: -1e16, max: 1e16, noNaN: true }), (d) => {
      const fifteen = Number(d.toPrecision(15));
      expectSame(amountOfCellNumber(d), new Oracle(fifteen === 0 ? 0 : fifteen));
    }), RUNS);
  });

  it('decimalText writes the amount as Decimal’s toFixed()', () => {
    fc.assert(fc.property(pair, ({ amount, oracle }) => expect(decimalText(amount)).toBe(oracle.toFixed())), RUNS);
    expect(decimalText(amountOfMoney(new Money('-0')))).toBe('0');
    expect(decimalText(amountOfMoney(new Money('-0.5')))).toBe('-0.5');
  });

  it('toNumber is the nearest double', () => {
    fc.assert(fc.property(pair, ({ amount, oracle }) => expect(toNumber(amount)).toBe(oracle.toNumber())), RUNS);
  });
});

describe('sums and differences', () => {
  it('plus, minus, plusSigned and negated are Decimal’s', () => {
    fc.assert(fc.property(pair, pair, (a, b) => {
      expectSame(plus(a.amount, b.amount), a.oracle.plus(b.oracle));
      expectSame(minus(a.amount, b.amount), a.oracle.minus(b.oracle));
      expectSame(plusSigned(a.amount, b.amount, -1), a.oracle.minus(b.oracle));
      expectSame(plusSigned(a.amount, b.amount, 1), a.oracle.plus(b.oracle));
      expectSame(negated(a.amount), a.oracle.negated());
      expectSame(abs(a.amount), a.oracle.abs());
    }), RUNS);
  });

  it('a running signed sum from zero is Decimal’s, in the same order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(pair, fc.constantFrom<1 | -1>(1, -1)), { maxLength: 10 }), (terms) => {
      let sum: Amount = ZERO_AMOUNT;
      let oracle = new Oracle(0);
      for (const [{ amount, oracle: o }, sign] of terms) {
        sum = plusSigned(sum, amount, sign);
        oracle = sign === 1 ? oracle.plus(o) : oracle.minus(o);
      }
      expectSame(sum, oracle);
    }), RUNS);
  });

  it('distance is |a − b| as Decimal computes it', () => {
    fc.assert(fc.property(pair, pair, (a, b) => expectSame(distance(a.amount, b.amount), a.oracle.minus(b.oracle).abs())), RUNS);
  });

  it('signed zeros follow Decimal: −0 + −0 = −0, −0 − 0 = −0, 0 + −0 = 0, x − x = 0', () => {
    const z = amountOfMoney(new Money('-0'));
    expect(isNegative(plus(z, z))).toBe(true);
    expect(isNegative(minus(z, ZERO_AMOUNT))).toBe(true);
    expect(isNegative(plus(ZERO_AMOUNT, z))).toBe(false);
    expect(isNegative(minus(amountOfInteger(5), amountOfInteger(5)))).toBe(false);
  });
});

describe('comparisons', () => {
  it('compare, equals, atMost, withinTolerance, isZero, isNegative and larger are Decimal’s', () => {
    fc.assert(fc.property(pair, pair, pair, (a, b, t) => {
      expect(compare(a.amount, b.amount)).toBe(a.oracle.cmp(b.oracle));
      expect(equals(a.amount, b.amount)).toBe(a.oracle.eq(b.oracle));
      expect(atMost(a.amount, b.amount)).toBe(a.oracle.lte(b.oracle));
      expect(withinTolerance(a.amount, b.amount, t.amount)).toBe(a.oracle.minus(b.oracle).abs().lte(t.oracle));
      expect(isZero(a.amount)).toBe(a.oracle.isZero());
      expect(isNegative(a.amount)).toBe(a.oracle.isNegative());
      expectSame(larger(a.amount, b.amount), Oracle.max(a.oracle, b.oracle));
    }), RUNS);
  });

  it('whole thousandths against the same Decimal amount, asked again and again (its floor is remembered), are Decimal’s', () => {
    const decimals = ['0.000001', '-0.000001', '0.1234', '-2.0005', '12.999999999999999999999999999999999999999999', '1e20', '-9007199254740.9915']
      .map((text) => ({ amount: amountOfMoney(new Money(text)), oracle: new Oracle(text) }));
    fc.assert(fc.property(fc.integer({ min: -20_000, max: 20_000 }), fc.constantFrom(...decimals), (m, d) => {
      const x = amountOfMoney(new Money(new Oracle(m).dividedBy(1000).toFixed()));
      const xo = new Oracle(m).dividedBy(1000);
      for (let i = 0; i < 2; i++) {
        expect(compare(x, d.amount)).toBe(xo.cmp(d.oracle));
        expect(compare(d.amount, x)).toBe(d.oracle.cmp(xo));
        expect(atMost(x, d.amount)).toBe(xo.lte(d.oracle));
      }
    }), RUNS);
    const nearThirteen = amountOfMoney(new Money('0.012999999999999999999999999999999999999999999'));
    expect(compare(ZERO_AMOUNT, nearThirteen)).toBe(-1);
    expect(compare(amountOfMoney(new Money('0.013')), nearThirteen)).toBe(1);
    expect(compare(amountOfMoney(new Money('0.012')), nearThirteen)).toBe(-1);
  });

  it('−0 equals 0 and is negative, as Decimal has it', () => {
    const z = amountOfMoney(new Money('-0'));
    expect(equals(z, ZERO_AMOUNT)).toBe(true);
    expect(isZero(z)).toBe(true);
    expect(isNegative(z)).toBe(true);
  });

  it('magnitudeReaches tells |a| ≥ n on the double', () => {
    fc.assert(fc.property(pair, fc.integer({ min: 0, max: 1e7 }), (a, n) => expect(magnitudeReaches(a.amount, n)).toBe(Math.abs(a.oracle.toNumber()) >= n)), RUNS);
  });
});

describe('products and shares', () => {
  it('times and dividedBy are Decimal’s', () => {
    const factor = fc.oneof(pair, fc.constantFrom('0.5', '0.25', '0.01', '20', '1000', '1000000', '-1', '-0', '3', '0.3333').map((text) => ({ text, amount: amountOfMoney(new Money(text)), oracle: new Oracle(text) })));
    fc.assert(fc.property(pair, factor, (a, f) => {
      expectSame(times(a.amount, f.amount), a.oracle.times(f.oracle));
      if (!f.oracle.isZero()) expectSame(dividedBy(a.amount, f.amount), a.oracle.dividedBy(f.oracle));
    }), RUNS);
  });

  it('amountOfInteger is the whole number', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => expectSame(amountOfInteger(n), new Oracle(n))));
  });

  it('shareText writes a / b to four decimals as Decimal does', () => {
    fc.assert(fc.property(pair, pair.filter((b) => !b.oracle.isZero()), (a, b) => {
      expect(shareText(a.amount, b.amount)).toBe(a.oracle.dividedBy(b.oracle).toDecimalPlaces(4).toFixed());
    }), RUNS);
  });
});

describe('fourDecimalRatio', () => {
  const oracleRatio = (a: number, b: number) => new Oracle(a).dividedBy(b).toDecimalPlaces(4).toFixed();
  const integer = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -MAX, max: MAX }));

  it('writes a / b to four decimals exactly as Decimal does, or leaves it to Decimal', () => {
    fc.assert(fc.property(integer, integer.filter((b) => b !== 0), (a, b) => {
      const ratio = fourDecimalRatio(a, b);
      if (ratio !== null) expect(ratio).toBe(oracleRatio(a, b));
    }), { numRuns: 5000 });
  });

  it.each([
    [1, 20000, '0.0001'], [-1, 20000, '-0.0001'], [3, 20000, '0.0002'], [99995, 100000, '1'],
    [-99995, 100000, '-1'], [5679, 11270, '0.5039'], [1, 3, '0.3333'], [2, 3, '0.6667'], [12, 1, '12'],
  ])('rounds %d / %d half away from zero to %s', (a, b, expected) => {
    expect(fourDecimalRatio(a, b)).toBe(expected);
    expect(oracleRatio(a, b)).toBe(expected);
  });

  it('leaves zero results (whose sign Decimal keeps), a zero divisor and unsafe integers to Decimal', () => {
    expect(fourDecimalRatio(0, 5)).toBeNull();
    expect(fourDecimalRatio(-1, 30000)).toBeNull();
    expect(fourDecimalRatio(1, 0)).toBeNull();
    expect(fourDecimalRatio(NaN, 1)).toBeNull();
    expect(fourDecimalRatio(2 ** 53, 1)).toBeNull();
  });
});
