import { parseSwedishNumber } from '../../src/core/numbers';
import { formatSwedish } from '../../src/core/format';
import { Money } from '../../src/core/money';
import { parseYearHeader } from '../../src/core/yearHeader';

const value = (text: string) => {
  const parsed = parseSwedishNumber(text);
  return parsed.ok ? parsed.value.toFixed() : `!${parsed.reason}`;
};

describe('parseSwedishNumber', () => {
  it.each([
    ['1 842,5', '1842.5'],
    ['1 842.5', '1842.5'],
    ['1\u00a0842,5', '1842.5'],
    ['1\u2009842', '1842'],
    ['1\u202f329\u202f910', '1329910'],
    ['\u2212745', '-745'],
    ['-745', '-745'],
    ['\u2013 745', '-745'],
    ['(745)', '-745'],
    ['+12', '12'],
    ['12 930 tkr', '12930'],
    ['4 000 000 kr', '4000000'],
    ['1.842,5', '1842.5'],
    ['1,842.5', '1842.5'],
    ['0', '0'],
    ['  3 685  ', '3685'],
  ])('reads %j as %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['', '!empty'],
    ['   ', '!empty'],
    ['tkr', '!not-a-number'],
    ['Summa', '!not-a-number'],
    ['12,', '!not-a-number'],
    ['1,2,3', '!not-a-number'],
    ['SAMTEAM 2.0', '!not-a-number'],
    ['2024-01-01', '!not-a-number'],
  ])('rejects %j with a reason', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('keeps the unit it was written with', () => {
    const parsed = parseSwedishNumber('1 842,5 tkr');
    expect(parsed.ok && parsed.unit).toBe('tkr');
  });
});

describe('formatSwedish', () => {
  it.each([
    ['14065', undefined, '14 065'],
    ['1842.5', 'tkr', '1 842,5 tkr'],
    ['-1573', 'tkr', '\u22121 573 tkr'],
    ['3048482', 'kr', '3 048 482 kr'],
    ['750.4', 'tkr', '750,4 tkr'],
    ['0', undefined, '0'],
  ] as const)('writes %s as %j', (input, unit, expected) => {
    expect(formatSwedish(new Money(input), { unit })).toBe(expected);
  });
});

describe('parseYearHeader', () => {
  it.each([
    [2024, 2024, 'budget'],
    ['2024', 2024, 'budget'],
    ['Budget 2024', 2024, 'budget'],
    ['Plan 2025', 2025, 'plan'],
    ['2023(prel.)', 2023, 'budget'],
    ['Prognos 2023', 2023, 'prognos'],
    ['Utfall 2023', 2023, 'utfall'],
    ['Bokslut 2022', 2022, 'utfall'],
    ['B 2024', 2024, 'budget'],
    // The kind after the year, as some economy systems write it.
    ['2025 Budget', 2025, 'budget'],
    ['2026 Plan', 2026, 'plan'],
    ['2024 Prognos', 2024, 'prognos'],
    ['2023 Utfall (prel.)', 2023, 'utfall'],
    ['2024 tkr', 2024, 'budget'],
    ['2025 Budget tkr', 2025, 'budget'],
    [new Date(Date.UTC(2025, 0, 1)), 2025, 'budget'],
  ])('reads %j as %i (%s)', (input, year, kind) => {
    expect(parseYearHeader(input)).toMatchObject({ year, kind });
  });

  it.each([['Budget 2023 plan 2024–2025'], ['Budget 2024 Plan'], ['2024 års'], ['2024 Summa'], [1842.5], [12930], ['Summa intäkter'], ['Kommentar'], [null]])('is not a year header: %j', (input) => {
    expect(parseYearHeader(input)).toBeNull();
  });
});

describe('a minus after the amount', () => {
  it.each([
    ['100-', '-100'],
    ['1 842,50-', '-1842.5'],
    ['12 930 tkr-', null],
    ['100:-', '100'],
    ['(100)-', null],
    ['-', null],
  ])('%j → %s', (text, expected) => {
    const parsed = parseSwedishNumber(text);
    expect(parsed.ok ? parsed.value.toString() : null).toBe(expected);
  });
});
