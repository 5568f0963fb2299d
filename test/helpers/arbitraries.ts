/**
 * fast-check generators for the property tests (test/core/properties/).
 *
 * Everything the tests compare against is computed here with plain decimal.js,
 * never with engine code: a generated budget table knows its own totals, and
 * which rows each total is the sum of.
 *
 * A generated table, sheet rows 1-based as in Excel (label column A, years from B):
 *
 *    1  Budget för 2024
 *    2  (blank)        2024      Plan 2025   …
 *    3  Intäkter       tkr       tkr
 *    4  Staten         1000      1050          ← 2–8 income lines
 *    …
 *       Summa intäkter
 *       Kostnader                              ← heading, no numbers
 *       Personal                               ← 1–3 cost groups: heading,
 *       Förbundschef   900       950             1–6 lines,
 *       Summa personal …                          'Summa <group>'
 *       Summa kostnader                        ← only when there are ≥ 2 groups
 *       Resultat                               ← Summa intäkter − total costs
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import type { Cell, CellValue, Grid, Sheet } from '../../src/core/grid';
import { sheetFromValues } from '../../src/core/grid';

// ---------------------------------------------------------------------------------------------
// Budget tables
// ---------------------------------------------------------------------------------------------

export type YearForm = 'number' | 'Budget' | 'Plan';

export interface LineSpec {
  label: string;
  /** One integer per year column. */
  values: number[];
}

export interface GroupSpec {
  heading: string;
  totalLabel: string;
  lines: LineSpec[];
}

export interface BudgetSpec {
  title: string;
  years: { year: number; form: YearForm }[];
  income: LineSpec[];
  groups: GroupSpec[];
}

/** Sheet rows (0-based, relative to the table's top-left corner) of every part of a built table. */
export interface Layout {
  title: number;
  header: number;
  unit: number;
  incomeLines: number[];
  incomeTotal: number;
  costHeading: number;
  groups: { heading: number; lines: number[]; total: number }[];
  /** 'Summa kostnader', present when there is more than one group. */
  costTotal: number | null;
  /** The row Resultat subtracts: Summa kostnader, or the only group's total. */
  costBasis: number;
  result: number;
  /** Sheet columns of the years: 1, 2, … */
  valueCols: number[];
}

export interface BuiltBudget {
  spec: BudgetSpec;
  values: CellValue[][];
  layout: Layout;
}

/** A total the test built, and the rows (with signs) it is the sum of. */
export interface KnownRelation {
  target: number;
  terms: { row: number; sign: 1 | -1 }[];
}

const INCOME_LABELS = ['Staten', 'Region Skåne', 'Kommun A', 'Kommun B', 'Kommun C', 'Kommun D', 'Ränteintäkter', 'Övriga intäkter'];

const GROUPS: { heading: string; totalLabel: string; lines: string[] }[] = [
  { heading: 'Personal', totalLabel: 'Summa personal', lines: ['Förbundschef', 'Lönekostnad', 'Arbetsgivaravgifter', 'Utbildning', 'Friskvård', 'Resor'] },
  { heading: 'Lokaler', totalLabel: 'Summa lokaler', lines: ['Hyra', 'El och värme', 'Städning', 'Larm', 'Inventarier', 'Försäkring'] },
  { heading: 'Insatser', totalLabel: 'Summa insatser', lines: ['Projekt A', 'Projekt B', 'Projekt C', 'Projekt D', 'Projekt E', 'Projekt F'] },
  { heading: 'Administration', totalLabel: 'Summa administration', lines: ['Revision', 'Ekonomitjänster', 'Styrelsearvoden', 'IT och telefoni', 'Kommunikation', 'Porto'] },
  { heading: 'Övrigt', totalLabel: 'Summa övrigt', lines: ['Konferenser', 'Representation', 'Litteratur', 'Medlemskap', 'Tryck', 'Diverse'] },
];

const MAX_YEARS = 5;

/** Integer amounts in tkr. Unbiased: fast-check's bias towards 0, 1, 2 makes tables of zeros. */
export const amountArb = fc.noBias(fc.integer({ min: 0, max: 5000 }));

const valuesArb = fc.array(amountArb, { minLength: MAX_YEARS, maxLength: MAX_YEARS });

