/**
 * Property tests. Every oracle is plain decimal.js arithmetic done here or in
 * test/helpers/arbitraries.ts, never engine code. Each generator has a literal
 * example next to it, so a reader sees the shape of what is generated.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { decimalText, type Amount } from '../../src/core/amount';
import { analyzeGrid, type Analysis, type TableAnalysis } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import { columnCount, sheetFromValues, type CellValue, type Grid } from '../../src/core/grid';
import type { CellRef, Finding } from '../../src/core/findings';
import { parseSwedishNumber } from '../../src/core/numbers';
import { formatSwedish } from '../../src/core/format';
import {
  applyPerturbation, budgetSpecArb, buildBudget, deltaArb, gridArb, gridOf, knownRelations, moneyArb,
  hasYearLikeRow, perturbationArb, perturbedCell, pickArb, placed, sumLines, totalRows, withDelta,
  type BudgetSpec, type BuiltBudget, type Perturbation,
} from '../helpers/arbitraries';

/** PROPERTY_RUNS_SCALE=20 npx jest test/core/properties.test.ts soaks every property with 20× the runs. */
const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

const cellOf = (ref: CellRef): string => toA1(ref.row, ref.col);
const dec = (v: CellValue): Decimal => new Decimal(v as number);
/** An amount of the engine's as the report writes it. */
const str = (a: Amount | null): string | null => (a === null ? null : decimalText(a));

function onlyTable(analysis: Analysis): TableAnalysis {
  expect(analysis.tables).toHaveLength(1);
  return analysis.tables[0];
}

function analyzeValues(values: CellValue[][], sheetName = 'Budget'): TableAnalysis {
  return onlyTable(analyzeGrid(gridOf(values, sheetName)));
}

/** Skips a generated table holding a row that reads as a header row (see hasYearLikeRow). */
function analyzable(...grids: CellValue[][][]): void {
  fc.pre(grids.every((values) => !hasYearLikeRow(values)));
}

/**
 * Findings that judge the budget's content rather than its arithmetic: random
 * amounts do not split ½ state, ¼ region, ¼ municipalities, so the member-share
 * warning is left out where a property speaks of totals.
 */
const ABOUT_CONTENT: ReadonlySet<string> = new Set(['share-deviation']);

/** Errors and warnings about the arithmetic: what a correct table must not have. */
const serious = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity !== 'info' && !ABOUT_CONTENT.has(f.code));

/** Errors, warnings and rounding notes about the arithmetic. */
const seriousOrRounding = (findings: Finding[]): Finding[] => [...serious(findings), ...findings.filter((f) => f.code === 'rounding')];

/** A finding in words, for toEqual diffs a human can read. */
function brief(f: Finding): string {
  return `${f.code} ${cellOf(f.at)} stated=${str(f.stated)} expected=${str(f.expected)}${f.causedBy ? ` causedBy=${cellOf(f.causedBy)}` : ''}`;
}

// =============================================================================================
// 1. Number parser
// =============================================================================================

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

// =============================================================================================
// 2. Recognition on arbitrary grids
// =============================================================================================

function expectInside(grid: Grid, ref: CellRef): void {
  const sheet = grid.sheets.find((s) => s.name === ref.sheet);
  expect(sheet).toBeDefined();
  expect(ref.row).toBeGreaterThanOrEqual(0);
  expect(ref.row).toBeLessThan(sheet!.rows.length);
  expect(ref.col).toBeGreaterThanOrEqual(0);
  expect(ref.col).toBeLessThan(columnCount(sheet!));
}

