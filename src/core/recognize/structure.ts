import type { Money } from '../money';
import type { RowRole, Side } from '../labels';
import type { RowRelation, Term } from '../model';
import { compareScores, exactTolerance, isAcceptable, isFullMatch, scoreRelation, scoreRelationExact, scoreWindowExact, type Score } from './score';
import { findSubtotalsAbove } from './subtotalsAbove';

export interface StructureRow {
  label: string;
  role: RowRole;
  side: Side;
  values: (Money | null)[];
  /** The values in whole thousandths (RawRow.millis): scored exactly without Decimals where the table allows. */
  millis?: number[];
  childMarker: boolean;
}

export interface Structure {
  roles: RowRole[];
  relations: RowRelation[];
  /** The tolerance in thousandths when the rows were scored exactly (score.ts, exactTolerance), else null. */
  exactTolerance: number | null;
}

interface Candidate {
  terms: Term[];
  /** Lower is preferred when two candidates explain the numbers equally well. */
  priority: number;
}

const COMPUTED: ReadonlySet<RowRole> = new Set(['total', 'available', 'result', 'closing-equity', 'remaining']);
const NEVER_SUMMED: ReadonlySet<RowRole> = new Set(['group', 'limit', 'remaining']);

/**
 * Finds, for every total, result and equity row, the rows it is the sum of.
 * Labels say which rows are totals; arithmetic says what they add up —
 * scored column by column, so one wrong column does not change the structure.
 */
export function inferStructure(rows: StructureRow[], tolerance: Money): Structure {
  const roles = rows.map((r) => r.role);
  const termsOf = new Map<number, Term[]>();
  const evidence = new Map<number, RowRelation['evidence']>();
  const exact = exactTolerance(rows, tolerance);
  const score: Context['score'] = exact === null
    ? (target, terms, out) => Object.assign(out, scoreRelation(rows, target, terms, tolerance))
    : (target, terms, out) => scoreRelationExact(rows, target, terms, exact, out);
  const window: number[] = [];
  const scoreWindow: Context['scoreWindow'] = exact === null
    ? (target, count, out) => Object.assign(out, scoreRelation(rows, target, windowTerms(window, count), tolerance))
    : (target, count, out) => scoreWindowExact(rows, target, window, count, exact, out);
  const tentative = findSubtotalsAbove(rows, tolerance, exact);
  for (const [parent, terms] of tentative) {
    termsOf.set(parent, terms);
    evidence.set(parent, 'arithmetic');
    roles[parent] = 'total';
  }
  // A snapshot of the openers, taken again only once a retry has dropped a tentative subtotal.
  let openers: ReadonlySet<number> = new Set(tentative.keys());
  const blank = rows.map((r) => r.values.every((v) => v === null));
  const marks: Marks = { stamp: 0, at: new Array<number>(rows.length).fill(0) };
  rows.forEach((row, target) => {
    if (!COMPUTED.has(row.role) || blank[target]) return;
    if (openers.size !== tentative.size) openers = new Set(tentative.keys());
    const context: Context = { rows, roles, termsOf, score, scoreWindow, window, openers, blank, marks };
    let best = bestCandidate(context, target);
    if (best && !isFullMatch(best.score)) best = retryWithoutTentative(context, target, tentative, best);
    if (best && isAcceptable(best.score)) {
      termsOf.set(target, best.candidate.terms);
      evidence.set(target, 'arithmetic');
      return;
    }
    const fallback = defaultTerms(context, target);
    if (fallback) {
      termsOf.set(target, fallback);
      evidence.set(target, 'label');
    }
  });
  const relations = [...termsOf.entries()]
    .sort(([a], [b]) => a - b)
    .map(([target, terms]) => ({ target, terms, evidence: evidence.get(target)! }));
  return { roles, relations, exactTolerance: exact };
}

interface Context {
  rows: StructureRow[];
  roles: RowRole[];
  termsOf: Map<number, Term[]>;
  /** scoreRelation of the table, on Decimals or on exact thousandths, written into `out`. */
  score(target: number, terms: readonly Term[], out: Score): void;
  /** The same for the window rows window[0..count), each with sign +1. */
  scoreWindow(target: number, count: number, out: Score): void;
  /** Scratch space for the rows of one window. */
  window: number[];
  /** Subtotals stated above their parts: they open a group, so no window starts after them. */
  openers: ReadonlySet<number>;
  /** Rows without a value in any column. */
  blank: readonly boolean[];
  marks: Marks;
}

/** A set of rows that empties in one step: row i is in it when at[i] === stamp. */
interface Marks {
  stamp: number;
  at: number[];
}

interface Scored {
  candidate: Candidate;
  score: Score;
}

function bestCandidate(context: Context, target: number): Scored | null {
  const search: Search = { context, target, best: null, score: { matches: 0, nonZeroMatches: 0, exact: 0, mismatches: 0 } };
  // Every candidate, in order: differences first (for results and equity rows), then windows.
  const role = context.rows[target].role;
  if (role === 'total' || role === 'available') {
    windowCandidates(search, 0);
  } else {
    differenceCandidates(search);
    windowCandidates(search, 1000);
  }
  return search.best;
}

/** One bestCandidate call: the best candidate so far, and the score being computed. */
interface Search {
  context: Context;
  target: number;
  best: Scored | null;
  score: Score;
}

/**
 * Scores one candidate and keeps it if it beats the best so far. Its terms are `terms`, or, for a
 * window, the rows context.window[0..count) with sign +1 (Term objects are made only for a keeper).
 */
