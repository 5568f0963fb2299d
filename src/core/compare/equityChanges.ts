import { minus } from '../amount';
import type { EquityChange } from './types';
import type { Version } from './version';

/** Closing equity per year, recomputed, in either version's chain (a year of one only has null on the other side). */
export function equityChanges(oldVersion: Version | null, newVersion: Version | null): EquityChange[] {
  const before = oldVersion?.closings() ?? new Map();
  const after = newVersion?.closings() ?? new Map();
  const years = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const o = before.get(year) ?? null;
    const n = after.get(year) ?? null;
    return { year, old: o, new: n, difference: o !== null && n !== null ? minus(n, o) : null };
  });
}
