import { amountOfInteger, amountOfMoney, decimalText, type Amount } from '../../../src/core/amount';
import { Money } from '../../../src/core/money';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { DEFAULT_RESERVE, reserveLimit, type ReserveLimit, type ReserveSettings } from '../../../src/core/rules/reserveLimit';

const amount = (n: number | string): Amount => amountOfMoney(new Money(n));
const text = ({ percent, limit, excess }: ReserveLimit) => [percent, limit, excess].map((a) => (a === null ? null : decimalText(a)));

const STAIRCASE: ReserveSettings = {
  brackets: [{ upToKr: new Money(10_000_000), percent: new Money(20) }, { upToKr: new Money(20_000_000), percent: new Money(15) }, { upToKr: null, percent: new Money(10) }],
  base: 'allocation',
};

describe('the default guideline', () => {
  it('is at most 20 % of the members\' allocation, one step for every size — and the engine\'s default', () => {
    expect(DEFAULT_RESERVE.base).toBe('allocation');
    expect(DEFAULT_RESERVE.brackets.map((b) => [b.upToKr, b.percent.toFixed()])).toEqual([[null, '20']]);
    expect(DEFAULT_SETTINGS.reserve).toBe(DEFAULT_RESERVE);
  });

  it('gives 20 % of the allocation as the limit, and the closing\'s excess over it', () => {
    expect(text(reserveLimit(DEFAULT_RESERVE, 'tkr', amount(3752), amount(4483), amount(1665)))).toEqual(['20', '750.4', '914.6']);
  });

  it('has no excess at or below the limit', () => {
    expect(text(reserveLimit(DEFAULT_RESERVE, 'tkr', amount(1000), amount(900), amount(200)))).toEqual(['20', '200', '0']);
    expect(text(reserveLimit(DEFAULT_RESERVE, 'tkr', amount(1000), amount(900), amount(-50)))).toEqual(['20', '200', '0']);
  });

  it('has no limit where the table states no allocation', () => {
    expect(text(reserveLimit(DEFAULT_RESERVE, 'tkr', null, amount(900), amount(200)))).toEqual([null, null, null]);
  });
});

describe('a staircase', () => {
  it('takes the step by the allocation in kronor, whatever the table\'s unit', () => {
    // 9 000 tkr = 9 000 000 kr: the first step; 12 mkr = 12 000 000 kr: the second; 25 000 000 kr: the last.
    expect(text(reserveLimit(STAIRCASE, 'tkr', amount(9000), amount(0), amount(0)))).toEqual(['20', '1800', '0']);
    expect(text(reserveLimit(STAIRCASE, 'mkr', amount(12), amount(0), amount(0)))).toEqual(['15', '1.8', '0']);
    expect(text(reserveLimit(STAIRCASE, 'kr', amount(25_000_000), amount(0), amount(0)))).toEqual(['10', '2500000', '0']);
  });

  it('includes a step\'s upper bound in it', () => {
    expect(text(reserveLimit(STAIRCASE, 'kr', amount(10_000_000), amount(0), amount(0)))).toEqual(['20', '2000000', '0']);
    expect(text(reserveLimit(STAIRCASE, 'kr', amount('10000000.001'), amount(0), amount(0)))[0]).toBe('15');
  });

  it('takes the last step when no bound is open-ended and the allocation is past them all', () => {
    const closed: ReserveSettings = { brackets: [{ upToKr: new Money(1000), percent: new Money(20) }, { upToKr: new Money(2000), percent: new Money(15) }], base: 'allocation' };
    expect(text(reserveLimit(closed, 'kr', amount(5000), amount(0), amount(0)))[0]).toBe('15');
  });

  it('chooses the step by the costs where the table states no allocation', () => {
    expect(text(reserveLimit({ ...STAIRCASE, base: 'costs' }, 'tkr', null, amount(15_000), amount(0)))).toEqual(['15', '2250', '0']);
  });
});

describe('the costs as base', () => {
  it('takes the percentage of the costs; the allocation still chooses the step', () => {
    expect(text(reserveLimit({ ...DEFAULT_RESERVE, base: 'costs' }, 'tkr', amount(3752), amount(4483), amount(1665)))).toEqual(['20', '896.6', '768.4']);
    expect(text(reserveLimit({ ...STAIRCASE, base: 'costs' }, 'tkr', amount(12_000), amount(30_000), amountOfInteger(0)))).toEqual(['15', '4500', '0']);
  });
});