export const budgetSpecArb: fc.Arbitrary<BudgetSpec> = fc
  .record({
    firstYear: fc.integer({ min: 2018, max: 2030 }),
    yearCount: fc.integer({ min: 2, max: MAX_YEARS }),
    forms: fc.array(fc.constantFrom<YearForm>('number', 'Budget', 'Plan'), { minLength: MAX_YEARS, maxLength: MAX_YEARS }),
    titleForm: fc.constantFrom('first-year', 'span', 'no-year'),
    income: fc.array(valuesArb, { minLength: 2, maxLength: 8 }),
    groups: fc.uniqueArray(
      fc.record({ which: fc.integer({ min: 0, max: GROUPS.length - 1 }), lines: fc.array(valuesArb, { minLength: 1, maxLength: 6 }) }),
      { minLength: 1, maxLength: 3, selector: (g) => g.which },
    ),
  })
  .map(({ firstYear, yearCount, forms, titleForm, income, groups }) => {
    const years = forms.slice(0, yearCount).map((form, i) => ({ year: firstYear + i, form }));
    const lastYear = firstYear + yearCount - 1;
    const title = titleForm === 'first-year' ? `Budget för ${firstYear}`
      : titleForm === 'span' ? `Budget ${firstYear}–${lastYear}`
        : 'Samordningsförbundet Exempel';
    const cut = (v: number[]) => v.slice(0, yearCount);
    return {
      title,
      years,
      income: income.map((v, i) => ({ label: INCOME_LABELS[i], values: cut(v) })),
      groups: groups.map((g) => ({
        heading: GROUPS[g.which].heading,
        totalLabel: GROUPS[g.which].totalLabel,
        lines: g.lines.map((v, i) => ({ label: GROUPS[g.which].lines[i], values: cut(v) })),
      })),
    };
  });

/** Column-wise Decimal sum of lines. */
export function sumLines(lines: LineSpec[], yearCount: number): Decimal[] {
  return Array.from({ length: yearCount }, (_, c) => lines.reduce((acc, l) => acc.plus(l.values[c]), new Decimal(0)));
}

function yearHeader(y: { year: number; form: YearForm }): CellValue {
  return y.form === 'number' ? y.year : `${y.form} ${y.year}`;
}

/** Lays a spec out on a sheet, every total computed here with decimal.js. */
export function buildBudget(spec: BudgetSpec): BuiltBudget {
  const n = spec.years.length;
  const values: CellValue[][] = [];
  const push = (row: CellValue[]): number => values.push(row) - 1;
  const numbers = (ds: Decimal[]): number[] => ds.map((d) => d.toNumber());

  const title = push([spec.title]);
  const header = push([null, ...spec.years.map(yearHeader)]);
  const unit = push(['Intäkter', ...spec.years.map(() => 'tkr')]);
  const incomeLines = spec.income.map((l) => push([l.label, ...l.values]));
  const incomeSum = sumLines(spec.income, n);
  const incomeTotal = push(['Summa intäkter', ...numbers(incomeSum)]);
  const costHeading = push(['Kostnader']);
  const groupSums: Decimal[][] = [];
  const groups = spec.groups.map((g) => {
    const heading = push([g.heading]);
    const lines = g.lines.map((l) => push([l.label, ...l.values]));
    const sum = sumLines(g.lines, n);
    groupSums.push(sum);
    const total = push([g.totalLabel, ...numbers(sum)]);
    return { heading, lines, total };
  });
  const costSum = Array.from({ length: n }, (_, c) => groupSums.reduce((acc, s) => acc.plus(s[c]), new Decimal(0)));
  const costTotal = spec.groups.length > 1 ? push(['Summa kostnader', ...numbers(costSum)]) : null;
  const result = push(['Resultat', ...numbers(incomeSum.map((v, c) => v.minus(costSum[c])))]);
  return {
    spec,
    values,
    layout: {
      title, header, unit, incomeLines, incomeTotal, costHeading, groups, costTotal,
      costBasis: costTotal ?? groups[0].total,
      result,
      valueCols: spec.years.map((_, i) => i + 1),
    },
  };
}

/**
 * A row no reader can tell from a header row: every number in it a whole number
 * in 1990–2100, at least two, counting up by one (`Hyra  2024  2025`). The
 * engine reads it as year headers and starts a new table there, which is fair,
 * so the table properties skip tables holding one. (Rows that merely contain
 * such numbers, `Projekt A  0  2000  2000`, are data: see the regression test.)
 */
export function hasYearLikeRow(values: CellValue[][]): boolean {
  const yearLike = (v: number) => Number.isInteger(v) && v >= 1990 && v <= 2100;
  // Body rows only: they have a label; the header row's label cell is blank.
  return values.some((row) => {
    if (typeof row[0] !== 'string') return false;
    const numbers = row.filter((v): v is number => typeof v === 'number');
    return numbers.length >= 2 && numbers.every((v, i) => yearLike(v) && (i === 0 || v === numbers[i - 1] + 1));
  });
}

