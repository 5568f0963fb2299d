import { equals, isZero, minus, negated } from '../amount';
import { labelKey } from './labelKey';
import type { Version } from './version';
import type { AmountChange, LineChange, RowPair, TotalChange } from './types';

export interface PairedVersions {
  old: Version;
  new: Version;
  /** The columns both have: the years amounts are compared in. */
  shared: { year: number; old: number; new: number }[];
  /** Rows the engine recomputes, by index, in each version. */
  oldComputed: ReadonlySet<number>;
  newComputed: ReadonlySet<number>;
}

/**
 * Lines by their amounts, totals by their recomputed values (a stale total states the same number
 * in both versions while its lines moved: the recomputed value shows it). A row that is a total
 * in one version only is compared as a line.
 */
export function lineAndTotalChanges(versions: PairedVersions, pairs: readonly RowPair[]): { lines: LineChange[]; totals: TotalChange[] } {
  const lines: LineChange[] = [];
  const totals: TotalChange[] = [];
  for (const pair of pairs) {
    if (pair.old !== null && pair.new !== null && versions.oldComputed.has(pair.old) && versions.newComputed.has(pair.new)) {
      totals.push(...totalChanges(versions, pair.old, pair.new));
    } else {
      lines.push(lineChange(versions, pair));
    }
  }
  return { lines, totals };
}

function lineChange(versions: PairedVersions, rows: RowPair): LineChange {
  if (rows.new === null) return oneSided(versions, rows, 'removed');
  if (rows.old === null) return oneSided(versions, rows, 'added');
  const changes = changedYears(versions, rows.old, rows.new).map((c) => c.change);
  const oldLabel = renamedFrom(versions, rows.old, rows.new);
  const status = changes.length > 0 || oldLabel !== null ? 'changed' : 'unchanged';
  return { label: versions.new.label(rows.new), oldLabel, status, rows, changes };
}

/** A line of one version only: its amounts, where not zero, are the change. */
function oneSided(versions: PairedVersions, rows: RowPair, status: 'added' | 'removed'): LineChange {
  const side = status === 'added' ? 'new' : 'old';
  const version = versions[side];
  const row = rows[side]!;
  const changes: AmountChange[] = [];
  for (const shared of versions.shared) {
    const value = version.amount(row, shared[side]);
    if (isZero(value)) continue;
    const cell = version.cell(row, shared[side]);
    changes.push(status === 'added'
      ? { year: shared.year, old: null, new: value, difference: value, oldCell: null, newCell: cell }
      : { year: shared.year, old: value, new: null, difference: negated(value), oldCell: cell, newCell: null });
  }
  return { label: version.label(row), oldLabel: null, status, rows, changes };
}

function totalChanges(versions: PairedVersions, oldRow: number, newRow: number): TotalChange[] {
  const label = versions.new.label(newRow);
  const oldLabel = renamedFrom(versions, oldRow, newRow);
  return changedYears(versions, oldRow, newRow).map(({ change, oldCol, newCol }) => ({
    ...change,
    old: change.old!,
    new: change.new!,
    label,
    oldLabel,
    oldStated: versions.old.stated(oldRow, oldCol),
    newStated: versions.new.stated(newRow, newCol),
  }));
}

/** The shared years whose amount differs between the two rows, with the columns they stand in. */
function changedYears({ old: oldVersion, new: newVersion, shared }: PairedVersions, oldRow: number, newRow: number): { change: AmountChange; oldCol: number; newCol: number }[] {
  const changes: { change: AmountChange; oldCol: number; newCol: number }[] = [];
  for (const { year, old: oldCol, new: newCol } of shared) {
    const a = oldVersion.amount(oldRow, oldCol);
    const b = newVersion.amount(newRow, newCol);
    if (equals(a, b)) continue;
    const change = { year, old: a, new: b, difference: minus(b, a), oldCell: oldVersion.cell(oldRow, oldCol), newCell: newVersion.cell(newRow, newCol) };
    changes.push({ change, oldCol, newCol });
  }
  return changes;
}

/** The old label where the two say different things (not merely typed differently). */
function renamedFrom(versions: PairedVersions, oldRow: number, newRow: number): string | null {
  const before = versions.old.label(oldRow);
  return labelKey(before) === labelKey(versions.new.label(newRow)) ? null : before;
}
