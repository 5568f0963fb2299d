/**
 * Properties of the comparison, over generated budgets (test/helpers/arbitraries.ts) and a
 * generated second version of each: amounts changed, lines removed, added and renamed (to new
 * labels and to labels the table already has), group totals renamed, the plan rolled forward a
 * year, the table moved, and a stale total planted. The oracle is the comparison itself, turned around: what A → B
 * reports added, B → A reports removed, and so on.
 */
import fc from 'fast-check';
import { analyzeGrid } from '../../../src/core/analyze';
import { compareAnalyses, hasDifferences } from '../../../src/core/compare/compareAnalyses';
import { diffReport, type ChangeReport, type TableDiffReport } from '../../../src/core/compare/diffReport';
import type { CellValue } from '../../../src/core/grid';
import {
  applyPerturbation, budgetSpecArb, buildBudget, gridOf, hasYearLikeRow, perturbationArb, placed,
  type BudgetSpec, type LineSpec, type Perturbation,
} from '../../helpers/arbitraries';

const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

/** Labels a new or renamed line takes: new ones, and ones the generated tables already use. */
const LABELS = ['Nytt projekt', 'Samverkansinsats', 'Uppföljning och utvärdering', 'Resor', 'Hyra', 'Projekt A', 'Staten'];
/** Labels a renamed group total takes. */
const TOTAL_LABELS = ['Summa verksamhet', 'Summa insatser och projekt', 'Summa övriga kostnader'];

type Edit =
  | { kind: 'amount'; line: number; year: number; delta: number }
  | { kind: 'remove'; line: number }
  | { kind: 'add'; line: number; label: number; amount: number }
  | { kind: 'rename'; line: number; label: number }
  | { kind: 'renameTotal'; group: number; label: number }
  | { kind: 'roll' };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('amount' as const), line: fc.nat(), year: fc.nat(), delta: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ kind: fc.constant('remove' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), line: fc.nat(), label: fc.nat(), amount: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ kind: fc.constant('rename' as const), line: fc.nat(), label: fc.nat() }),
  fc.record({ kind: fc.constant('renameTotal' as const), group: fc.nat(), label: fc.nat() }),
  fc.constant({ kind: 'roll' as const }),
);

/** Every line of the spec, income first, as [list, index] so an edit can change it in place. */
function lineSlots(spec: BudgetSpec): [LineSpec[], number][] {
  return [spec.income, ...spec.groups.map((g) => g.lines)].flatMap((lines) => lines.map((_, i): [LineSpec[], number] => [lines, i]));
}

function edited(spec: BudgetSpec, edits: Edit[]): BudgetSpec {
  const copy: BudgetSpec = structuredClone(spec);
  for (const edit of edits) {
    const slots = lineSlots(copy);
    if (edit.kind === 'renameTotal') {
      copy.groups[edit.group % copy.groups.length].totalLabel = TOTAL_LABELS[edit.label % TOTAL_LABELS.length];
      continue;
    }
    if (edit.kind === 'roll') {
      copy.years = copy.years.map((y) => ({ ...y, year: y.year + 1 }));
      for (const [lines, i] of slots) lines[i].values = [...lines[i].values.slice(1), lines[i].values[lines[i].values.length - 1]];
      continue;
    }
    const [lines, i] = slots[edit.line % slots.length];
    if (edit.kind === 'amount') lines[i].values[edit.year % copy.years.length] = Math.max(0, lines[i].values[edit.year % copy.years.length] + edit.delta);
    if (edit.kind === 'remove' && lines.length > (lines === copy.income ? 2 : 1)) lines.splice(i, 1);
    if (edit.kind === 'add') lines.splice(i, 0, { label: LABELS[edit.label % LABELS.length], values: copy.years.map(() => edit.amount) });
    if (edit.kind === 'rename') lines[i].label = LABELS[edit.label % LABELS.length];
  }
  return copy;
}

const versionsArb: fc.Arbitrary<VersionsInput> = fc.record({
  spec: budgetSpecArb,
  edits: fc.array(editArb, { maxLength: 4 }),
  stale: perturbationArb,
  move: fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 })),
});

interface VersionsInput {
  spec: BudgetSpec;
  edits: Edit[];
  stale: Perturbation;
  /** Rows down and columns right the second version's table moves. */
  move: [number, number];
}

function versions({ spec, edits, stale, move }: VersionsInput): [CellValue[][], CellValue[][]] {
  const before = buildBudget(spec).values;
  const after = placed(applyPerturbation(buildBudget(edited(spec, edits)), stale), move[0], move[1]);
  return [before, after];
}

const report = (a: CellValue[][], b: CellValue[][]) =>
  diffReport(compareAnalyses(analyzeGrid(gridOf(a)), analyzeGrid(gridOf(b))), { old: 'A', new: 'B' });

// -------------------------------------------------------------------------------------------------
// The comparison turned around, and a form that ignores order
// -------------------------------------------------------------------------------------------------

