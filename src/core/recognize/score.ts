import { ZERO, millisOfMoney, type Money } from '../money';
import type { Term } from '../model';

export interface ScoredRow {
  values: (Money | null)[];
  /** The values in whole thousandths, as RawRow.millis; without it, scores are computed on the Decimals. */
  millis?: number[];
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

// ---------------------------------------------------------------------------------------------
// The same scores on exact thousandths. Structure inference scores thousands of candidate sums
// per workbook; a Decimal per addition made it the engine's main cost. When every value of a table
// is a whole number of thousandths and all of them together stay a safe integer, every signed sum
// of distinct rows, and its difference to another row, is exact in doubles — so each comparison
// decides exactly as the Decimal one does, and the scores are the same.
// ---------------------------------------------------------------------------------------------

/** The tolerance in thousandths when the table's values allow exact scoring, else null. */
export function exactTolerance(rows: readonly ScoredRow[], tolerance: Money): number | null {
  const tol = toleranceMillis(tolerance);
  if (Number.isNaN(tol)) return null;
  let total = 0;
  for (const row of rows) {
    const millis = row.millis;
    if (!millis || millis.length !== row.values.length) return null;
    for (const m of millis) {
      // NaN fails the comparison too.
      if (!(Math.abs(m) <= Number.MAX_SAFE_INTEGER)) return null;
      total += Math.abs(m);
    }
  }
  return total <= Number.MAX_SAFE_INTEGER ? tol : null;
}

// Tables share their tolerance's Money (toleranceFor): remember the last one's thousandths.
let lastTolerance: Money | null = null;
let lastToleranceMillis = NaN;

function toleranceMillis(tolerance: Money): number {
  if (tolerance !== lastTolerance) {
    lastToleranceMillis = millisOfMoney(tolerance);
    lastTolerance = tolerance;
  }
  return lastToleranceMillis;
}

/** termSum on thousandths; only for rows that passed exactTolerance. */
export function termSumExact(rows: readonly ScoredRow[], terms: readonly Term[], col: number): number {
  let sum = 0;
  for (const term of terms) {
    const row = rows[term.row];
    if (row.values[col] === null) continue;
    sum = term.sign === 1 ? sum + row.millis![col] : sum - row.millis![col];
  }
  return sum;
}

/** scoreRelation on thousandths, written into `score`; only for rows that passed exactTolerance. */
export function scoreRelationExact(rows: readonly ScoredRow[], target: number, terms: readonly Term[], tolerance: number, score: Score): void {
  score.matches = 0;
  score.nonZeroMatches = 0;
  score.exact = 0;
  score.mismatches = 0;
  const stated = rows[target].values;
  const statedMillis = rows[target].millis!;
  for (let col = 0; col < stated.length; col++) {
    let any = stated[col] !== null;
    let sum = 0;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k];
      const row = rows[term.row];
      if (row.values[col] === null) continue;
      any = true;
      sum = term.sign === 1 ? sum + row.millis![col] : sum - row.millis![col];
    }
    if (any) tallyExact(score, statedMillis[col], sum, tolerance);
  }
}

/** scoreRelationExact for terms that are the rows items[0..count), each with sign +1. */
export function scoreWindowExact(rows: readonly ScoredRow[], target: number, items: readonly number[], count: number, tolerance: number, score: Score): void {
  score.matches = 0;
  score.nonZeroMatches = 0;
  score.exact = 0;
  score.mismatches = 0;
  const stated = rows[target].values;
  const statedMillis = rows[target].millis!;
  for (let col = 0; col < stated.length; col++) {
    let any = stated[col] !== null;
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const row = rows[items[k]];
      if (row.values[col] === null) continue;
      any = true;
      sum += row.millis![col];
    }
    if (any) tallyExact(score, statedMillis[col], sum, tolerance);
  }
}

/** scoreSums on thousandths (`stated` 0 where blank), written into `score`. */
export function scoreSumsExact(stated: readonly (Money | null)[], statedMillis: readonly number[], sums: readonly number[], anyTerm: readonly boolean[], tolerance: number, score: Score): void {
  score.matches = 0;
  score.nonZeroMatches = 0;
  score.exact = 0;
  score.mismatches = 0;
  for (let col = 0; col < stated.length; col++) {
    if (stated[col] === null && !anyTerm[col]) continue;
    tallyExact(score, statedMillis[col], sums[col], tolerance);
  }
}

function tallyExact(score: Score, stated: number, sum: number, tolerance: number): void {
  const diff = Math.abs(stated - sum);
  if (diff <= tolerance) {
    score.matches++;
    if (diff === 0) score.exact++;
    if (sum !== 0 || stated !== 0) score.nonZeroMatches++;
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
