import type { Money } from '../money';
import type { RowRole, Side } from '../labels';
import type { RowRelation, Term } from '../model';
import { compareScores, isAcceptable, isFullMatch, scoreRelation, type Score } from './score';
import { findSubtotalsAbove } from './subtotalsAbove';

export interface StructureRow {
  label: string;
  role: RowRole;
  side: Side;
  values: (Money | null)[];
  childMarker: boolean;
}

export interface Structure {
  roles: RowRole[];
  relations: RowRelation[];
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
  const tentative = findSubtotalsAbove(rows, tolerance);
  for (const [parent, terms] of tentative) {
    termsOf.set(parent, terms);
    evidence.set(parent, 'arithmetic');
    roles[parent] = 'total';
  }
  rows.forEach((row, target) => {
    if (!COMPUTED.has(row.role) || row.values.every((v) => v === null)) return;
    const context: Context = { rows, roles, termsOf, tolerance, openers: new Set(tentative.keys()) };
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
  return { roles, relations };
}

interface Context {
  rows: StructureRow[];
  roles: RowRole[];
  termsOf: Map<number, Term[]>;
  tolerance: Money;
  /** Subtotals stated above their parts: they open a group, so no window starts after them. */
  openers: ReadonlySet<number>;
}

interface Scored {
  candidate: Candidate;
  score: Score;
}

function bestCandidate(context: Context, target: number): Scored | null {
  let best: Scored | null = null;
  for (const candidate of candidatesFor(context, target)) {
    if (candidate.terms.length === 0) continue;
    const score = scoreRelation(context.rows, target, candidate.terms, context.tolerance);
    if (!best) {
      best = { candidate, score };
      continue;
    }
    const cmp = compareScores(score, best.score);
    if (cmp > 0 || (cmp === 0 && candidate.priority < best.candidate.priority)) best = { candidate, score };
  }
  return best;
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

function candidatesFor(context: Context, target: number): Candidate[] {
  const role = context.rows[target].role;
  const windows = windowCandidates(context, target);
  if (role === 'total' || role === 'available') return windows;
  return [...differenceCandidates(context, target), ...windows.map((w) => ({ ...w, priority: w.priority + 1000 }))];
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
export function windowItems(context: Pick<Context, 'rows' | 'roles' | 'termsOf'>, start: number, target: number): Term[] {
  const inside = new Set<number>();
  for (let i = start + 1; i < target; i++) for (const t of context.termsOf.get(i) ?? []) inside.add(t.row);
  const items: Term[] = [];
  for (let i = start + 1; i < target; i++) {
    if (inside.has(i) || NEVER_SUMMED.has(context.roles[i])) continue;
    if (context.rows[i].values.every((v) => v === null)) continue;
    items.push({ row: i, sign: 1 });
  }
  return items;
}

function windowCandidates(context: Context, target: number): Candidate[] {
  // Nearer starts first; equally good farther windows add only rows that are zero.
  return boundariesAbove(context, target).map((start, distance) => ({
    terms: windowItems(context, start, target),
    priority: distance,
  }));
}

const MINUEND_ROLES: ReadonlySet<RowRole> = new Set(['total', 'available', 'opening-equity', 'closing-equity', 'result']);
const SUBTRAHEND_ROLES: ReadonlySet<RowRole> = new Set(['total', 'limit']);

/** `A − B` forms: result = income − costs, closing = available − costs, remaining = closing − limit. */
function differenceCandidates(context: Context, target: number): Candidate[] {
  const { rows, roles } = context;
  const out: Candidate[] = [];
  for (let a = target - 1; a >= 0; a--) {
    if (!MINUEND_ROLES.has(roles[a])) continue;
    for (let b = target - 1; b > a; b--) {
      if (!SUBTRAHEND_ROLES.has(roles[b])) continue;
      const preferred = rows[a].side !== 'cost' && (rows[b].side === 'cost' || roles[b] === 'limit');
      out.push({ terms: [{ row: a, sign: 1 }, { row: b, sign: -1 }], priority: (preferred ? 0 : 500) + (target - a) });
    }
  }
  return out;
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