function consider(search: Search, priority: number, terms: Term[] | null, count: number): void {
  if (count === 0) return;
  const { context, target, score } = search;
  if (terms) context.score(target, terms, score);
  else context.scoreWindow(target, count, score);
  const best = search.best;
  if (best) {
    const cmp = compareScores(score, best.score);
    if (!(cmp > 0 || (cmp === 0 && priority < best.candidate.priority))) return;
  }
  search.best = { candidate: { terms: terms ? terms.map((t) => ({ row: t.row, sign: t.sign })) : windowTerms(context.window, count), priority }, score: { ...score } };
}

/** A coincidental "subtotal" (two equal lines) shows when the total above it only adds up without it. */
function retryWithoutTentative(context: Context, target: number, tentative: Map<number, Term[]>, best: Scored): Scored {
  for (const parent of [...tentative.keys()].filter((p) => p < target && context.termsOf.get(p) === tentative.get(p))) {
    context.termsOf.delete(parent);
    const role = context.roles[parent];
    context.roles[parent] = context.rows[parent].role;
    const retry = bestCandidate(context, target);
    if (retry && compareScores(retry.score, best.score) > 0) {
      best = retry;
      tentative.delete(parent);
    } else {
      context.termsOf.set(parent, tentative.get(parent)!);
      context.roles[parent] = role;
    }
  }
  return best;
}

/** Row indexes a window may start after: headings, computed rows and the table start. */
function boundariesAbove(context: Context, target: number): number[] {
  const starts: number[] = [];
  for (let i = target - 1; i >= 0; i--) {
    if (context.openers.has(i)) continue;
    if (context.roles[i] === 'group' || (COMPUTED.has(context.roles[i]) && context.termsOf.has(i))) starts.push(i);
  }
  starts.push(-1);
  return starts;
}

/** The rows of (start, target) that are not already inside another row of the same range. */
export function windowItems(context: Pick<Context, 'roles' | 'termsOf' | 'blank' | 'marks' | 'window'>, start: number, target: number): Term[] {
  return windowTerms(context.window, fillWindow(context, start, target));
}

/** windowItems' rows, written into context.window; returns how many. */
function fillWindow(context: Pick<Context, 'roles' | 'termsOf' | 'blank' | 'marks' | 'window'>, start: number, target: number): number {
  const marks = context.marks;
  const inside = ++marks.stamp;
  for (let i = start + 1; i < target; i++) {
    const terms = context.termsOf.get(i);
    if (terms) for (const t of terms) marks.at[t.row] = inside;
  }
  let count = 0;
  for (let i = start + 1; i < target; i++) {
    if (marks.at[i] === inside || NEVER_SUMMED.has(context.roles[i])) continue;
    if (context.blank[i]) continue;
    context.window[count++] = i;
  }
  return count;
}

function windowTerms(window: readonly number[], count: number): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < count; i++) terms.push({ row: window[i], sign: 1 });
  return terms;
}

function windowCandidates(search: Search, offset: number): void {
  // Nearer starts first; equally good farther windows add only rows that are zero.
  const { context, target } = search;
  const starts = boundariesAbove(context, target);
  for (let distance = 0; distance < starts.length; distance++) consider(search, distance + offset, null, fillWindow(context, starts[distance], target));
}

const MINUEND_ROLES: ReadonlySet<RowRole> = new Set(['total', 'available', 'opening-equity', 'closing-equity', 'result']);
const SUBTRAHEND_ROLES: ReadonlySet<RowRole> = new Set(['total', 'limit']);

/** `A − B` forms: result = income − costs, closing = available − costs, remaining = closing − limit. */
function differenceCandidates(search: Search): void {
  const { context, target } = search;
  const { rows, roles } = context;
  // One pair of terms, rewritten for every candidate (consider copies the one it keeps).
  const plus: Term = { row: 0, sign: 1 };
  const minus: Term = { row: 0, sign: -1 };
  const pair = [plus, minus];
  for (let a = target - 1; a >= 0; a--) {
    if (!MINUEND_ROLES.has(roles[a])) continue;
    for (let b = target - 1; b > a; b--) {
      if (!SUBTRAHEND_ROLES.has(roles[b])) continue;
      const preferred = rows[a].side !== 'cost' && (rows[b].side === 'cost' || roles[b] === 'limit');
      plus.row = a;
      minus.row = b;
      consider(search, (preferred ? 0 : 500) + (target - a), pair, 2);
    }
  }
}

/** When no candidate adds up in most columns, the label decides, so the error is still reported. */
function defaultTerms(context: Context, target: number): Term[] | null {
  const { rows, roles } = context;
  const role = rows[target].role;
  const above = (pred: (i: number) => boolean): number => {
    for (let i = target - 1; i >= 0; i--) if (pred(i)) return i;
    return -1;
  };
  if (role === 'total' || role === 'available') {
    const start = boundariesAbove(context, target)[0];
    const items = windowItems(context, start, target);
    return items.length > 0 ? items : null;
  }
  const costTotal = above((i) => roles[i] === 'total' && rows[i].side === 'cost');
  if (role === 'remaining') {
    const closing = above((i) => roles[i] === 'closing-equity');
    const limit = above((i) => roles[i] === 'limit');
    return closing >= 0 && limit >= 0 ? [{ row: closing, sign: 1 }, { row: limit, sign: -1 }] : null;
  }
  const plus = role === 'closing-equity'
    ? above((i) => roles[i] === 'available')
    : above((i) => (roles[i] === 'total' || roles[i] === 'available') && rows[i].side !== 'cost' && i < costTotal);
  return plus >= 0 && costTotal > plus ? [{ row: plus, sign: 1 }, { row: costTotal, sign: -1 }] : null;
}
