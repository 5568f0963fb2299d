import * as fc from 'fast-check';
import { Money, exactSumOr, millisOfMoney, moneyOfMillis, sumMoney } from '../../src/core/money';

// exactSumOr stands in for Decimal sums in the equity and share figures: same value, same sign of zero.
const same = (a: Money, b: Money) => a.eq(b) && a.isNegative() === b.isNegative() && a.toFixed() === b.toFixed();

const money = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }).map((m) => new Money(m).dividedBy(1000)),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => new Money(n)),
  fc.constantFrom(new Money(0), new Money('-0'), new Money('0.0001'), new Money('1e20'), new Money('123456789012345678901234567890123456789012.5')),
);

describe('exactSumOr', () => {
  it('gives the Decimal sum of money, signed or not, with its sign of zero', () => {
    fc.assert(fc.property(fc.array(money, { maxLength: 8 }), fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 8, maxLength: 8 }), (values, allSigns) => {
      const signs = allSigns.slice(0, values.length);
      const signed = sumMoney(values.map((v, i) => v.times(signs[i])));
      expect(same(exactSumOr(values, signs, () => signed), signed)).toBe(true);
      const plain = sumMoney(values);
      expect(same(exactSumOr(values, null, () => plain), plain)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('gives a − b and a + b − c as Decimal does', () => {
    fc.assert(fc.property(money, money, money, (a, b, c) => {
      expect(same(exactSumOr([a, b], [1, -1], () => a.minus(b)), a.minus(b))).toBe(true);
      expect(same(exactSumOr([a, b, c], [1, 1, -1], () => a.plus(b).minus(c)), a.plus(b).minus(c))).toBe(true);
    }), { numRuns: 3000 });
  });
});

describe('moneyOfMillis', () => {
  it('is the exact Money of whole thousandths below 1e15', () => {
    fc.assert(fc.property(fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }), (m) => {
      const money = moneyOfMillis(m);
      expect(money.eq(new Money(m).dividedBy(1000))).toBe(true);
      if (Math.abs(m) < 1e14) expect(millisOfMoney(money)).toBe(m === 0 ? 0 : m);
    }), { numRuns: 5000 });
    expect(moneyOfMillis(-0).isNegative()).toBe(false);
  });
});