/** The relations the test built: every Summa row over its lines, Summa kostnader over the group totals, Resultat. */
export function knownRelations(layout: Layout): KnownRelation[] {
  const plus = (rows: number[]) => rows.map((row) => ({ row, sign: 1 as const }));
  const out: KnownRelation[] = [
    { target: layout.incomeTotal, terms: plus(layout.incomeLines) },
    ...layout.groups.map((g) => ({ target: g.total, terms: plus(g.lines) })),
  ];
  if (layout.costTotal !== null) out.push({ target: layout.costTotal, terms: plus(layout.groups.map((g) => g.total)) });
  out.push({ target: layout.result, terms: [{ row: layout.incomeTotal, sign: 1 }, { row: layout.costBasis, sign: -1 }] });
  return out;
}

/** Every row that holds a total: income total, group totals, Summa kostnader, Resultat. */
export function totalRows(layout: Layout): number[] {
  return [layout.incomeTotal, ...layout.groups.map((g) => g.total), ...(layout.costTotal === null ? [] : [layout.costTotal]), layout.result];
}

/** A copy of the grid values with d added (in decimal.js) to one cell. */
export function withDelta(values: CellValue[][], row: number, col: number, d: Decimal.Value): CellValue[][] {
  const copy = values.map((r) => [...r]);
  copy[row][col] = new Decimal(copy[row][col] as number).plus(d).toNumber();
  return copy;
}

/** The values moved down by dr rows and right by dc columns. */
export function placed(values: CellValue[][], dr: number, dc: number): CellValue[][] {
  const blankRows: CellValue[][] = Array.from({ length: dr }, () => []);
  return [...blankRows, ...values.map((r) => [...Array<CellValue>(dc).fill(null), ...r])];
}

export function gridOf(values: CellValue[][], sheetName = 'Budget'): Grid {
  return { sheets: [sheetFromValues(sheetName, values)] };
}

/** |d| ≥ 2: past the one-unit rounding tolerance of a tkr table. */
export const deltaArb = fc.tuple(fc.integer({ min: 2, max: 5000 }), fc.boolean()).map(([m, neg]) => (neg ? -m : m));

/** Indexes to pick a group / line / column / total with; reduced modulo the table's sizes. */
export const pickArb = fc.record({ group: fc.nat(), line: fc.nat(), col: fc.nat(), total: fc.nat() });
export type Pick = { group: number; line: number; col: number; total: number };

/** An error a test may plant in a table. */
export type Perturbation =
  | { kind: 'none' }
  | { kind: 'line'; pick: Pick; d: number }
  | { kind: 'subtotal'; pick: Pick; d: number }
  | { kind: 'rounding'; pick: Pick; d: 1 | -1 };

export const perturbationArb: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('line' as const), pick: pickArb, d: deltaArb }),
  fc.record({ kind: fc.constant('subtotal' as const), pick: pickArb, d: deltaArb }),
  fc.record({ kind: fc.constant('rounding' as const), pick: pickArb, d: fc.constantFrom<1 | -1>(1, -1) }),
);

/** The cell a perturbation changes, in table-relative coordinates; null for 'none'. */
export function perturbedCell(b: BuiltBudget, p: Perturbation): { row: number; col: number } | null {
  if (p.kind === 'none') return null;
  const { layout } = b;
  const col = layout.valueCols[p.pick.col % layout.valueCols.length];
  const group = layout.groups[p.pick.group % layout.groups.length];
  if (p.kind === 'line') return { row: group.lines[p.pick.line % group.lines.length], col };
  if (p.kind === 'subtotal') return { row: group.total, col };
  const totals = totalRows(layout);
  return { row: totals[p.pick.total % totals.length], col };
}

export function applyPerturbation(b: BuiltBudget, p: Perturbation): CellValue[][] {
  const cell = perturbedCell(b, p);
  return cell && p.kind !== 'none' ? withDelta(b.values, cell.row, cell.col, p.d) : b.values;
}

// ---------------------------------------------------------------------------------------------
// Arbitrary grids (recognition must never throw)
// ---------------------------------------------------------------------------------------------

const WORDS = [
  'Summa', 'Summa intäkter', 'Summa kostnader', 'Totalt', 'Resultat', 'Intäkter', 'Kostnader', 'Personal',
  'Budget 2025', 'Plan 2026', 'Prognos 2023', 'Utfall 2022', '2024', '2023(prel.)', 'tkr', 'kr', 'mkr', '(tkr)',
  '1 842,5', '(745)', '−12', '12 930 tkr', '1.842,5', '#REF!', 'Staten', 'Sparade medel',
  'Ingående eget kapital', 'Eget kapital, UB', 'Medel till förfogande', 'Tillgängliga medel',
  'Kvar att disponera', 'Reservnivå 20 % av tilldelning', 'Budget 2023 plan 2024–2025', '- Revision', 'kostnader',
  '', ' ',
];

