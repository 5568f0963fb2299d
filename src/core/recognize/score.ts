import { ZERO, type Money } from '../money';
import type { Term } from '../model';

export interface ScoredRow {
  values: (Money | null)[];
}

export interface Score {
  matches: number;
  nonZeroMatches: number;
  exact: number;
  mismatches: number;
}

/** Signed sum of the terms in one column; blank cells count as zero. */
export function termSum(rows: readonly ScoredRow[], terms: readonly Term[], col: number): Money {
  let sum = ZERO;
  for (const term of terms) {
    const v = rows[term.row].values[col];
    if (v) sum = term.sign === 1 ? sum.plus(v) : sum.minus(v);
  }
  return sum;
}

/**
 * How many columns agree with "target = Σ terms". Columns where the target and
 * every term are blank say nothing and are skipped.
 */
export function scoreRelation(rows: readonly ScoredRow[], target: number, terms: readonly Term[], tolerance: Money): Score {
  const score: Score = { matches: 0, nonZeroMatches: 0, exact: 0, mismatches: 0 };
  const columns = rows[target].values.length;
  for (let col = 0; col < columns; col++) {
    const stated = rows[target].values[col];
    if (stated === null && terms.every((t) => rows[t.row].values[col] === null)) continue;
    tallyColumn(score, stated, termSum(rows, terms, col), tolerance);
  }
  return score;
}

/**
 * The same score from running sums, for callers that grow the terms one row at a time:
 * `sums[col]` is termSum of the terms, `anyTerm[col]` whether any term is non-blank there.
 */
export function scoreSums(stated: readonly (Money | null)[], sums: readonly Money[], anyTerm: readonly boolean[], tolerance: Money): Score {
  const score: Score = { matches: 0, nonZeroMatches: 0, exact: 0, mismatches: 0 };
  for (let col = 0; col < stated.length; col++) {
    if (stated[col] === null && !anyTerm[col]) continue;
    tallyColumn(score, stated[col], sums[col], tolerance);
  }
  return score;
}

/** One column's verdict on "stated = sum". */
function tallyColumn(score: Score, stated: Money | null, sum: Money, tolerance: Money): void {
  const diff = (stated ?? ZERO).minus(sum).abs();
  if (diff.lte(tolerance)) {
    score.matches++;
    if (diff.isZero()) score.exact++;
    if (!sum.isZero() || !(stated ?? ZERO).isZero()) score.nonZeroMatches++;
  } else {
    score.mismatches++;
  }
}

/** One wrong column must not flip the structure: the other columns still agree. */
export function isAcceptable(score: Score): boolean {
  return score.nonZeroMatches >= 1 && score.matches >= score.mismatches;
}

export function isFullMatch(score: Score): boolean {
  return score.mismatches === 0 && score.nonZeroMatches >= 1;
}

/** Positive when a is the better explanation. */
export function compareScores(a: Score, b: Score): number {
  return a.matches - b.matches || a.exact - b.exact || a.nonZeroMatches - b.nonZeroMatches;
}
