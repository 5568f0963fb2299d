import type { TableAnalysis } from '../analyze';
import { labelKey, yearlessKey } from './labelKey';

/** A table of the old version and its counterpart in the new one (indexes; null: none). */
export interface TablePair {
  old: number | null;
  new: number | null;
}

interface TableFeatures {
  sheet: string;
  title: string;
  keys: Set<string>;
  years: Set<number>;
}

/**
 * Tables pair by what they hold: the share of line labels they have in common counts most, then
 * the same sheet, the same title (years aside: `BUDGET för 2024` → `BUDGET för 2025`) and the
 * shared years. A pair needs a quarter of its line labels in common, or some of them and the same
 * sheet or title, or the same sheet and title; the best pairs are taken first. Ties go to tables at the same place in both workbooks, then the earlier:
 * a rule that reads both versions alike, so comparing B with A gives the same pairs.
 */
export function pairTables(oldTables: readonly TableAnalysis[], newTables: readonly TableAnalysis[]): TablePair[] {
  const before = oldTables.map(features);
  const after = newTables.map(features);
  const candidates: { old: number; new: number; score: number }[] = [];
  before.forEach((a, i) => after.forEach((b, j) => {
    const score = pairScore(a, b);
    if (score !== null) candidates.push({ old: i, new: j, score });
  }));
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.old - x.new) - Math.abs(y.old - y.new) || (x.old + x.new) - (y.old + y.new));
  const oldTaken = new Map<number, number>();
  const newTaken = new Set<number>();
  for (const c of candidates) {
    if (oldTaken.has(c.old) || newTaken.has(c.new)) continue;
    oldTaken.set(c.old, c.new);
    newTaken.add(c.new);
  }
  const newToOld = new Map([...oldTaken].map(([o, n]) => [n, o]));
  return [
    ...newTables.map((_, j) => ({ old: newToOld.get(j) ?? null, new: j })),
    ...oldTables.map((_, i) => i).filter((i) => !oldTaken.has(i)).map((i) => ({ old: i, new: null })),
  ];
}

function features({ table }: TableAnalysis): TableFeatures {
  return {
    sheet: table.sheet,
    title: table.title ? yearlessKey(table.title.text) : '',
    keys: new Set(table.rows.filter((r) => r.role !== 'group').map((r) => labelKey(r.label))),
    years: new Set(table.columns.map((c) => c.year)),
  };
}

/** The share of line labels two tables must have in common where neither sheet nor title agree. */
const MIN_SHARED_LABELS = 0.25;

/** null where the two cannot be the same table. */
function pairScore(a: TableFeatures, b: TableFeatures): number | null {
  const sharedKeys = overlap(a.keys, b.keys);
  const sameSheet = a.sheet === b.sheet;
  const sameTitle = a.title !== '' && a.title === b.title;
  // A label or two in common (`Administration`, `Revision`) is no evidence on its own.
  const alike = sharedKeys >= MIN_SHARED_LABELS || (sharedKeys > 0 && (sameSheet || sameTitle)) || (sameSheet && sameTitle);
  if (!alike) return null;
  return 4 * sharedKeys + 2 * Number(sameSheet) + 2 * Number(sameTitle) + overlap(a.years, b.years);
}

/** Dice: twice the common part over both sizes, 0 to 1. */
function overlap<T>(a: Set<T>, b: Set<T>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}
