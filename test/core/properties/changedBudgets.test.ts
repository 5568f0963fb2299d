/**
 * Properties of budget tables with one figure changed: a line, a group total or a total off by d
 * is exactly the finding it should be, where it should be, reaching exactly the totals it should.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { toA1 } from '../../../src/core/address';
import type { CellValue } from '../../../src/core/grid';
import { applyPerturbation, budgetSpecArb, buildBudget, deltaArb, perturbedCell, pickArb, withDelta, type Perturbation } from '../../helpers/arbitraries';
import { EXAMPLE_GRID, analyzable, analyzeValues, brief, cellOf, exampleWith, runs, serious, seriousOrRounding, str } from './shared';

const dec = (v: CellValue): Decimal => new Decimal(v as number);

describe('the literal example, changed', () => {
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

  it('a grand total wrong in most columns is reported', () => {
    // Summa kostnader is 100 too high in every year, and Resultat follows it.
    const values = exampleWith({ 16: ['Summa kostnader', 2000, 2110, 2220], 17: ['Resultat', 0, -10, -20] });
    // Once: no finding but the hard-coded-totals note. The relation over the group totals scores
    // 0 of 3 columns, and the label fallback takes the window nearest the target, which is empty
    // (it starts right after Summa insatser), so Summa kostnader gets no relation.
    const { findings } = analyzeValues(values);
    expect(serious(findings).map(brief)).toEqual([
      'sum-mismatch B16 stated=2000 expected=1900',
      'sum-mismatch C16 stated=2110 expected=2010',
      'sum-mismatch D16 stated=2220 expected=2120',
    ]);
  });

  it('an income total wrong in every column is checked against its lines, not one of two equal lines', () => {
    // Staten and Region Skåne are equal in every year (as the region and a municipality often
    // are); Summa intäkter is 100 too high in every year.
    const values = exampleWith({ 6: ['Summa intäkter', 2100, 2200, 2300] });
    // Once: Staten is taken for a subtotal of Region Skåne, so the expected values are
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
});

describe('a generated table, changed', () => {
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
});
