import fc from 'fast-check';
import { analyzeGrid, type AnalysisSettings } from '../../src/core/analyze';
import { sheetFromValues, type CellValue } from '../../src/core/grid';
import { toMoney } from '../../src/core/amount';
import { Money } from '../../src/core/money';

interface Plan {
  years: number;
  opening: number;
  members: [number, number, number][]; // per year: state, region, municipality
  esf: number[];
  costs: number[][]; // per cost line, per year
}

const planArb: fc.Arbitrary<Plan> = fc.integer({ min: 2, max: 6 }).chain((years) => fc.record({
  years: fc.constant(years),
  opening: fc.integer({ min: 0, max: 20_000 }),
  members: fc.array(fc.integer({ min: 100, max: 5000 }).map((m): [number, number, number] => [2 * m, m, m]), { minLength: years, maxLength: years }),
  esf: fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: years, maxLength: years }),
  costs: fc.array(fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: years, maxLength: years }), { minLength: 2, maxLength: 8 }),
}));

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A Lund-style table (Sparade medel → Tillgängliga medel → Medel till förfogande), every figure right. */
function lundTable(plan: Plan, costOrder: number[] = plan.costs.map((_, i) => i)): CellValue[][] {
  const ys = Array.from({ length: plan.years }, (_, k) => k);
  const income = ys.map((k) => sum(plan.members[k]) + plan.esf[k]);
  const costs = ys.map((k) => sum(plan.costs.map((c) => c[k])));
  const opening: number[] = [];
  ys.forEach((k) => opening.push(k === 0 ? plan.opening : opening[k - 1] + income[k - 1] - costs[k - 1]));
  return [
    [null, ...ys.map((k) => 2024 + k)],
    ['Intäkter', ...ys.map(() => 'tkr')],
    ['Staten', ...ys.map((k) => plan.members[k][0])],
    ['Region Skåne', ...ys.map((k) => plan.members[k][1])],
    ['Lunds kommun', ...ys.map((k) => plan.members[k][2])],
    ['ESF', ...plan.esf],
    ['Summa intäkter', ...income],
    ['Sparade medel', ...opening],
    ['Tillgängliga medel', ...ys.map((k) => income[k] + opening[k])],
    ['Kostnader'],
    ...costOrder.map((i) => [`Insats ${i + 1}`, ...plan.costs[i]]),
    ['Summa kostnader', ...costs],
    ['Medel till förfogande', ...ys.map((k) => opening[k] + income[k] - costs[k])],
  ];
}

const analyze = (values: CellValue[][], settings: AnalysisSettings = {}) => {
  const { tables } = analyzeGrid({ sheets: [sheetFromValues('Budget', values)] }, settings);
  expect(tables).toHaveLength(1);
  return tables[0];
};
const closings = (values: CellValue[][], settings: AnalysisSettings = {}) => analyze(values, settings).equity.map((e) => toMoney(e.closing).toFixed());

describe('equity properties', () => {
  it('projecting n years equals n single steps (closing = opening + income − costs, carried on)', () => {
    fc.assert(fc.property(planArb, (plan) => {
      let opening = new Money(plan.opening);
      const expected: string[] = [];
      for (let k = 0; k < plan.years; k++) {
        const income = new Money(sum(plan.members[k]) + plan.esf[k]);
        const costs = plan.costs.reduce((acc, c) => acc.plus(c[k]), new Money(0));
        opening = opening.plus(income).minus(costs);
        expected.push(opening.toFixed());
      }
      expect(closings(lundTable(plan))).toEqual(expected);
    }), { numRuns: 60 });
  });

  it('a projection started in a later year is the tail of the whole projection', () => {
    fc.assert(fc.property(planArb, fc.nat(), (plan, pick) => {
      // The same budget without equity rows (Samsund's layout): the chain comes from the user.
      const ys = Array.from({ length: plan.years }, (_, k) => k);
      const values: CellValue[][] = [
        ['Intäkter (tkr)', ...ys.map((k) => `Budget ${2024 + k}`)],
        ['Försäkringskassan', ...ys.map((k) => plan.members[k][0])],
        ['Region Stockholm', ...ys.map((k) => plan.members[k][1])],
        ['Järfälla kommun', ...ys.map((k) => plan.members[k][2])],
        ['Projektmedel ESF', ...plan.esf],
        ['Totalt', ...ys.map((k) => sum(plan.members[k]) + plan.esf[k])],
        ['Utgifter/Kostnader'],
        ...plan.costs.map((c, i) => [`Insats ${i + 1}`, ...c]),
        ['Totalt', ...ys.map((k) => sum(plan.costs.map((c) => c[k])))],
        ['Resultat', ...ys.map((k) => sum(plan.members[k]) + plan.esf[k] - sum(plan.costs.map((c) => c[k])))],
      ];
      const whole = analyze(values, { openingEquity: { year: 2024, amount: new Money(plan.opening) } }).equity;
      const start = pick % plan.years;
      const tail = analyze(values, { openingEquity: { year: 2024 + start, amount: toMoney(whole[start].opening) } }).equity;
      expect(tail.map((e) => [e.year, toMoney(e.closing).toFixed()])).toEqual(whole.slice(start).map((e) => [e.year, toMoney(e.closing).toFixed()]));
    }), { numRuns: 60 });
  });

  it('the chain does not depend on the order of the cost lines', () => {
    fc.assert(fc.property(planArb.chain((plan) => fc.tuple(fc.constant(plan), fc.shuffledSubarray(plan.costs.map((_, i) => i), { minLength: plan.costs.length }))), ([plan, order]) => {
      const reordered = analyze(lundTable(plan, order));
      const original = analyze(lundTable(plan));
      expect(reordered.equity).toEqual(original.equity);
      const gist = (fs: typeof original.findings) => fs.filter((f) => f.code !== 'hardcoded-totals').map((f) => [f.code, f.year, (f.stated === null ? undefined : toMoney(f.stated).toFixed())]);
      expect(gist(reordered.findings)).toEqual(gist(original.findings));
      expect(reordered.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
    }), { numRuns: 60 });
  });
});
