import { ZERO, type Money } from '../money';
import type { RowRole } from '../labels';
import type { Term } from '../model';
import { compareScores, isAcceptable, scoreSums, type Score } from './score';

interface Row {
  role: RowRole;
  values: (Money | null)[];
}

/**
 * Subtotals written above their parts, which only arithmetic reveals (seed
 * 004: `- Finansiering från medlemmar` 3 752 is the sum of the nine `- …`
 * rows under it; `Kansli och administration -personal` is the parent of
 * `Förbundschef`). Returned as tentative parent → children: a total further
 * down may still reject one that only adds up by coincidence.
 */
export function findSubtotalsAbove(rows: Row[], tolerance: Money): Map<number, Term[]> {
  const parents = new Map<number, Term[]>();
  for (let p = rows.length - 2; p >= 0; p--) {
    if (rows[p].role !== 'line' || rows[p].values.every((v) => v === null)) continue;
    const found = bestChildren(rows, p, parents, tolerance);
    if (!found) continue;
    parents.set(p, found);
  }
  return parents;
}

function bestChildren(rows: Row[], p: number, parents: Map<number, Term[]>, tolerance: Money): Term[] | null {
  let best: { terms: Term[]; score: Score } | null = null;
  // Rows only ever join at the bottom and a row's children lie below it, so a new row never puts
  // an earlier one inside another: the items and their column sums can grow one row at a time
  // (re-filtering and re-summing every prefix made this quadratic per candidate parent).
  const stated = rows[p].values;
  const taken: number[] = [];
  const items: Term[] = [];
  const sums: Money[] = stated.map(() => ZERO);
  const anyTerm: boolean[] = stated.map(() => false);
  let score: Score | null = null;
  for (let j = p + 1; j < rows.length && rows[j].role === 'line'; j++) {
    if (rows[j].values.every((v) => v === null)) break;
    const inside = isInsideAnother(j, taken, parents);
    taken.push(j);
    if (!inside) {
      items.push({ row: j, sign: 1 });
      stated.forEach((_, col) => {
        const v = rows[j].values[col];
        if (v) sums[col] = sums[col].plus(v);
        if (v !== null) anyTerm[col] = true;
      });
      score = null;
    }
    score ??= scoreSums(stated, sums, anyTerm, tolerance);
    if (!isAcceptable(score)) continue;
    if (items.length === 1 && !isSingleChild(rows, p, items[0].row)) continue;
    if (!best || compareScores(score, best.score) >= 0) best = { terms: [...items], score };
  }
  return best ? best.terms : null;
}

function isInsideAnother(row: number, taken: number[], parents: Map<number, Term[]>): boolean {
  return taken.some((t) => parents.get(t)?.some((c) => c.row === row));
}

/** One child is only believed when every column is equal and not all zero. */
function isSingleChild(rows: Row[], parent: number, child: number): boolean {
  const a = rows[parent].values;
  const b = rows[child].values;
  return a.every((v, i) => (v === null ? b[i] === null : b[i] !== null && v.eq(b[i]!))) && a.some((v) => v !== null && !v.isZero());
}
