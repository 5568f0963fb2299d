import { ZERO, type Money } from '../money';
import { cellKey, statedValue, type CellRelation, type TableCell } from '../recompute';
import type { CheckContext } from './types';

export type Outcome =
  | { status: 'ok' }
  | { status: 'rounding'; statedSum: Money }
  | { status: 'mismatch'; statedSum: Money; recomputedSum: Money }
  | { status: 'consequence'; statedSum: Money; recomputedSum: Money; cause: TableCell | null };

/**
 * Every relation judged twice: against its stated parts (so one stale
 * subtotal does not make every later row wrong), and against its parts
 * recomputed bottom-up (so a total that is right once an error above it is
 * fixed is a consequence, not an error of its own).
 */
export function relationOutcomes(context: CheckContext): Map<string, Outcome> {
  const { table, recomputed, tolerance } = context;
  const outcomes = new Map<string, Outcome>();
  for (const rel of recomputed.relations) {
    const stated = statedValue(table, rel.target);
    const statedSum = recomputed.statedSum(rel);
    const diff = stated.minus(statedSum).abs();
    if (diff.isZero()) outcomes.set(cellKey(rel.target), { status: 'ok' });
    else if (diff.lte(tolerance)) outcomes.set(cellKey(rel.target), { status: 'rounding', statedSum });
    else {
      const recomputedSum = recomputed.recomputedSum(rel);
      const fixedUpstream = stated.minus(recomputedSum).abs().lte(tolerance) && !recomputedSum.eq(statedSum);
      outcomes.set(cellKey(rel.target), fixedUpstream
        ? { status: 'consequence', statedSum, recomputedSum, cause: null }
        : { status: 'mismatch', statedSum, recomputedSum });
    }
  }
  for (const rel of recomputed.relations) {
    const outcome = outcomes.get(cellKey(rel.target))!;
    if (outcome.status === 'consequence') outcome.cause = upstreamError(rel, outcomes, recomputed.byTarget);
  }
  return outcomes;
}

/** The first error found walking up the parts: the cell whose fix repairs this one. */
function upstreamError(rel: CellRelation, outcomes: Map<string, Outcome>, byTarget: Map<string, CellRelation>): TableCell | null {
  const seen = new Set<string>();
  const walk = (r: CellRelation): TableCell | null => {
    for (const term of r.terms) {
      const key = cellKey(term.cell);
      if (seen.has(key)) continue;
      seen.add(key);
      if (outcomes.get(key)?.status === 'mismatch') return term.cell;
      const inner = byTarget.get(key);
      const found = inner ? walk(inner) : null;
      if (found) return found;
    }
    return null;
  };
  return walk(rel);
}

/**
 * Totals that add up today but change once `root` is fixed: the fix's
 * difference carried down through every relation that is not already a
 * consequence (a consequence already holds the right number).
 */
export function affectedBy(root: TableCell, context: CheckContext, outcomes: Map<string, Outcome>): TableCell[] {
  const { table, recomputed } = context;
  const dependents = new Map<string, CellRelation[]>();
  for (const rel of recomputed.relations) {
    for (const t of rel.terms) {
      const key = cellKey(t.cell);
      dependents.set(key, [...(dependents.get(key) ?? []), rel]);
    }
  }
  const reachable = new Map<string, CellRelation>();
  const queue = [cellKey(root)];
  while (queue.length > 0) {
    for (const rel of dependents.get(queue.shift()!) ?? []) {
      const key = cellKey(rel.target);
      if (reachable.has(key) || outcomes.get(key)?.status === 'consequence') continue;
      reachable.set(key, rel);
      queue.push(key);
    }
  }
  const rootDelta = recomputed.value(root).minus(statedValue(table, root));
  const memo = new Map<string, Money>();
  const delta = (cell: TableCell, depth: number): Money => {
    const key = cellKey(cell);
    if (key === cellKey(root)) return rootDelta;
    const rel = reachable.get(key);
    if (!rel || depth > reachable.size) return ZERO;
    const known = memo.get(key);
    if (known) return known;
    const d = rel.terms.reduce((acc, t) => (t.sign === 1 ? acc.plus(delta(t.cell, depth + 1)) : acc.minus(delta(t.cell, depth + 1))), ZERO);
    memo.set(key, d);
    return d;
  };
  return [...reachable.values()]
    .map((rel) => rel.target)
    .filter((cell) => outcomes.get(cellKey(cell))?.status === 'ok' && !delta(cell, 0).isZero())
    .sort((a, b) => a.col - b.col || a.row - b.row);
}
