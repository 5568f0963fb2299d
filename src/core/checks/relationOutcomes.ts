import { ZERO_AMOUNT, atMost, distance, equals, isZero, minus, plusSigned, withinTolerance, type Amount } from '../amount';
import { statedAmount } from '../recompute';
import { forEachPart, hasErrorPart, isErrorCell, type CellRelation } from '../relations';
import { CellMap, cellId, cellIdAt, type TableCell } from '../tableCells';
import type { BudgetTable } from '../model';
import type { CheckContext } from './types';
import { isNoDifference } from '../rules/roundingTolerance';

export type Outcome =
  | { status: 'ok' }
  | { status: 'rounding'; statedSum: Amount }
  | { status: 'mismatch'; statedSum: Amount; recomputedSum: Amount }
  | { status: 'consequence'; statedSum: Amount; recomputedSum: Amount; cause: TableCell | null };

/** Outcomes by target cell. */
export type Outcomes = CellMap<Outcome>;

const OK: Outcome = { status: 'ok' };

/**
 * Every relation judged twice: against its stated parts (so one stale
 * subtotal does not make every later row wrong), and against its parts
 * recomputed bottom-up (so a total that is right once an error above it is
 * fixed is a consequence, not an error of its own).
 */
export function relationOutcomes(context: CheckContext): Outcomes {
  const { table, recomputed, tolerance } = context;
  const outcomes: Outcomes = new CellMap(table);
  let consequences = false;
  for (const rel of recomputed.relations) {
    // An error value in the total or a part is reported as such (errorValues.ts), not as a wrong sum.
    if (isErrorCell(table, rel.target.row, rel.target.col) || hasErrorPart(table, rel)) {
      outcomes.set(rel.target, OK);
      continue;
    }
    const stated = statedAmount(table, rel.target);
    const statedSum = recomputed.statedSum(rel);
    const diff = distance(stated, statedSum);
    if (isNoDifference(diff)) outcomes.set(rel.target, OK);
    else if (atMost(diff, tolerance)) outcomes.set(rel.target, { status: 'rounding', statedSum });
    else {
      const recomputedSum = recomputed.recomputedSum(rel);
      const fixedUpstream = withinTolerance(stated, recomputedSum, tolerance) && !equals(recomputedSum, statedSum);
      consequences ||= fixedUpstream;
      outcomes.set(rel.target, fixedUpstream
        ? { status: 'consequence', statedSum, recomputedSum, cause: null }
        : { status: 'mismatch', statedSum, recomputedSum });
    }
  }
  if (!consequences) return outcomes;
  // The relation of each target, for the walk up to a consequence's cause (the last of a target wins).
  const relationAt = new CellMap<CellRelation>(table);
  for (const rel of recomputed.relations) relationAt.set(rel.target, rel);
  for (const rel of recomputed.relations) {
    const outcome = outcomes.get(rel.target)!;
    if (outcome.status === 'consequence') outcome.cause = upstreamError(table, rel, outcomes, relationAt);
  }
  return outcomes;
}

/** The first error found walking up the parts: the cell whose fix repairs this one. */
function upstreamError(table: BudgetTable, rel: CellRelation, outcomes: Outcomes, relationAt: CellMap<CellRelation>): TableCell | null {
  const seen = new Set<number | string>();
  const walk = (r: CellRelation): TableCell | null => {
    for (const term of r.terms) {
      const key = cellId(table, term.cell);
      if (seen.has(key)) continue;
      seen.add(key);
      if (outcomes.get(term.cell)?.status === 'mismatch') return term.cell;
      const inner = relationAt.get(term.cell);
      const found = inner ? walk(inner) : null;
      if (found) return found;
    }
    return null;
  };
  return walk(rel);
}

/** For every cell, the relations it is a term of: built once per table, walked once per error. */
export type Dependents = Map<number | string, CellRelation[]>;

export function dependentsOf(context: CheckContext): Dependents {
  const { table, recomputed } = context;
  const dependents: Dependents = new Map();
  for (const rel of recomputed.relations) {
    forEachPart(rel, (row, col) => {
      const key = cellIdAt(table, row, col);
      const list = dependents.get(key);
      if (list) list.push(rel);
      else dependents.set(key, [rel]);
    });
  }
  return dependents;
}

/**
 * The relations whose totals are built on `root`, directly or through other totals, by target key
 * (breadth first). A total `follow` refuses is left out, and so is what is built on it only through it.
 */
export function relationsBuiltOn(root: TableCell, context: CheckContext, dependents: Dependents, follow: (rel: CellRelation) => boolean = () => true): Map<number | string, CellRelation> {
  const { table } = context;
  const reachable = new Map<number | string, CellRelation>();
  const queue = [cellId(table, root)];
  while (queue.length > 0) {
    for (const rel of dependents.get(queue.shift()!) ?? []) {
      const key = cellId(table, rel.target);
      if (reachable.has(key) || !follow(rel)) continue;
      reachable.set(key, rel);
      queue.push(key);
    }
  }
  return reachable;
}

/**
 * Totals that add up today but change once `root` is fixed: the fix's
 * difference carried down through every relation that is not already a
 * consequence (a consequence already holds the right number).
 */
export function affectedBy(root: TableCell, context: CheckContext, outcomes: Outcomes, dependents: Dependents = dependentsOf(context)): TableCell[] {
  const { table, recomputed } = context;
  const rootKey = cellId(table, root);
  const reachable = relationsBuiltOn(root, context, dependents, (rel) => outcomes.get(rel.target)?.status !== 'consequence');
  const rootDelta = minus(recomputed.amount(root), statedAmount(table, root));
  const memo = new Map<number | string, Amount>();
  const delta = (cell: TableCell, depth: number): Amount => {
    const key = cellId(table, cell);
    if (key === rootKey) return rootDelta;
    const rel = reachable.get(key);
    if (!rel || depth > reachable.size) return ZERO_AMOUNT;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const d = rel.terms.reduce<Amount>((acc, t) => plusSigned(acc, delta(t.cell, depth + 1), t.sign), ZERO_AMOUNT);
    memo.set(key, d);
    return d;
  };
  return [...reachable.values()]
    .map((rel) => rel.target)
    .filter((cell) => outcomes.get(cell)?.status === 'ok' && !isZero(delta(cell, 0)))
    .sort((a, b) => a.col - b.col || a.row - b.row);
}
