/**
 * Fuzz and property tests for issue 7 (hardening), beside test/core/properties/ (which
 * has the parser's round trips and analyzeGrid on arbitrary grids): the number parser on any
 * text at all and in every Swedish negative form, its normal form a fixed point, and the
 * recognizer deterministic, blind to stray spaces in labels and to unrelated sheets.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyzeGrid, type Analysis } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import { formatSwedish } from '../../src/core/format';
import type { Cell, CellValue, Grid, Sheet } from '../../src/core/grid';
import { sheetFromValues } from '../../src/core/grid';
import { parseSwedishNumber } from '../../src/core/numbers';
import { tableReport } from '../../src/core/report';
import {
  applyPerturbation, budgetSpecArb, buildBudget, gridArb, hasYearLikeRow, moneyArb, perturbationArb, numberishStringArb,
} from '../helpers/arbitraries';

const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

// =============================================================================================
// The number parser
// =============================================================================================

/** Pieces of what a Swedish economist types, in any order: `−1 842,5 tkr`, `(12.930)`, `100-`. */
const swedishPiecesArb = fc.array(fc.constantFrom(
  '0', '1', '2', '5', '9', '00', '842', '1 842', '12 930', ',', '.', ',5', '.50', ' ', '\u00a0', '\u2009', '\u202f', '\u2007',
  '-', '\u2212', '\u2013', '\u2014', '+', '(', ')', 'tkr', 'kr', 'mkr', 'kronor', ':-', 'Tkr', 'KR', '%', 'e', 'E', '\t', '\n', '\ufeff',
), { maxLength: 10 }).map((parts) => parts.join(''));

describe('parseSwedishNumber on any text', () => {
  it('never throws, on any Unicode (lone surrogates too), and reads only finite numbers from text with a digit', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), swedishPiecesArb, numberishStringArb, fc.string({ unit: 'grapheme', maxLength: 200 })), (s) => {
      const parsed = parseSwedishNumber(s);
      if (parsed.ok) {
        expect(/\d/.test(s)).toBe(true);
        expect(parsed.value.isFinite()).toBe(true);
      } else {
        expect(['empty', 'not-a-number']).toContain(parsed.reason);
      }
    }), runs(1000));
  });

  it('copes with very long digit strings without losing a digit', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 1, maxLength: 400 }), (digits) => {
      const parsed = parseSwedishNumber(digits);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.toFixed()).toBe(new Decimal(digits).toFixed());
    }), runs(100));
  });

  it('has a normal form: what it reads, written in Swedish and read again, writes the same (idempotent)', () => {
    fc.assert(fc.property(swedishPiecesArb, fc.constantFrom(undefined, 'tkr' as const, 'kr' as const), (s, unit) => {
      const first = parseSwedishNumber(s);
      if (!first.ok) return;
      const written = formatSwedish(first.value, { unit });
      const again = parseSwedishNumber(written);
      expect(again.ok).toBe(true);
      if (!again.ok) return;
      // Written with at most two decimals (as the report shows amounts): exact up to there.
      if (first.value.decimalPlaces() <= 2) expect(again.value.toFixed()).toBe(first.value.toFixed());
      expect(formatSwedish(again.value, { unit })).toBe(written);
    }), runs(500));
  });

  const positive = moneyArb.filter((x) => x.gt(0));
  const negativeForms: [string, (f: string) => string][] = [
    ['with a hyphen (-x)', (f) => `-${f}`],
    ['with a minus sign (\u2212x)', (f) => `\u2212${f}`],
    ['with an en dash (\u2013x)', (f) => `\u2013${f}`],
    ['in parentheses ((x))', (f) => `(${f})`],
    ['with a space after the sign (- x)', (f) => `- ${f}`],
    ['with the unit (\u2212x tkr)', (f) => `\u2212${f} tkr`],
    ['in parentheses with the unit ((x) kr)', (f) => `(${f}) kr`],
  ];

  it.each(negativeForms)('reads every amount written %s as its negative', (_name, write) => {
    fc.assert(fc.property(positive, fc.constantFrom(' ', '\u00a0', '\u202f'), (x, groupSeparator) => {
      const parsed = parseSwedishNumber(write(formatSwedish(x, { groupSeparator })));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.toFixed()).toBe(x.negated().toFixed());
    }), runs(100));
  });

  it('reads a minus after the amount, as some economy systems export it (1 842,50-)', () => {
    fc.assert(fc.property(positive, (x) => {
      const parsed = parseSwedishNumber(`${formatSwedish(x)}-`);
      expect(parsed.ok && parsed.value.toFixed()).toBe(x.negated().toFixed());
    }), runs(20));
  });
});

// =============================================================================================
// The recognizer
// =============================================================================================

const report = (analysis: Analysis): string => JSON.stringify(analysis.tables.map((t) => tableReport(t)));
const findingsOf = (analysis: Analysis): string[] =>
  analysis.tables.flatMap((t) => t.findings.map((f) => `${f.code}@${f.at.sheet}!${toA1(f.at.row, f.at.col)}`)).sort();
const rangesOf = (analysis: Analysis): string[] =>
  analysis.tables.map((t) => `${t.table.sheet}!${toA1(t.table.range.top, t.table.range.left)}:${toA1(t.table.range.bottom, t.table.range.right)}`);