describe('analyzeGrid on arbitrary grids', () => {
  it('literal example: a scrap of a sheet with a header, text, an error value and a date', () => {
    const grid: Grid = {
      sheets: [sheetFromValues('Blad1', [
        [null, 'Budget 2024', 2025, 'Summa'],
        ['Intäkter', '1 842,5', { error: '#REF!' }, true],
        ['Totalt', new Date('2024-01-01T00:00:00Z'), 12, null],
        ['Summa kostnader', 3, 4],
      ])],
    };
    const analysis = analyzeGrid(grid);
    for (const f of analysis.tables.flatMap((t) => t.findings)) expectInside(grid, f.at);
  });

  it('(fixed) an invalid Date in the label column does not throw', () => {
    // recognize/body.ts labelText calls toISOString() on the Date; the generator therefore makes
    // valid dates only (noInvalidDate in cellValueArb) until this is fixed.
    const grid: Grid = {
      sheets: [sheetFromValues('Blad1', [
        [null, 2024, 2025],
        ['Intäkter', 'tkr', 'tkr'],
        [new Date(NaN), 1, 2],
        ['Summa intäkter', 1, 2],
      ])],
    };
    expect(() => analyzeGrid(grid)).not.toThrow();
  });

  it('never throws, and every finding, cause and affected cell lies inside its sheet', () => {
    fc.assert(fc.property(gridArb, (grid) => {
      const analysis = analyzeGrid(grid);
      for (const t of analysis.tables) {
        for (const f of t.findings) {
          expectInside(grid, f.at);
          if (f.causedBy) expectInside(grid, f.causedBy);
          for (const a of f.affects) expectInside(grid, a);
        }
      }
    }), runs(300));
  });
});

// =============================================================================================
// 3. Generated budget tables
// =============================================================================================

/** The hand-written table the generator's shape follows (see arbitraries.ts). */
const EXAMPLE_SPEC: BudgetSpec = {
  title: 'Budget för 2024',
  years: [{ year: 2024, form: 'number' }, { year: 2025, form: 'Plan' }, { year: 2026, form: 'Plan' }],
  income: [{ label: 'Staten', values: [1000, 1050, 1100] }, { label: 'Region Skåne', values: [1000, 1050, 1100] }],
  groups: [
    { heading: 'Personal', totalLabel: 'Summa personal', lines: [{ label: 'Förbundschef', values: [900, 950, 1000] }, { label: 'Arbetsgivaravgifter', values: [300, 310, 320] }] },
    { heading: 'Insatser', totalLabel: 'Summa insatser', lines: [{ label: 'Projekt A', values: [500, 500, 500] }, { label: 'Projekt B', values: [200, 250, 300] }] },
  ],
};

const EXAMPLE_GRID: CellValue[][] = [
  /*  1 */ ['Budget för 2024'],
  /*  2 */ [null, 2024, 'Plan 2025', 'Plan 2026'],
  /*  3 */ ['Intäkter', 'tkr', 'tkr', 'tkr'],
  /*  4 */ ['Staten', 1000, 1050, 1100],
  /*  5 */ ['Region Skåne', 1000, 1050, 1100],
  /*  6 */ ['Summa intäkter', 2000, 2100, 2200],
  /*  7 */ ['Kostnader'],
  /*  8 */ ['Personal'],
  /*  9 */ ['Förbundschef', 900, 950, 1000],
  /* 10 */ ['Arbetsgivaravgifter', 300, 310, 320],
  /* 11 */ ['Summa personal', 1200, 1260, 1320],
  /* 12 */ ['Insatser'],
  /* 13 */ ['Projekt A', 500, 500, 500],
  /* 14 */ ['Projekt B', 200, 250, 300],
  /* 15 */ ['Summa insatser', 700, 750, 800],
  /* 16 */ ['Summa kostnader', 1900, 2010, 2120],
  /* 17 */ ['Resultat', 100, 90, 80],
];

/** Column index → year of a built table. */
const yearOfCol = (b: BuiltBudget, col: number): number => b.spec.years[col - 1].year;
const labelOfRow = (b: BuiltBudget, row: number): string => b.values[row][0] as string;

