import type { ComparedRow } from './comparedRows';
import type { RowPair } from './types';

export interface RowPairing {
  old: ComparedRow[];
  new: ComparedRow[];
  /** The row's amounts in the shared years as one string, or null where they are all zero. */
  oldAmounts(index: number): string | null;
  newAmounts(index: number): string | null;
}

/**
 * Pairs the rows of two versions of a table, surest evidence first; a row paired once is not
 * looked at again:
 *  1. the same label in the same section (a repeated label, as Samsund's two `Totalt`, pairs by
 *     its section, and in order within it);
 *  2. the same label anywhere (a line moved to another group);
 *  3. the same label but for its years (`Budgeterat resultat 2024` → `… 2025`, a plan rolled
 *     forward);
 *  4. a renamed line: a label of one version only whose amounts in every shared year equal, not
 *     all zero, those of exactly one unpaired line of the other, and of no other;
 *  5. a renamed total: the one whose parts are most nearly the same paired lines (at least half
 *     of them), where each is the other's only best.
 * A line both renamed and given new amounts stays one removed and one added line: Budgetkoll does
 * not guess from similar spellings, since `IRIS USB` and `IRIS VSB` are two different lines.
 * Every rule reads both versions alike, so pairing B with A gives the same pairs turned around.
 */
export function pairRows(input: RowPairing): RowPair[] {
  const matched = new Map<number, number>(); // old index → new index
  const taken = new Set<number>(); // new indexes
  const link = (o: ComparedRow, n: ComparedRow) => {
    matched.set(o.index, n.index);
    taken.add(n.index);
  };
  const free = () => ({ old: input.old.filter((r) => !matched.has(r.index)), new: input.new.filter((r) => !taken.has(r.index)) });
  pairInOrder(free(), (r) => `${r.key}\u0000${r.section}`, link);
  pairInOrder(free(), (r) => r.key, link);
  pairInOrder(free(), (r) => r.yearless, link);
  pairByAmounts(free(), input, link);
  const totals = free();
  const partnerOfOld = (row: number) => matched.get(row);
  mutualBest(totals.old.filter((r) => r.computed), totals.new.filter((r) => r.computed), (o, n) => sharedParts(o, n, partnerOfOld), link);
  return ordered(input, matched);
}

/** Rows of both with the same key pair up in order: the k-th of the old with the k-th of the new. */
function pairInOrder(rows: { old: ComparedRow[]; new: ComparedRow[] }, key: (r: ComparedRow) => string, link: (o: ComparedRow, n: ComparedRow) => void): void {
  const waiting = new Map<string, ComparedRow[]>();
  for (const n of rows.new) {
    const k = key(n);
    const queue = waiting.get(k);
    if (queue) queue.push(n);
    else waiting.set(k, [n]);
  }
  for (const o of rows.old) {
    const n = waiting.get(key(o))?.shift();
    if (n) link(o, n);
  }
}

/**
 * A line and a line (or a total and a total) with the same amounts, not all zero, where no other
 * unpaired row of either version has those amounts.
 */
function pairByAmounts(rows: { old: ComparedRow[]; new: ComparedRow[] }, input: RowPairing, link: (o: ComparedRow, n: ComparedRow) => void): void {
  const groups = new Map<string, { old: ComparedRow[]; new: ComparedRow[] }>();
  const add = (side: 'old' | 'new', r: ComparedRow, amounts: string | null) => {
    if (amounts === null) return;
    const key = `${r.computed}\u0000${amounts}`;
    const group = groups.get(key) ?? { old: [], new: [] };
    group[side].push(r);
    groups.set(key, group);
  };
  for (const r of rows.old) add('old', r, input.oldAmounts(r.index));
  for (const r of rows.new) add('new', r, input.newAmounts(r.index));
  for (const group of groups.values()) if (group.old.length === 1 && group.new.length === 1) link(group.old[0], group.new[0]);
}

/** The share of the two totals' parts that are the same paired lines (Jaccard), 0 below one half. */
function sharedParts(o: ComparedRow, n: ComparedRow, partnerOfOld: (row: number) => number | undefined): number {
  const oldParts = new Set(o.terms.map((t) => partnerOfOld(t)).filter((t): t is number => t !== undefined));
  const shared = n.terms.filter((t) => oldParts.has(t)).length;
  const union = o.terms.length + n.terms.length - shared;
  const score = union === 0 ? 0 : shared / union;
  return score >= 0.5 ? score : 0;
}

const MAX_SCORED = 1_000_000;

/**
 * Pairs a and b where the score is positive and each is the other's only best: an ambiguous
 * candidate is left unpaired rather than guessed.
 */
function mutualBest(olds: ComparedRow[], news: ComparedRow[], score: (o: ComparedRow, n: ComparedRow) => number, link: (o: ComparedRow, n: ComparedRow) => void): void {
  // Every pair is scored: past a million (two unrelated tables of a thousand totals each) the
  // rows stay unpaired rather than the comparison slow.
  if (olds.length === 0 || news.length === 0 || olds.length * news.length > MAX_SCORED) return;
  const scores = olds.map((o) => news.map((n) => score(o, n)));
  const bestOf = (values: number[]) => {
    const best = Math.max(...values);
    return best > 0 && values.filter((v) => v === best).length === 1 ? values.indexOf(best) : -1;
  };
  olds.forEach((o, i) => {
    const j = bestOf(scores[i]);
    if (j >= 0 && bestOf(scores.map((row) => row[j])) === i) link(o, news[j]);
  });
}

/** The pairs in the new table's order, each removed row after the row that stood before it. */
function ordered(input: RowPairing, matched: Map<number, number>): RowPair[] {
  const placed: { pair: RowPair; at: number; then: number }[] = [];
  const newOf = new Map([...matched].map(([o, n]) => [n, o]));
  for (const n of input.new) placed.push({ pair: { old: newOf.get(n.index) ?? null, new: n.index }, at: n.index, then: -1 });
  let anchor = -1;
  for (const o of input.old) {
    const partner = matched.get(o.index);
    if (partner !== undefined) anchor = partner;
    else placed.push({ pair: { old: o.index, new: null }, at: anchor + 0.5, then: o.index });
  }
  return placed.sort((a, b) => a.at - b.at || a.then - b.then).map((p) => p.pair);
}