export const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 6 },
  { arbitrary: fc.integer({ min: -20000, max: 20000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1988, max: 2102 }), weight: 2 },
  { arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }), weight: 1 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 5 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  // Invalid dates too: a label cell may hold one (an unreadable date in the file).
  { arbitrary: fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z') }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }), weight: 1 },
);

const FORMULAS = ['SUM(B2:B4)', 'SUMMA(B3:B9)', 'B3+B4', 'B5-B6', '$C$2+C3', 'Blad2!B3', "'Blad 1'!B2:B4", 'SUM(B2,B4)', 'SUM(', '1+'];

export const cellArb: fc.Arbitrary<Cell | undefined> = fc
  .tuple(cellValueArb, fc.option(fc.constantFrom(...FORMULAS), { freq: 6 }), fc.option(fc.constantFrom('#,##0', '#,##0 "tkr"', '0.0'), { freq: 8 }))
  .map(([value, formula, numFmt]) => {
    if (value === null && formula === null) return undefined;
    const cell: Cell = { value };
    if (formula !== null) cell.formula = formula;
    if (numFmt !== null) cell.numFmt = numFmt;
    return cell;
  });

/** A header row of 2–4 year headers starting at a random column: makes tables likely. */
const headerRowArb: fc.Arbitrary<(Cell | undefined)[]> = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 2015, max: 2030 }), fc.array(fc.constantFrom('number', 'Budget', 'Plan', 'Prognos'), { minLength: 2, maxLength: 4 }))
  .map(([left, first, forms]) => [
    ...Array<undefined>(left).fill(undefined),
    ...forms.map((f, i) => ({ value: f === 'number' ? first + i : `${f} ${first + i}` })),
  ]);

const rowArb: fc.Arbitrary<(Cell | undefined)[] | undefined> = fc.oneof(
  { arbitrary: fc.array(cellArb, { maxLength: 7 }), weight: 8 },
  { arbitrary: headerRowArb, weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/** A sheet of up to 14 rows; missing rows stay holes in the array, as a sparse host would leave them. */
const sheetArb = (name: string): fc.Arbitrary<Sheet> =>
  fc.array(rowArb, { maxLength: 14 }).map((rows) => {
    const sparse: (Cell | undefined)[][] = new Array(rows.length);
    rows.forEach((r, i) => {
      if (r !== undefined) sparse[i] = r;
    });
    return { name, rows: sparse };
  });

/** A generated budget table with a few cells overwritten by arbitrary ones. */
const mutatedBudgetSheetArb = (name: string): fc.Arbitrary<Sheet> =>
  fc
    .tuple(budgetSpecArb, fc.array(fc.tuple(fc.nat(), fc.nat(), cellArb), { maxLength: 6 }))
    .map(([spec, mutations]) => {
      const sheet = sheetFromValues(name, buildBudget(spec).values);
      for (const [r, c, cell] of mutations) {
        const row = sheet.rows[r % sheet.rows.length];
        row[c % (row.length + 1)] = cell;
      }
      return sheet;
    });

export const gridArb: fc.Arbitrary<Grid> = fc
  .array(fc.oneof({ arbitrary: fc.constant('random'), weight: 3 }, { arbitrary: fc.constant('budget'), weight: 1 }), { minLength: 1, maxLength: 3 })
  .chain((kinds) =>
    fc.tuple(...kinds.map((k, i) => (k === 'random' ? sheetArb(`Blad${i + 1}`) : mutatedBudgetSheetArb(`Blad${i + 1}`)))))
  .map((sheets) => ({ sheets }));

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** A decimal with at most two decimals in ±1e12, exact (built from whole cents). */
export const moneyArb: fc.Arbitrary<Decimal> = fc
  .bigInt({ min: -(10n ** 14n), max: 10n ** 14n })
  .map((cents) => new Decimal(cents.toString()).dividedBy(100));

/** Strings made of the characters a number parser meets, and then some. */
export const numberishStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '\u00a0', '\u2009', '-', '\u2212', '\u2013', '+', '(', ')', 'e', 'E', 'k', 'r', 't', 'm', ':', 'tkr', 'kronor', 'Infinity', 'NaN', '0x'),
    maxLength: 12,
  }),
);