describe('generated budget tables', () => {
  describe('literal example', () => {
    it('is what buildBudget lays out', () => {
      const built = buildBudget(EXAMPLE_SPEC);
      expect(built.values).toEqual(EXAMPLE_GRID);
      expect(built.layout.costTotal).toBe(15);
      expect(built.layout.result).toBe(16);
    });

    it('is clean as written', () => {
      const { findings } = analyzeValues(EXAMPLE_GRID);
      expect(findings.map(brief)).toEqual(['hardcoded-totals B6 stated=null expected=null']);
    });

    it('a line changed by +40 (C10) is one sum-mismatch at C11 that reaches C16 and C17', () => {
      const { findings } = analyzeValues(withDelta(EXAMPLE_GRID, 9, 2, 40));
      expect(serious(findings).map(brief)).toEqual(['sum-mismatch C11 stated=1260 expected=1300']);
      expect(serious(findings)[0].affects.map(cellOf)).toEqual(['C16', 'C17']);
    });

    it('a subtotal changed by +40 (C11) is a sum-mismatch there and a consequence at C16', () => {
      const { findings } = analyzeValues(withDelta(EXAMPLE_GRID, 10, 2, 40));
      expect(serious(findings).map(brief)).toEqual([
        'sum-mismatch C11 stated=1300 expected=1260',
        'consequence C16 stated=2010 expected=2050 causedBy=C11',
      ]);
    });

    it('a total off by one (D17) is rounding', () => {
      const { findings } = analyzeValues(withDelta(EXAMPLE_GRID, 16, 3, 1));
      expect(findings.filter((f) => f.code !== 'hardcoded-totals').map(brief)).toEqual(['rounding D17 stated=81 expected=80']);
    });
  });

  // Minimal counterexamples the properties found, restated on the example table.
  // An open bug is `it.failing`: green while the engine has the bug, red once it
  // is fixed — then turn it into a plain `it`.
  describe('known engine bugs', () => {
    /** EXAMPLE_GRID with some rows replaced (1-based sheet row → new row). */
    const exampleWith = (rows: Record<number, CellValue[]>): CellValue[][] =>
      EXAMPLE_GRID.map((row, i) => rows[i + 1] ?? row);

    it('(fixed) a line of amounts that look like years is data, not a header row', () => {
      // Projekt A starts in 2025 at 2 000 tkr; every total below is right. The engine used to
      // read row 13 as a header, split the table there and report four false sum-mismatches.
      const values = exampleWith({
        13: ['Projekt A', 0, 2000, 2000],
        15: ['Summa insatser', 200, 2250, 2300],
        16: ['Summa kostnader', 1400, 3510, 3620],
        17: ['Resultat', 600, -1410, -1420],
      });
      const analysis = analyzeGrid(gridOf(values));
      expect(analysis.tables.map((t) => t.table.headerRow + 1)).toEqual([2]);
      expect(serious(analysis.tables[0].findings).map(brief)).toEqual([]);
      // Also with no other number in the row: amounts in the year range that do not count up by one.
      const more = analyzeValues(exampleWith({
        13: ['Projekt A', 2000, 2050, 2100],
        15: ['Summa insatser', 2200, 2300, 2400],
        16: ['Summa kostnader', 3400, 3560, 3720],
        17: ['Resultat', -1400, -1460, -1520],
      }));
      expect(serious(more.findings).map(brief)).toEqual([]);
    });

    it('(fixed) a grand total wrong in most columns is reported', () => {
      // Summa kostnader is 100 too high in every year, and Resultat follows it.
      const values = exampleWith({ 16: ['Summa kostnader', 2000, 2110, 2220], 17: ['Resultat', 0, -10, -20] });
      // Before the fix: no finding but the hard-coded-totals note. The relation over the group totals scores
      // 0 of 3 columns, and the label fallback takes the window nearest the target, which is empty
      // (it starts right after Summa insatser), so Summa kostnader gets no relation.
      const { findings } = analyzeValues(values);
      expect(serious(findings).map(brief)).toEqual([
        'sum-mismatch B16 stated=2000 expected=1900',
        'sum-mismatch C16 stated=2110 expected=2010',
        'sum-mismatch D16 stated=2220 expected=2120',
      ]);
    });

    it('(fixed) an income total wrong in every column is checked against its lines, not one of two equal lines', () => {
      // Staten and Region Skåne are equal in every year (as the region and a municipality often
      // are); Summa intäkter is 100 too high in every year.
      const values = exampleWith({ 6: ['Summa intäkter', 2100, 2200, 2300] });
      // Before the fix: Staten is taken for a subtotal of Region Skåne, so the expected values are
      // 1000/1050/1100, and Resultat gets three sum-mismatches instead of consequences.
      const { findings } = analyzeValues(values);
      expect(serious(findings).map(brief)).toEqual([
        'sum-mismatch B6 stated=2100 expected=2000',
        'sum-mismatch C6 stated=2200 expected=2100',
        'sum-mismatch D6 stated=2300 expected=2200',
        'consequence B17 stated=100 expected=200 causedBy=B6',
        'consequence C17 stated=90 expected=190 causedBy=C6',
        'consequence D17 stated=80 expected=180 causedBy=D6',
      ]);
    });

    it('(fixed) two nested chance "subtotals" in a correct two-year table give no false errors', () => {
      // Found by property h. In 2025 Region Skåne = Kommun A + Kommun B (700); in 2026
      // Staten = Region Skåne + Kommun C (3 000). Either alone is one column of two, enough for a
      // tentative subtotal-above; retryWithoutTentative drops one parent at a time and keeps a drop
      // only if it alone helps, but here only dropping both makes Summa intäkter add up.
      const values: CellValue[][] = [
        ['Budget för 2025'],
        [null, 2025, 'Plan 2026'],
        ['Intäkter', 'tkr', 'tkr'],
        ['Staten', 0, 3000],
        ['Region Skåne', 700, 1000],
        ['Kommun A', 300, 0],
        ['Kommun B', 400, 0],
        ['Kommun C', 5, 2000],
        ['Summa intäkter', 1405, 6000],
        ['Kostnader'],
        ['Personal'],
        ['Förbundschef', 1000, 1000],
        ['Summa personal', 1000, 1000],
        ['Resultat', 405, 5000],
      ];
      // Before the fix: 'sum-mismatch C5 stated=1000 expected=0' (Region Skåne as a total of Kommun A + B)
      // and 'sum-mismatch B9 stated=1405 expected=705' (Summa intäkter = Staten + Region + Kommun C).
      expect(seriousOrRounding(analyzeValues(values).findings).map(brief)).toEqual([]);
    });
  });

  it('a. a correct table has no error, no warning and no rounding', () => {
    fc.assert(fc.property(budgetSpecArb, (spec) => {
      analyzable(buildBudget(spec).values);
      const { findings } = analyzeValues(buildBudget(spec).values);
      expect(seriousOrRounding(findings).map(brief)).toEqual([]);
    }), runs(100));
  });

  it('b. a cost line off by d (|d| ≥ 2) is one sum-mismatch at its group total, reaching the later totals', () => {
    fc.assert(fc.property(budgetSpecArb, pickArb, deltaArb, (spec, pick, d) => {
      const b = buildBudget(spec);
      const p: Perturbation = { kind: 'line', pick, d };
      const { col } = perturbedCell(b, p)!;
      const group = b.layout.groups[pick.group % b.layout.groups.length];
      const stated = dec(b.values[group.total][col]);
      analyzable(applyPerturbation(b, p));
      const { findings } = analyzeValues(applyPerturbation(b, p));
      expect(seriousOrRounding(findings).map(brief)).toEqual([`sum-mismatch ${toA1(group.total, col)} stated=${stated.toFixed()} expected=${stated.plus(d).toFixed()}`]);
      const later = [...(b.layout.costTotal === null ? [] : [b.layout.costTotal]), b.layout.result];
      expect(serious(findings)[0].affects.map(cellOf)).toEqual(later.map((row) => toA1(row, col)));
    }), runs(100));
  });

  it('c. a group total off by d (|d| ≥ 2) is a sum-mismatch there, and the next total up is its consequence', () => {
    fc.assert(fc.property(budgetSpecArb, pickArb, deltaArb, (spec, pick, d) => {
      const b = buildBudget(spec);
      const p: Perturbation = { kind: 'subtotal', pick, d };
      const { row, col } = perturbedCell(b, p)!;
      const original = dec(b.values[row][col]);
      // The first total that reads the group total: Summa kostnader, or Resultat when there is one group.
      const next = b.layout.costTotal ?? b.layout.result;
      const nextStated = dec(b.values[next][col]);
      const nextFromStatedParts = b.layout.costTotal !== null ? nextStated.plus(d) : nextStated.minus(d);
      analyzable(applyPerturbation(b, p));
      const { findings } = analyzeValues(applyPerturbation(b, p));
      expect(serious(findings).map(brief)).toEqual([
        `sum-mismatch ${toA1(row, col)} stated=${original.plus(d).toFixed()} expected=${original.toFixed()}`,
        `consequence ${toA1(next, col)} stated=${nextStated.toFixed()} expected=${nextFromStatedParts.toFixed()} causedBy=${toA1(row, col)}`,
      ]);
      const [mismatch, consequence] = serious(findings);
      expect(mismatch.affects).toEqual([]);
      expect(str(consequence.recomputed)).toBe(nextStated.toFixed());
      expect(findings.filter((f) => f.code === 'rounding')).toEqual([]);
    }), runs(100));
  });

  it('d. a total off by exactly 1 is rounding, never an error', () => {
    fc.assert(fc.property(budgetSpecArb, pickArb, fc.constantFrom<1 | -1>(1, -1), (spec, pick, d) => {
      const b = buildBudget(spec);
      const p: Perturbation = { kind: 'rounding', pick, d };
      const { row, col } = perturbedCell(b, p)!;
      const original = dec(b.values[row][col]);
      analyzable(applyPerturbation(b, p));
      const { findings } = analyzeValues(applyPerturbation(b, p));
      expect(serious(findings).map(brief)).toEqual([]);
      expect(findings.filter((f) => f.code === 'rounding' && f.at.row === row && f.at.col === col).map(brief))
        .toEqual([`rounding ${toA1(row, col)} stated=${original.plus(d).toFixed()} expected=${original.toFixed()}`]);
    }), runs(100));
  });

  it('e. moving the table on the sheet and renaming the sheet shifts the findings, nothing else', () => {
    const sheetNameArb = fc.string({ minLength: 1, maxLength: 31 });
    fc.assert(fc.property(budgetSpecArb, perturbationArb, fc.nat({ max: 12 }), fc.nat({ max: 6 }), sheetNameArb, (spec, p, dr, dc, name) => {
      const values = applyPerturbation(buildBudget(spec), p);
      analyzable(values);
      const shape = (findings: Finding[], sheet: string, r: number, c: number) => {
        const ref = (x: CellRef) => ({ sheet: x.sheet === sheet ? '(sheet)' : x.sheet, row: x.row - r, col: x.col - c });
        return findings.map((f) => ({
          code: f.code, severity: f.severity, rowLabel: f.rowLabel, year: f.year,
          stated: str(f.stated), expected: str(f.expected), recomputed: str(f.recomputed),
          at: ref(f.at), causedBy: f.causedBy && ref(f.causedBy), affects: f.affects.map(ref),
        }));
      };
      const before = analyzeValues(values, 'Budget');
      const after = analyzeValues(placed(values, dr, dc), name);
      expect(shape(after.findings, name, dr, dc)).toEqual(shape(before.findings, 'Budget', 0, 0));
    }), runs(50));
  });

  it('f. reversing or shuffling the lines of a cost group changes no finding', () => {
    const orderArb = fc.record({ reverse: fc.boolean(), keys: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }) });
    fc.assert(fc.property(budgetSpecArb, perturbationArb, fc.nat(), orderArb, (spec, p, g, order) => {
      const b = buildBudget(spec);
      const values = applyPerturbation(b, p);
      analyzable(values);
      const rows = b.layout.groups[g % b.layout.groups.length].lines;
      const idx = rows.map((_, i) => i);
      const perm = order.reverse ? [...idx].reverse() : [...idx].sort((x, y) => order.keys[x] - order.keys[y] || x - y);
      const shuffled = values.map((r) => [...r]);
      rows.forEach((row, i) => { shuffled[row] = [...values[rows[perm[i]]]]; });
      const key = (findings: Finding[]) =>
        findings.map((f) => `${f.code}|${f.rowLabel}|${f.year}|${str(f.stated)}|${str(f.expected)}`).sort();
      expect(key(analyzeValues(shuffled).findings)).toEqual(key(analyzeValues(values).findings));
    }), runs(50));
  });

  it('g. writing back the recomputed totals leaves no error and no consequence', () => {
    fc.assert(fc.property(budgetSpecArb, perturbationArb, (spec, p) => {
      const values = applyPerturbation(buildBudget(spec), p);
      analyzable(values);
      const first = analyzeValues(values);
      const fixed = values.map((r) => [...r]);
      first.table.rows.forEach((row, r) => {
        if (row.role !== 'total' && row.role !== 'result') return;
        first.table.columns.forEach((column, c) => {
          fixed[row.row][column.col] = first.recomputed.value({ row: r, col: c }).toNumber();
        });
      });
      analyzable(fixed);
      const again = analyzeValues(fixed);
      expect(again.findings.filter((f) => f.severity === 'error' || f.code === 'consequence').map(brief)).toEqual([]);
    }), runs(50));
  });

  it('h. the engine finds exactly the totals built, over exactly their lines, and recomputes their Decimal sums', () => {
    fc.assert(fc.property(budgetSpecArb, (spec) => {
      const b = buildBudget(spec);
      analyzable(b.values);
      const { table, recomputed } = analyzeValues(b.values);
      const n = spec.years.length;
      // The test's own sums, from the spec's lines (not from the grid's totals).
      const incomeSum = sumLines(spec.income, n);
      const groupSums = spec.groups.map((g) => sumLines(g.lines, n));
      const costSum = Array.from({ length: n }, (_, c) => groupSums.reduce((acc, s) => acc.plus(s[c]), new Decimal(0)));
      const sums = new Map<number, Decimal[]>([
        [b.layout.incomeTotal, incomeSum],
        ...b.layout.groups.map((g, i) => [g.total, groupSums[i]] as [number, Decimal[]]),
        ...(b.layout.costTotal === null ? [] : [[b.layout.costTotal, costSum] as [number, Decimal[]]]),
        [b.layout.result, incomeSum.map((v, c) => v.minus(costSum[c]))],
      ]);
      // Relations in sheet rows, as labels for a readable diff.
      const engine = table.relations.map((rel) => ({
        target: labelOfRow(b, table.rows[rel.target].row),
        terms: rel.terms.map((t) => `${t.sign === 1 ? '+' : '−'}${labelOfRow(b, table.rows[t.row].row)}`),
      }));
      const built = knownRelations(b.layout).map((rel) => ({
        target: labelOfRow(b, rel.target),
        terms: rel.terms.map((t) => `${t.sign === 1 ? '+' : '−'}${labelOfRow(b, t.row)}`),
      }));
      expect(engine).toEqual(built);
      for (const rel of table.relations) {
        const sheetRow = table.rows[rel.target].row;
        table.columns.forEach((column, c) => {
          expect(yearOfCol(b, column.col)).toBe(column.year);
          expect(`${labelOfRow(b, sheetRow)} ${column.year}: ${recomputed.value({ row: rel.target, col: c }).toFixed()}`)
            .toBe(`${labelOfRow(b, sheetRow)} ${column.year}: ${sums.get(sheetRow)![c].toFixed()}`);
        });
      }
      expect(totalRows(b.layout).every((row) => sums.has(row))).toBe(true);
    }), runs(100));
  });
});
