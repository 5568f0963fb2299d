/**
 * Properties of what must not matter, and of the fix: moving or renaming, the order of a group's
 * lines, and writing back the recomputed totals.
 */
import fc from 'fast-check';
import type { CellRef, Finding } from '../../../src/core/findings';
import { applyPerturbation, budgetSpecArb, buildBudget, perturbationArb, placed } from '../../helpers/arbitraries';
import { analyzable, analyzeValues, brief, runs, str } from './shared';

describe('a generated table', () => {
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
});