const negated = (s: string) => (s === '0' ? s : s.startsWith('-') ? s.slice(1) : `-${s}`);
const STATUS = { added: 'removed', removed: 'added', changed: 'changed', unchanged: 'unchanged' } as const;

function mirroredChange<T extends ChangeReport>(c: T): T {
  return { ...c, old: c.new, new: c.old, difference: negated(c.difference), oldCell: c.newCell, newCell: c.oldCell };
}

/** What B → A must report, made from A → B. */
function mirrored(t: TableDiffReport): TableDiffReport {
  return {
    old: t.new,
    new: t.old,
    columns: t.columns.map((c) => ({ year: c.year, old: c.new, new: c.old })),
    lines: t.lines.map((l) => ({ label: l.oldLabel ?? l.label, status: STATUS[l.status], changes: l.changes.map(mirroredChange), oldLabel: l.oldLabel === null ? null : l.label })),
    totals: t.totals.map((x) => ({ ...mirroredChange(x), label: x.oldLabel ?? x.label, oldLabel: x.oldLabel === null ? null : x.label, oldStated: x.newStated, newStated: x.oldStated })),
    equity: t.equity.map((e) => ({ year: e.year, old: e.new, new: e.old, difference: e.difference === null ? null : negated(e.difference) })),
    findings: { fixed: t.findings.new, new: t.findings.fixed, remaining: t.findings.remaining },
    unit: t.unit,
    counts: { ...t.counts, added: t.counts.removed, removed: t.counts.added },
  };
}

/** The report without its order, and the remaining findings by code and year (each version words them for its own cells). */
function unordered(t: TableDiffReport): unknown {
  const sorted = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();
  return {
    ...t,
    columns: sorted(t.columns),
    lines: sorted(t.lines),
    totals: sorted(t.totals),
    findings: { fixed: sorted(t.findings.fixed), new: sorted(t.findings.new), remaining: t.findings.remaining.map((f) => `${f.code} ${f.year}`).sort() },
  };
}

describe('comparison properties', () => {
  it('a budget compared with itself has no differences: every line unchanged, every finding remaining', () => {
    fc.assert(fc.property(budgetSpecArb, perturbationArb, (spec, stale) => {
      const values = applyPerturbation(buildBudget(spec), stale);
      fc.pre(!hasYearLikeRow(values));
      const analysis = analyzeGrid(gridOf(values));
      const comparison = compareAnalyses(analysis, analysis);
      expect(hasDifferences(comparison)).toBe(false);
      const [table] = diffReport(comparison, { old: 'A', new: 'A' }).tables;
      expect(table.counts.unchanged).toBe(table.lines.length);
      expect(table.findings.remaining).toHaveLength(analysis.tables[0].findings.length);
    }), runs(60));
  });

  it('A → B mirrors B → A: added ↔ removed, old ↔ new, differences negated, fixed ↔ new findings', () => {
    fc.assert(fc.property(versionsArb, (input) => {
      const [a, b] = versions(input);
      fc.pre(!hasYearLikeRow(a) && !hasYearLikeRow(b));
      const forward = report(a, b);
      const backward = report(b, a);
      const canonical = (tables: TableDiffReport[]) => tables.map(unordered).map((t) => JSON.stringify(t)).sort();
      expect(canonical(backward.tables)).toEqual(canonical(forward.tables.map(mirrored)));
    }), runs(120));
  });

  it('totals change as plain arithmetic on the two versions says (Summa intäkter and Resultat per shared year), and every difference is new − old', () => {
    fc.assert(fc.property(versionsArb, (input) => {
      const before = input.spec;
      const after = edited(before, input.edits);
      const [a, b] = versions({ ...input, stale: { kind: 'none' } });
      fc.pre(!hasYearLikeRow(a) && !hasYearLikeRow(b));
      const [table] = report(a, b).tables;
      const sums = (spec: BudgetSpec) => new Map(spec.years.map((y, i) => {
        const income = spec.income.reduce((acc, l) => acc + l.values[i], 0);
        const costs = spec.groups.reduce((acc, g) => acc + g.lines.reduce((sum, l) => sum + l.values[i], 0), 0);
        return [y.year, { 'Summa intäkter': income, Resultat: income - costs }];
      }));
      const [old, now] = [sums(before), sums(after)];
      const expected = [...old.keys()].filter((year) => now.has(year)).flatMap((year) => (['Summa intäkter', 'Resultat'] as const)
        .filter((label) => old.get(year)![label] !== now.get(year)![label])
        .map((label) => `${label} ${year} ${old.get(year)![label]} → ${now.get(year)![label]}`));
      const reported = table.totals.filter((t) => t.label === 'Summa intäkter' || t.label === 'Resultat').map((t) => `${t.label} ${t.year} ${t.old} → ${t.new}`);
      expect(reported.sort()).toEqual(expected.sort());
      // Every difference is new − old (a line of one version only: its amount, signed).
      for (const change of table.lines.flatMap((l) => l.changes).concat(table.totals)) {
        expect(Number(change.difference)).toBe(Number(change.new ?? 0) - Number(change.old ?? 0));
      }
    }), runs(60));
  });
});
