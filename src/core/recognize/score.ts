import { ZERO_AMOUNT, atMost, distance, isZero, plus, plusSigned, type Amount } from '../amount';
import type { Term } from '../model';

export interface ScoredRow {
  values: readonly (Amount | null)[];
}

export interface Score {
  matches: number;
  nonZeroMatches: number;
  exact: number;
  mismatches: number;
}

export const emptyScore = (): Score => ({ matches: 0, nonZeroMatches: 0, exact: 0, mismatches: 0 });

/** Signed sum of the terms in one column; blank cells count as zero. */
export function termSum(rows: readonly ScoredRow[], terms: readonly Term[], col: number): Amount {
  let sum: Amount = ZERO_AMOUNT;
  for (let k = 0; k < terms.length; k++) {
    const v = rows[terms[k].row].values[col];
    if (v !== null) sum = plusSigned(sum, v, terms[k].sign);
  }
  return sum;
}

// Structure inference scores thousands of candidate sums per workbook: the scores are written into
// an object the caller keeps (no object per candidate), and the sums are made column by column.

/**
 * How many columns agree with "target = Σ terms", written into `score`. Columns where the target
 * and every term are blank say nothing and are skipped.
 */
export function scoreRelation(rows: readonly ScoredRow[], target: number, terms: readonly Term[], tolerance: Amount, score: Score): void {
  resetScore(score);
  const stated = rows[target].values;
  for (let col = 0; col < stated.length; col++) {
    let any = stated[col] !== null;
    let sum: Amount = ZERO_AMOUNT;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k];
      const v = rows[term.row].values[col];
      if (v === null) continue;
      any = true;
      sum = plusSigned(sum, v, term.sign);
    }
    if (any) tallyColumn(score, stated[col], sum, tolerance);
  }
}

/** scoreRelation for terms that are the rows items[0..count), each with sign +1. */
export function scoreWindow(rows: readonly ScoredRow[], target: number, items: readonly number[], count: number, tolerance: Amount, score: Score): void {
  resetScore(score);
  const stated = rows[target].values;
  for (let col = 0; col < stated.length; col++) {
    let any = stated[col] !== null;
    let sum: Amount = ZERO_AMOUNT;
    for (let k = 0; k < count; k++) {
      const v = rows[items[k]].values[col];
      if (v === null) continue;
      any = true;
      sum = plus(sum, v);
    }
    if (any) tallyColumn(score, stated[col], sum, tolerance);
  }
}

/**
 * The same score from running sums, for callers that grow the terms one row at a time:
 * `sums[col]` is termSum of the terms, `anyTerm[col]` whether any term is non-blank there.
 */
export function scoreSums(stated: readonly (Amount | null)[], sums: readonly Amount[], anyTerm: readonly boolean[], tolerance: Amount, score: Score): void {
  resetScore(score);
  for (let col = 0; col < stated.length; col++) {
    if (stated[col] === null && !anyTerm[col]) continue;
    tallyColumn(score, stated[col], sums[col], tolerance);
  }
}

function resetScore(score: Score): void {
  score.matches = 0;
  score.nonZeroMatches = 0;
  score.exact = 0;
  score.mismatches = 0;
}

/** One column's verdict on "stated = sum"; a blank stated cell counts as zero. */
function tallyColumn(score: Score, stated: Amount | null, sum: Amount, tolerance: Amount): void {
  const value = stated ?? ZERO_AMOUNT;
  const diff = distance(value, sum);
  if (atMost(diff, tolerance)) {
    score.matches++;
    if (isZero(diff)) score.exact++;
    if (!isZero(sum) || !isZero(value)) score.nonZeroMatches++;
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
