import * as fc from 'fast-check';
import { Money } from '../../src/core/money';
import { exactShare, fourDecimalRatio } from '../../src/core/checks/exactShare';

// The share check compares and writes shares from whole thousandths; these are the Decimal
// expressions it stands in for.
const decimalShare = (a: number, b: number) => new Money(a).dividedBy(b).toDecimalPlaces(4).toFixed();

describe('fourDecimalRatio', () => {
  const amount = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }));

  it('writes a / b to four decimals exactly as Decimal does, or leaves it to Decimal', () => {
    fc.assert(fc.property(amount, amount.filter((b) => b !== 0), (a, b) => {
      const ratio = fourDecimalRatio(a, b);
      if (ratio !== null) expect(ratio).toBe(decimalShare(a, b));
    }), { numRuns: 5000 });
  });

  it.each([
    [1, 20000, '0.0001'], [-1, 20000, '-0.0001'], [3, 20000, '0.0002'], [99995, 100000, '1'],
    [-99995, 100000, '-1'], [5679, 11270, '0.5039'], [1, 3, '0.3333'], [2, 3, '0.6667'], [12, 1, '12'],
  ])('rounds %d / %d half away from zero to %s', (a, b, expected) => {
    expect(fourDecimalRatio(a, b)).toBe(expected);
    expect(decimalShare(a, b)).toBe(expected);
  });

  it('leaves zero results (whose sign Decimal keeps), a zero divisor and unsafe integers to Decimal', () => {
    expect(fourDecimalRatio(0, 5)).toBeNull();
    expect(fourDecimalRatio(-1, 30000)).toBeNull();
    expect(fourDecimalRatio(1, 0)).toBeNull();
    expect(fourDecimalRatio(NaN, 1)).toBeNull();
    expect(fourDecimalRatio(2 ** 53, 1)).toBeNull();
  });
});

describe('exactShare', () => {
  const millis = fc.integer({ min: -1e12, max: 1e12 });

  it('gives 4 · (amount − fraction · allocation) in thousandths', () => {
    fc.assert(fc.property(millis, millis, fc.constantFrom(0.5, 0.25), (a, b, fraction) => {
      const amount = new Money(a).dividedBy(1000);
      const allocation = new Money(b).dividedBy(1000);
      const exact = exactShare(amount, allocation, fraction)!;
      expect(new Money(exact.quarterDeviation).dividedBy(4000).eq(amount.minus(allocation.times(fraction)))).toBe(true);
    }));
  });

  it('leaves amounts that are not whole thousandths, or past the bound, to Decimal', () => {
    expect(exactShare(new Money('0.0001'), new Money(1), 0.5)).toBeNull();
    expect(exactShare(new Money(2 ** 51), new Money(1), 0.5)).toBeNull();
    expect(exactShare(new Money(1), new Money(1), 0.3)).toBeNull();
  });
});
