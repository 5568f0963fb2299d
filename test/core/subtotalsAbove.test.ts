import * as fc from 'fast-check';
import { amountOfInteger, type Amount } from '../../src/core/amount';
import type { RowRole } from '../../src/core/labels';
import { findSubtotalsAbove } from '../../src/core/recognize/subtotalsAbove';

// The search for subtotals stated above their parts stops reading the lines below a candidate
// once its sums are out of reach in most columns (past its amount, with only amounts of the same
// sign left below). These tables are where stopping early would be wrong.

type Line = (number | null)[];
const ONE = amountOfInteger(1);
const rowsOf = (lines: Line[], roles: RowRole[] = lines.map(() => 'line')) =>
  lines.map((values, i) => ({ role: roles[i], values: values.map((v): Amount | null => (v === null ? null : amountOfInteger(v))) }));
const found = (lines: Line[]) => [...findSubtotalsAbove(rowsOf(lines), ONE)].map(([parent, terms]) => [parent, terms.map((t) => t.row)]);

describe('subtotals above their parts', () => {
  it('finds the parts that a negative line further down brings back to the subtotal', () => {
    // 8 + 5 is past 10, but −3 below brings it back: the three lines are its parts.
    expect(found([[10], [8], [5], [-3]])).toEqual([[0, [1, 2, 3]]]);
  });

  it('finds them in every column where the lines below can move the sums back', () => {
    expect(found([[10, 20], [8, 25], [5, -2], [-3, -3]])).toEqual([[0, [1, 2, 3]]]);
  });

  it('finds a subtotal of negative amounts, a positive line bringing it back', () => {
    expect(found([[-10], [-8], [-5], [3]])).toEqual([[0, [1, 2, 3]]]);
  });

  it('stops at no sum that is still within reach in half of the columns', () => {
    // Column 1 is past 10 after two lines and only positive lines follow; columns 2 and 3 add up after three.
    expect(found([[10, 30, 30], [8, 10, 10], [5, 10, 10], [1, 10, 10]])).toEqual([[0, [1, 2, 3]]]);
  });

  it('gives what a search of every set of lines gives, on random tables', () => {
    const amount = fc.oneof(fc.constant(null), fc.integer({ min: -30, max: 30 }));
    const table = fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(amount, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 9 }));
    fc.assert(fc.property(table, (lines) => {
      expect(found(lines)).toEqual(everySetOfLines(lines));
    }), { numRuns: 2000 });
  });
});

/**
 * The search without stopping early, written from its rule rather than its code: for each line
 * from the bottom up, the longest run of the lines right below (a line already inside a subtotal
 * found below counts once, through it) whose sums agree in at least half of the columns that say
 * anything, one of them not zero — the best such run, a later one winning ties; one line alone
 * only when equal to it in every column and not all zero.
 */
function everySetOfLines(lines: Line[]): [number, number[]][] {
  const parents = new Map<number, number[]>();
  const blank = (i: number) => lines[i].every((v) => v === null);
  for (let p = lines.length - 2; p >= 0; p--) {
    if (blank(p)) continue;
    let best: { score: number[]; items: number[] } | null = null;
    const items: number[] = [];
    const inside = new Set<number>();
    for (let j = p + 1; j < lines.length && !blank(j); j++) {
      if (!inside.has(j)) items.push(j);
      for (const child of parents.get(j) ?? []) inside.add(child);
      const score = scoreOf(lines, p, items);
      const [matches, , nonZero, mismatches] = score;
      if (nonZero < 1 || matches < mismatches) continue;
      if (items.length === 1 && !lines[p].every((v, c) => v === lines[items[0]][c])) continue;
      if (items.length === 1 && lines[p].every((v) => v === null || v === 0)) continue;
      if (!best || compare(score, best.score) >= 0) best = { score, items: [...items] };
    }
    if (best) parents.set(p, best.items);
  }
  return [...parents].sort(([a], [b]) => b - a);
}

/** [matches, exact, non-zero matches, mismatches] of "parent = Σ items", a blank as zero. */
function scoreOf(lines: Line[], parent: number, items: number[]): number[] {
  const score = [0, 0, 0, 0];
  lines[parent].forEach((stated, c) => {
    const terms = items.map((i) => lines[i][c]).filter((v) => v !== null) as number[];
    if (stated === null && terms.length === 0) return;
    const sum = terms.reduce((a, b) => a + b, 0);
    const diff = Math.abs((stated ?? 0) - sum);
    if (diff > 1) score[3]++;
    else {
      score[0]++;
      if (diff === 0) score[1]++;
      if (sum !== 0 || (stated ?? 0) !== 0) score[2]++;
    }
  });
  return score;
}

const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
