import type { Amount } from '../amount';
import type { RowRole, Side } from '../labels';
import type { RowRelation, Term } from '../model';
import { compareScores, emptyScore, isAcceptable, isFullMatch, scoreRelation, scoreWindow, type Score } from './score';
import { findSubtotalsAbove } from './subtotalsAbove';
import { isComputedRole } from '../rules/computedRows';

export interface StructureRow {
  label: string;
  role: RowRole;
  side: Side;
  values: (Amount | null)[];
  childMarker: boolean;
  /** A value cell shows an error value: a total without numbers is still a total (by its label). */
  hasErrors?: boolean;
  /** A line whose label may name the subtotal of the lines above it (rules/computedRows.ts mayNameSubtotal): arithmetic decides. */
  subtotalNoun?: boolean;
  /** A line that names the state or a region: never the subtotal of the lines under it (rules/computedRows.ts namesOnePayer). */
  onePayer?: boolean;
}

export interface Structure {
  roles: RowRole[];
  relations: RowRelation[];
}

interface Candidate {
  terms: Term[];
  /** Lower is preferred when two candidates explain the numbers equally well. */
  priority: number;
  /** For a window: the row it starts after (-1: the table start). */
  start?: number;
}

const NEVER_SUMMED: ReadonlySet<RowRole> = new Set(['group', 'limit', 'remaining']);

/**
 * Finds, for every total, result and equity row, the rows it is the sum of.
 * Labels say which rows are totals; arithmetic says what they add up —
 * scored column by column, so one wrong column does not change the structure.
 */
