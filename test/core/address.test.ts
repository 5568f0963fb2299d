import fc from 'fast-check';
import { columnIndex, columnIndexAt, columnLetters, fromA1, rangeFromA1, rangeToA1, toA1 } from '../../src/core/address';

describe('column letters', () => {
  it.each([[0, 'A'], [2, 'C'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])('%d is %s and back', (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
  });

  it('reads back every column it writes (A to ZZZ)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 18277 }), (col) => expect(columnIndex(columnLetters(col))).toBe(col)));
  });

  it('reads one to three capitals only, in place', () => {
    for (const text of ['', 'a', 'A1', 'AAAA', '$A', 'Å']) expect(columnIndex(text)).toBe(-1);
    expect(columnIndexAt('=SUM(AB12)', 5, 7)).toBe(27);
  });
});

describe('A1 addresses', () => {
  it('reads C12, $C$12 and c12 alike', () => {
    for (const text of ['C12', '$C$12', 'c12', ' C12 ']) expect(fromA1(text)).toEqual({ row: 11, col: 2 });
    for (const text of ['C', '12', 'C0x', 'ABCD1', 'C12345678']) expect(fromA1(text)).toBeNull();
  });

  it('reads back every address it writes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => expect(fromA1(toA1(row, col))).toEqual({ row, col })));
  });

  it('reads a range with its corners in either order', () => {
    expect(rangeFromA1('B3:D9')).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
    expect(rangeFromA1('D9:B3')).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
    expect(rangeFromA1('C4')).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(rangeFromA1(rangeToA1(0, 0, 41, 5))).toEqual({ top: 0, left: 0, bottom: 41, right: 5 });
    for (const text of ['B3:', 'B3:D9:E1', 'B:D']) expect(rangeFromA1(text)).toBeNull();
  });
});
