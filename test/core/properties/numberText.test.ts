/** Property: the Swedish number parser reads back what the formatter writes. */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { parseSwedishNumber } from '../../../src/core/numbers';
import { formatSwedish } from '../../../src/core/format';
import { moneyArb } from '../../helpers/arbitraries';
import { runs } from './shared';

describe('parseSwedishNumber ∘ formatSwedish', () => {
  it('literal example: −1 234 567,5 and (1 842,5)', () => {
    expect(formatSwedish(new Decimal('-1234567.5'))).toBe('\u22121 234 567,5');
    const back = parseSwedishNumber('\u22121 234 567,5');
    expect(back.ok && back.value.toFixed()).toBe('-1234567.5');
    const paren = parseSwedishNumber('(1 842,5)');
    expect(paren.ok && paren.value.toFixed()).toBe('-1842.5');
  });

  it('gives back any amount with at most two decimals in ±1e12', () => {
    fc.assert(fc.property(moneyArb, (x) => {
      const parsed = parseSwedishNumber(formatSwedish(x));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.toFixed()).toBe(x.toFixed());
    }), runs(200));
  });

  it('gives it back with no-break, thin and narrow no-break spaces between thousands, and with a unit', () => {
    fc.assert(fc.property(moneyArb, fc.constantFrom('\u00a0', '\u2009', '\u202f'), fc.constantFrom(undefined, 'tkr' as const, 'kr' as const), (x, groupSeparator, unit) => {
      const parsed = parseSwedishNumber(formatSwedish(x, { groupSeparator, unit }));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.toFixed()).toBe(x.toFixed());
      expect(parsed.unit).toBe(unit);
    }), runs(200));
  });

  it('reads (x) as −x', () => {
    fc.assert(fc.property(moneyArb, (x) => {
      const parsed = parseSwedishNumber(`(${formatSwedish(x)})`);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.toFixed()).toBe(x.negated().toFixed());
    }), runs(200));
  });
});