/** Cells nothing readable produces but a host might hand over: NaN, ±Infinity, −0, 1e308, invalid dates, long text. */
const oddValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2),
  fc.constant(new Date(Number.NaN)),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('Summa ', 'x', '\u00a0', ' ', 'ä'), minLength: 500, maxLength: 2000 }),
  fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#NAME?' }, { error: '#NULL!' }, { error: '#SPILL!' }, { error: '' }),
);

/** A grid from gridArb with some cells replaced by odd values. */
const oddGridArb: fc.Arbitrary<Grid> = fc.tuple(gridArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), oddValueArb), { maxLength: 8 }))
  .map(([grid, odd]) => {
    const sheets = grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) }));
    for (const [si, r, c, value] of odd) {
      const sheet = sheets[si % sheets.length];
      if (sheet.rows.length === 0) continue;
      const row = (sheet.rows[r % sheet.rows.length] ??= []);
      row[c % (row.length + 1)] = { value } as Cell;
    }
    return { sheets };
  });

/** A deep copy (structuredClone would make Dates of another realm under jest: not `instanceof Date` here). */
function cloneGrid(grid: Grid): Grid {
  const cloneValue = (v: CellValue): CellValue => (v instanceof Date ? new Date(v.getTime()) : v !== null && typeof v === 'object' ? { ...v } : v);
  return {
    sheets: grid.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => (row ? row.map((c) => (c ? { ...c, value: cloneValue(c.value) } : c)) : row)),
      merges: s.merges?.map((m) => ({ ...m })),
    })),
  };
}

describe('analyzeGrid on odd grids', () => {
  it('never throws on NaN, Infinity, invalid dates, lone surrogates, 2 000-character labels or unknown error values', () => {
    fc.assert(fc.property(oddGridArb, (grid) => {
      expect(() => analyzeGrid(grid)).not.toThrow();
    }), runs(300));
  });

  it('is deterministic: the same grid twice, or a copy of it, gives the same report', () => {
    fc.assert(fc.property(gridArb, (grid) => {
      const first = report(analyzeGrid(grid));
      expect(report(analyzeGrid(grid))).toBe(first);
      expect(report(analyzeGrid(cloneGrid(grid)))).toBe(first);
    }), runs(150));
  });
});

/** A built budget with one planted error, as a sheet. */
const budgetCaseArb = fc.tuple(budgetSpecArb, perturbationArb).map(([spec, p]) => {
  const built = buildBudget(spec);
  return { built, values: applyPerturbation(built, p) };
}).filter(({ values }) => !hasYearLikeRow(values));

const SPACES = ['', ' ', '  ', '\u00a0', '\t', ' \u00a0'];

describe('a budget table and what surrounds it', () => {
  it('literal example: Summa intäkter with a trailing no-break space is still the total', () => {
    const values: CellValue[][] = [
      [null, 2024, 2025],
      ['Intäkter', 'tkr', 'tkr'],
      ['Staten\u00a0', 1000, 1000],
      [' Region', 500, 540],
      ['Summa intäkter\u00a0 ', 1500, 1500],
    ];
    expect(findingsOf(analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }))).toContain('sum-mismatch@Budget!C5');
  });

  it('finds the same tables and findings when labels have stray spaces, tabs or no-break spaces around them', () => {
    fc.assert(fc.property(budgetCaseArb, fc.array(fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...SPACES)), { minLength: 40, maxLength: 40 }), ({ values }, pads) => {
      const padded = values.map((row, r) => (typeof row[0] === 'string' && row[0] !== '' ? [`${pads[r % 40][0]}${row[0]}${pads[r % 40][1]}`, ...row.slice(1)] : row));
      const clean = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] });
      const spaced = analyzeGrid({ sheets: [sheetFromValues('Budget', padded)] });
      expect(rangesOf(spaced)).toEqual(rangesOf(clean));
      expect(findingsOf(spaced)).toEqual(findingsOf(clean));
    }), runs(100));
  });

  it('finds the same in the budget sheet when other sheets come before it: empty, statistics, a ledger', () => {
    const statistics: Sheet = sheetFromValues('Statistik', [
      ['Befolkning per kommun'], [null, 2020, 2021, 2022], ['Lund', 124935, 125941, 127376], ['Vellinge', 36962, 37256, 37490], ['Totalt', 161897, 163197, 164866],
    ]);
    const ledger: Sheet = sheetFromValues('Huvudbok', [['Datum', 'Konto', 'Belopp'], ...Array.from({ length: 200 }, (_, i): CellValue[] => [new Date(Date.UTC(2024, 0, 1 + i)), 4000 + (i % 7), (i * 37) % 1000])]);
    const empty: Sheet = { name: 'Tomt', rows: [] };
    fc.assert(fc.property(budgetCaseArb, fc.subarray([empty, statistics, ledger], { minLength: 1 }), ({ values }, others) => {
      const alone = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] });
      const among = analyzeGrid({ sheets: [...others, sheetFromValues('Budget', values)] });
      const onBudget = (a: Analysis) => ({ ranges: rangesOf(a).filter((r) => r.startsWith('Budget!')), findings: findingsOf(a).filter((f) => f.includes('@Budget!')) });
      expect(onBudget(among)).toEqual(onBudget(alone));
    }), runs(60));
  });
});
