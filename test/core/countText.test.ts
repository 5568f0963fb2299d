import { countText } from '../../src/core/countText';

describe('countText', () => {
  it('puts the noun in the number the count takes, in any language', () => {
    expect(countText(1, 'tabell', 'tabeller')).toBe('1 tabell');
    expect(countText(0, 'tabell', 'tabeller')).toBe('0 tabeller');
    expect(countText(3, 'line', 'lines')).toBe('3 lines');
  });
});
