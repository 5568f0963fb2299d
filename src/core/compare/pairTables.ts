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
 * Tables pair on the same sheet under the same title (years aside: `BUDGET för 2024` → `BUDGET för
 * 2025`) where that names one table in each version; then by what they hold, first among the
 * tables of one sheet, then across sheets (a sheet renamed `Budget 2025`). What they hold: the
 * share of line labels in common counts most, then the same sheet, the same title and the shared
 * years; a pair needs a quarter of its labels in common, or some and the same sheet or title. The
 * best pairs are taken first; ties go to tables at the same place in both workbooks, then the
 * earlier — a rule that reads both versions alike, so comparing B with A gives the same pairs.
 * Scoring within a sheet first keeps a workbook of hundreds of tables from scoring every pair.
 */
export function pairTables(oldTables: readonly TableAnalysis[], newTables: readonly TableAnalysis[]): TablePair[] {
  const before = oldTables.map(features);
  const after = newTables.map(features);
  const oldToNew = new Map<number, number>();
  const newTaken = new Set<number>();
  const take = (i: number, j: number) => {
    oldToNew.set(i, j);
    newTaken.add(j);
  };
  pairUniquePlaces(before, after, take);
  const free = () => ({ old: before.map((_, i) => i).filter((i) => !oldToNew.has(i)), new: after.map((_, j) => j).filter((j) => !newTaken.has(j)) });
  for (const sheet of new Set(before.map((t) => t.sheet))) {
    const left = free();
    pairBest(before, after, left.old.filter((i) => before[i].sheet === sheet), left.new.filter((j) => after[j].sheet === sheet), take);
  }
  const left = free();
  pairBest(before, after, left.old, left.new, take);
  const newToOld = new Map([...oldToNew].map(([o, n]) => [n, o]));
  return [
    ...newTables.map((_, j) => ({ old: newToOld.get(j) ?? null, new: j })),
    ...oldTables.map((_, i) => i).filter((i) => !oldToNew.has(i)).map((i) => ({ old: i, new: null })),
  ];
}

/** The one table of a sheet and title in each version: the same table, whatever it now holds. */
function pairUniquePlaces(before: TableFeatures[], after: TableFeatures[], take: (i: number, j: number) => void): void {
  const place = (t: TableFeatures) => (t.title === '' ? null : `${t.sheet}\u0000${t.title}`);
  const only = (tables: TableFeatures[]) => {
    const seen = new Map<string, number | null>();
    tables.forEach((t, i) => {
      const key = place(t);
      if (key !== null) seen.set(key, seen.has(key) ? null : i);
    });
    return seen;
  };
  const newPlaces = only(after);
  for (const [key, i] of only(before)) {
    const j = newPlaces.get(key);
    if (i !== null && j !== null && j !== undefined) take(i, j);
  }
}

function pairBest(before: TableFeatures[], after: TableFeatures[], olds: number[], news: number[], take: (i: number, j: number) => void): void {
  const candidates: { old: number; new: number; score: number }[] = [];
  for (const i of olds) {
    for (const j of news) {
      const score = pairScore(before[i], after[j]);
      if (score !== null) candidates.push({ old: i, new: j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.old - x.new) - Math.abs(y.old - y.new) || (x.old + x.new) - (y.old + y.new));
  const used = { old: new Set<number>(), new: new Set<number>() };
  for (const c of candidates) {
    if (used.old.has(c.old) || used.new.has(c.new)) continue;
    used.old.add(c.old);
    used.new.add(c.new);
    take(c.old, c.new);
  }
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
