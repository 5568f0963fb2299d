import { ZERO_AMOUNT, atMost, compare, distance, equals, isNegative, isZero, plus, type Amount } from '../amount';
import type { RowRole } from '../labels';
import type { Term } from '../model';
import { compareScores, emptyScore, isAcceptable, scoreSums, type Score } from './score';

interface Row {
  role: RowRole;
  values: readonly (Amount | null)[];
  /** Names the state or a region: never a subtotal, though the ½ ¼ ¼ rule makes its line equal the lines under it. */
  onePayer?: boolean;
}

/**
 * Subtotals written above their parts, which only arithmetic reveals (seed
 * 004: `- Finansiering från medlemmar` 3 752 is the sum of the nine `- …`
 * rows under it; `Kansli och administration -personal` is the parent of
 * `Förbundschef`). Returned as tentative parent → children: a total further
 * down may still reject one that only adds up by coincidence.
 */
export function findSubtotalsAbove(rows: Row[], tolerance: Amount): Map<number, Term[]> {
  const parents = new Map<number, Term[]>();
  const search: Search = {
    rows,
    blank: rows.map((r) => r.values.every((v) => v === null)),
    parents,
    sums: new RunningSums(rows, tolerance),
    inside: { stamp: 0, at: new Array<number>(rows.length).fill(0) },
    items: [],
    score: emptyScore(),
    best: emptyScore(),
  };
  for (let p = rows.length - 2; p >= 0; p--) {
    if (rows[p].role !== 'line' || search.blank[p] || rows[p].onePayer) continue;
    const found = bestChildren(search, p);
    if (!found) continue;
    parents.set(p, found);
  }
  return parents;
}

/** What the search for every parent shares. */
interface Search {
  rows: Row[];
  /** Rows without a value in any column. */
  blank: boolean[];
  parents: Map<number, Term[]>;
  sums: RunningSums;
  /** Rows inside a row taken before them (children of a subtotal already found). */
  inside: Marks;
  /** The rows taken as children, in order. */
  items: number[];
  score: Score;
  best: Score;
}

/** A set of rows that empties in one step: row i is in it when at[i] === stamp. */
interface Marks {
  stamp: number;
  at: number[];
}

/** The most lines a subtotal above its parts may sum (far more than any budget group has). */
export const MAX_CHILDREN_ABOVE = 500;

function bestChildren(search: Search, p: number): Term[] | null {
  const { rows, blank, parents, sums, inside, items } = search;
  // Rows only ever join at the bottom and a row's children lie below it, so a new row never puts
  // an earlier one inside another: the items and their column sums can grow one row at a time
  // (re-filtering and re-summing every prefix made this quadratic per candidate parent). The best
  // set of children is always a prefix of the items.
  sums.start(p);
  // items[0..count) are this parent's children so far (the array is reused from parent to parent).
  let count = 0;
  const stamp = ++inside.stamp;
  // Scores are written into two objects, the current one and a copy of the best (no object per step).
  const score = search.score;
  const best = search.best;
  let found = false;
  let bestCount = 0;
  let scored = false;
  // A subtotal stated above its parts heads a group of a few lines (the seeds: 2–9). Without a
  // bound, a table of N lines costs N²/2 steps here: minutes for a 60 000-line ledger.
  const end = Math.min(rows.length, p + 1 + MAX_CHILDREN_ABOVE);
  for (let j = p + 1; j < end && rows[j].role === 'line'; j++) {
    if (blank[j]) break;
    // Inside another: a child of a row taken before it.
    const isInside = inside.at[j] === stamp;
    const children = parents.get(j);
    if (children) for (let k = 0; k < children.length; k++) inside.at[children[k].row] = stamp;
    if (!isInside) {
      items[count++] = j;
      sums.add(j);
      scored = false;
      // No row below can bring the sums back within reach in most columns: no longer set adds up.
      if (sums.outOfReach(j)) break;
    }
    if (!scored) {
      sums.score(score);
      scored = true;
    }
    if (!isAcceptable(score)) continue;
    if (count === 1 && !sums.isSingleChild(items[0])) continue;
    if (!found || compareScores(score, best) >= 0) {
      Object.assign(best, score);
      found = true;
      bestCount = count;
    }
  }
  if (!found) return null;
  const terms: Term[] = [];
  for (let i = 0; i < bestCount; i++) terms.push({ row: items[i], sign: 1 });
  return terms;
}

/**
 * Column sums of the children taken so far, and their score against the parent. A sum past the
 * parent's amount by more than the tolerance stays past it while the rows below only add amounts
 * of the same sign: `lastBelowZero[col]` and `lastAboveZero[col]` are the last rows with an amount
 * below and above zero in the column (-1: none).
 */
class RunningSums {
  private stated: readonly (Amount | null)[] = [];
  private readonly sums: Amount[] = [];
  private readonly anyTerm: boolean[] = [];
  private readonly lastBelowZero: number[] = [];
  private readonly lastAboveZero: number[] = [];

  constructor(private readonly rows: Row[], private readonly tolerance: Amount) {
    for (let row = 0; row < rows.length; row++) {
      const values = rows[row].values;
      for (let col = 0; col < values.length; col++) {
        this.lastBelowZero[col] ??= -1;
        this.lastAboveZero[col] ??= -1;
        const v = values[col];
        if (v === null || isZero(v)) continue;
        if (isNegative(v)) this.lastBelowZero[col] = row;
        else this.lastAboveZero[col] = row;
      }
    }
  }

  /** Starts over for parent p, with no children. */
  start(p: number): void {
    this.stated = this.rows[p].values;
    // Reused from parent to parent (every row of a table has the same columns).
    for (let col = 0; col < this.stated.length; col++) {
      this.sums[col] = ZERO_AMOUNT;
      this.anyTerm[col] = false;
    }
    this.sums.length = this.stated.length;
    this.anyTerm.length = this.stated.length;
  }

  add(j: number): void {
    const values = this.rows[j].values;
    for (let col = 0; col < this.stated.length; col++) {
      const v = values[col];
      if (v === null) continue;
      this.sums[col] = plus(this.sums[col], v);
      this.anyTerm[col] = true;
    }
  }

  /**
   * Whether no set of children that adds rows below `last` can add up (isAcceptable): in more than
   * half of the columns the sum is beyond the tolerance on the side the rows below can only move
   * it further from — mismatches that every larger set keeps.
   */
  outOfReach(last: number): boolean {
    const width = this.stated.length;
    let lost = 0;
    for (let col = 0; col < width; col++) {
      const stated = this.stated[col] ?? ZERO_AMOUNT;
      const sum = this.sums[col];
      if (atMost(distance(stated, sum), this.tolerance)) continue;
      const rowsBelowMayReturn = compare(sum, stated) > 0 ? this.lastBelowZero[col] > last : this.lastAboveZero[col] > last;
      if (!rowsBelowMayReturn) lost++;
    }
    return lost * 2 > width;
  }

  /** Writes the score of the children so far into `out`. */
  score(out: Score): void {
    scoreSums(this.stated, this.sums, this.anyTerm, this.tolerance, out);
  }

  /** One child is only believed when every column is equal and not all zero. */
  isSingleChild(child: number): boolean {
    const a = this.stated;
    const b = this.rows[child].values;
    return a.every((v, i) => (v === null ? b[i] === null : b[i] !== null && equals(v, b[i]!))) && a.some((v) => v !== null && !isZero(v));
  }
}
