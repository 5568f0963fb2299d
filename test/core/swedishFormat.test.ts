import fc from 'fast-check';
import { amountOf, amountOfCellNumber, toMoney } from '../../src/core/amount';
import { formatAmount, formatDecimal, formatSwedish } from '../../src/core/format';
import { Money } from '../../src/core/money';
import { swedishDecimal, swedishPercent } from '../../src/core/swedishFormat';

// One Swedish number format, on decimal strings, for the engine and the pane alike: it writes
// every value as the engine wrote it on Decimal (the reference below, the format as it was).

const MINUS_SIGN = '\u2212';

/** The format as the engine wrote it on a Decimal, kept here as the reference. */
function reference(value: Money, group = ' '): string {
  const abs = value.abs();
  const fixed = abs.decimalPlaces() > 0 ? abs.toFixed(Math.min(abs.decimalPlaces(), 2)) : abs.toFixed(0);
  const [intPart, rawFraction] = fixed.split('.');
  const fraction = rawFraction?.replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value.isNegative() && !value.isZero() ? MINUS_SIGN : '';
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Decimals of every size the engine meets: whole, with up to seven decimals, past the safe integers, signed zeros. */
const decimals = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 7 })).map(([n, places]) => new Money(n.toString()).dividedBy(10 ** places)),
  fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 4 })).map(([n, places]) => new Money(n).dividedBy(10 ** places)),
  fc.constantFrom(new Money('-0'), new Money('0.005'), new Money('-0.005'), new Money('0.995'), new Money('-0.994'), new Money('999.995'), new Money('0.0049999')),
);

describe('the Swedish number format', () => {
  it('writes a decimal text as the engine wrote its Decimal', () => {
    expect(swedishDecimal('-1522')).toBe('−1 522');
    expect(swedishDecimal('1842.5', '\u00a0')).toBe('1\u00a0842,5');
    expect(swedishDecimal('0.995')).toBe('1');
    expect(swedishDecimal('-0.004')).toBe('−0');
    expect(swedishDecimal('-0')).toBe('0');
    expect(swedishDecimal('1e5')).toBeNull();
    fc.assert(fc.property(decimals, (m) => {
      expect(swedishDecimal(m.toFixed())).toBe(reference(m));
      expect(formatSwedish(m, { groupSeparator: '\u00a0', unit: 'tkr' })).toBe(`${reference(m, '\u00a0')} tkr`);
      expect(formatDecimal(m.toFixed())).toBe(reference(m));
    }), { numRuns: 2000 });
  });

  it('writes an amount as the engine wrote its Decimal, also one held as a Decimal', () => {
    const cellNumbers = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }).map(amountOfCellNumber);
    const texts = decimals.map((m) => amountOf(m.toFixed()));
    fc.assert(fc.property(fc.oneof(cellNumbers, texts), (a) => {
      expect(formatAmount(a, { unit: 'kr' })).toBe(`${reference(toMoney(a))} kr`);
    }), { numRuns: 2000 });
  });

  it('writes a share as a percentage with one decimal, as the engine did', () => {
    const expected = (fraction: string) => reference(new Money(fraction).times(100).toDecimalPlaces(1));
    expect(swedishPercent('0.25')).toBe('25');
    expect(swedishPercent('0.2534')).toBe('25,3');
    expect(swedishPercent('0.25355')).toBe('25,4');
    expect(swedishPercent('-0.0004')).toBe('0');
    expect(swedishPercent('1')).toBe('100');
    fc.assert(fc.property(decimals, (m) => {
      expect(swedishPercent(m.toFixed())).toBe(expected(m.toFixed()));
    }), { numRuns: 2000 });
  });

  it('leaves what is no plain decimal to the Decimal', () => {
    expect(formatDecimal('1e5')).toBe('100 000');
    expect(formatSwedish(new Money('NaN'))).toBe(reference(new Money('NaN')));
    expect(formatSwedish(new Money('-Infinity'))).toBe(reference(new Money('-Infinity')));
  });
});