export function inferStructure(rows: StructureRow[], tolerance: Amount): Structure {
  const roles = rows.map((r) => r.role);
  const termsOf = new Map<number, Term[]>();
  const evidence = new Map<number, RowRelation['evidence']>();
  const score: Context['score'] = (target, terms, out) => scoreRelation(rows, target, terms, tolerance, out);
  const window: number[] = [];
  const scoreWindowOf: Context['scoreWindow'] = (target, count, out) => scoreWindow(rows, target, window, count, tolerance, out);
  const tentative = findSubtotalsAbove(rows, tolerance);
  for (const [parent, terms] of tentative) {
    termsOf.set(parent, terms);
    evidence.set(parent, 'arithmetic');
    roles[parent] = 'total';
  }
  const blank = rows.map((r) => r.values.every((v) => v === null));
  const context: Context = {
    rows, roles, termsOf, score, scoreWindow: scoreWindowOf, window, blank,
    // A snapshot of the openers, taken again only once a retry has dropped a tentative subtotal.
    openers: new Set(tentative.keys()),
    marks: { stamp: 0, at: new Array<number>(rows.length).fill(0) },
    windowStarts: new Map<number, number>(),
  };
  rows.forEach((row, target) => {
    if (row.subtotalNoun && !blank[target] && !termsOf.has(target)) {
      confirmSubtotalBelow(context, target, evidence);
      return;
    }
    if (!isComputedRole(row.role) || (blank[target] && !row.hasErrors)) return;
    if (context.openers.size !== tentative.size) context.openers = new Set(tentative.keys());
    let best = bestCandidate(context, target);
    if (best) best = retryWithoutTentative(context, target, tentative, best);
    if (best && isAcceptable(best.score)) {
      termsOf.set(target, best.candidate.terms);
      if (best.candidate.start !== undefined) context.windowStarts.set(target, best.candidate.start);
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
  return { roles, relations };
}

/**
 * A line whose label may name a subtotal (`Medlemsbidrag`, `Verksamhetens kostnader`) is the total
 * of the lines above it when they add up in most columns, and at least two of them: then it is a
 * total like any `Summa …`, and the totals below count its lines once, through it.
 */
function confirmSubtotalBelow(context: Context, target: number, evidence: Map<number, RowRelation['evidence']>): void {
  const best = bestCandidate(context, target, 'total');
  if (!best || best.candidate.terms.length < 2 || !isAcceptable(best.score) || best.score.mismatches * 2 >= best.score.matches) return;
  // Lines right above it that no heading or total starts must add up in every column.
  if (isSuffix(best) && !isFullMatch(best.score)) return;
  context.roles[target] = 'total';
  context.termsOf.set(target, best.candidate.terms);
  if (best.candidate.start !== undefined) context.windowStarts.set(target, best.candidate.start);
  evidence.set(target, 'arithmetic');
}

interface Context {
  rows: StructureRow[];
  roles: RowRole[];
  termsOf: Map<number, Term[]>;
  /** scoreRelation of the table, written into `out`. */
  score(target: number, terms: readonly Term[], out: Score): void;
  /** The same for the window rows window[0..count), each with sign +1. */
  scoreWindow(target: number, count: number, out: Score): void;
  /** Scratch space for the rows of one window. */
  window: number[];
  /** Subtotals stated above their parts: they open a group, so no window starts after them. */
  openers: ReadonlySet<number>;
  /** The row each total's chosen window starts after. */
  windowStarts: Map<number, number>;
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

/** `suffixes`: also the lines right above the total (suffixCandidates); a retry without a tentative subtotal asks only the blocks. */
function bestCandidate(context: Context, target: number, role: RowRole = context.rows[target].role, suffixes = true): Scored | null {
  const search: Search = {
    context, target, found: false, priority: 0, pair: null, start: 0,
    score: emptyScore(),
    best: emptyScore(),
  };
  // Every candidate, in order: differences first (for results and equity rows), then windows.
  if (role === 'total' || role === 'available') {
    windowCandidates(search, 0);
    if (suffixes && (!search.found || !isAcceptable(search.best))) suffixCandidates(search, SUFFIX_PRIORITY);
  } else {
    differenceCandidates(search);
    windowCandidates(search, 1000);
  }
  if (!search.found) return null;
  // The keeper's Term objects, made once: a pair's two, or the window's rows read again (nothing
  // a window depends on changes during the search, so fillWindow gives the same rows).
  const terms = search.pair ?? windowTerms(context.window, fillWindow(context, search.start, target));
  return { candidate: { terms, priority: search.priority, start: search.pair ? undefined : search.start }, score: search.best };
}

/**
 * One bestCandidate call: the score being computed, and the best candidate so far — its score (a
 * copy), its priority, and its terms (a pair) or, for a window, the row it starts after.
 */
interface Search {
  context: Context;
  target: number;
  found: boolean;
  best: Score;
  priority: number;
  pair: Term[] | null;
  start: number;
  score: Score;
}

/**
 * Scores one candidate and keeps it if it beats the best so far. Its terms are `pair`, or, for a
 * window, the rows context.window[0..count) with sign +1 (Term objects are made only for the
 * candidate finally kept, and for each pair kept on the way).
 */
function consider(search: Search, priority: number, pair: Term[] | null, count: number, start = 0): void {
  if (count === 0 || cannotWin(search, priority)) return;
  const { context, target, score } = search;
  if (pair) context.score(target, pair, score);
  else context.scoreWindow(target, count, score);
  if (search.found) {
    const cmp = compareScores(score, search.best);
    if (!(cmp > 0 || (cmp === 0 && priority < search.priority))) return;
  }
  search.found = true;
  Object.assign(search.best, score);
  search.priority = priority;
  search.pair = pair ? pair.map((t) => ({ row: t.row, sign: t.sign })) : null;
  search.start = start;
}

/**
 * Whether no candidate of this priority can beat the best so far: that one agrees exactly, and
 * not on zeros, in every column (no score is higher), and wins ties by its lower priority.
 */
function cannotWin(search: Search, priority: number): boolean {
  if (!search.found || priority < search.priority) return false;
  const width = search.context.rows[search.target].values.length;
  const best = search.best;
  return best.matches === width && best.exact === width && best.nonZeroMatches === width;
}

/**
 * A coincidental "subtotal" shows when the total above it adds up better
 * without it. One that has a single part (two equal lines: `Staten` and
 * `Region Skåne` paying the same) must earn its place: it stays only if the
 * total adds up worse without it. Nested coincidences are tried together.
 */
function retryWithoutTentative(context: Context, target: number, tentative: Map<number, Term[]>, best: Scored): Scored {
  // Without tentative subtotals there is nothing to retry (the loops below would find no parent).
  if (tentative.size === 0) return best;
  const live = (p: number) => p < target && context.termsOf.get(p) === tentative.get(p);
  const inWindow = (p: number) => best.candidate.terms.some((t) => t.row === p);
  const drop = (parents: number[]) => {
    const saved = parents.map((p) => ({ p, role: context.roles[p] }));
    for (const p of parents) {
      context.termsOf.delete(p);
      context.roles[p] = context.rows[p].role;
    }
    return () => {
      for (const { p, role } of saved) {
        context.termsOf.set(p, tentative.get(p)!);
        context.roles[p] = role;
      }
    };
  };
  // Dropping one can make dropping another pay off: repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const parent of [...tentative.keys()].filter(live)) {
      const single = tentative.get(parent)!.length === 1;
      if (!single && isFullMatch(best.score)) continue;
      if (single && !inWindow(parent)) continue;
      const restore = drop([parent]);
      const retry = bestCandidate(context, target, context.rows[target].role, false);
      const cmp = retry ? compareScores(retry.score, best.score) : -1;
      if (retry && (cmp > 0 || (single && cmp === 0))) {
        best = retry;
        tentative.delete(parent);
        changed = true;
      } else {
        restore();
      }
    }
  }
  const rest = [...tentative.keys()].filter(live);
  if (!isFullMatch(best.score) && rest.length > 1) {
    const restore = drop(rest);
    const retry = bestCandidate(context, target, context.rows[target].role, false);
    if (retry && compareScores(retry.score, best.score) > 0) {
      best = retry;
      for (const p of rest) tentative.delete(p);
    } else {
      restore();
    }
  }
  return best;
}

/** Row indexes a window may start after: headings, computed rows and the table start. */
function boundariesAbove(context: Context, target: number): number[] {
  const starts: number[] = [];
  for (let i = target - 1; i >= 0; i--) {
    if (context.openers.has(i)) continue;
    if (context.roles[i] === 'group' || (isComputedRole(context.roles[i]) && context.termsOf.has(i))) starts.push(i);
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
    if (terms) for (let k = 0; k < terms.length; k++) marks.at[terms[k].row] = inside;
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
  for (let distance = 0; distance < starts.length; distance++) {
    // Farther windows come with higher priorities: once none can win, none is read.
    if (cannotWin(search, distance + offset)) return;
    consider(search, distance + offset, null, fillWindow(context, starts[distance], target), starts[distance]);
  }
}

/** Candidates of suffixCandidates rank after every window that starts at a heading or a total. */
const SUFFIX_PRIORITY = 3000;

const isSuffix = (scored: Scored): boolean => scored.candidate.priority >= SUFFIX_PRIORITY;

/** The most lines right above a total that suffixCandidates tries (a group's members, not a ledger). */
const MAX_SUFFIX = 60;

/**
 * A total whose block starts at no heading nor total: `Summa kommunerna` right under the
 * municipalities, below the state's and the region's lines. The lines right above it, as many as
 * add up best — tried only when no block from a heading or a total adds up in most columns (one
 * that does is the total's block, its other columns wrong).
 */
function suffixCandidates(search: Search, offset: number): void {
  const { context, target } = search;
  const nearest = boundariesAbove(context, target)[0];
  for (let start = target - 2; start > nearest && target - start <= MAX_SUFFIX; start--) {
    if (cannotWin(search, offset + target - start)) return;
    const count = fillWindow(context, start, target);
    if (count >= 2) consider(search, offset + target - start, null, count, start);
  }
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

/**
 * Where a total's block begins when its numbers cannot tell: the nearest
 * heading that no subtotal below it already starts after (`Kostnader`, not
 * the `Lokaler` of a group inside it), a total of the other side (`Summa
 * intäkter` above `Summa totala kostnader`), or the table start.
 */
function sectionStart(context: Context, target: number, starts: number[]): number {
  const side = context.rows[target].side;
  const claimed = new Set<number>();
  for (const [row, start] of context.windowStarts) if (row < target) claimed.add(start);
  for (const s of starts) {
    if (s < 0) return s;
    if (context.roles[s] === 'group' && !claimed.has(s)) return s;
    const otherSide = context.rows[s].side;
    if (isComputedRole(context.roles[s]) && side !== 'unknown' && otherSide !== 'unknown' && otherSide !== side) return s;
  }
  return -1;
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
    const starts = boundariesAbove(context, target);
    for (const start of [sectionStart(context, target, starts), ...starts]) {
      const items = windowItems(context, start, target);
      if (items.length === 0) continue;
      context.windowStarts.set(target, start);
      return items;
    }
    return null;
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
