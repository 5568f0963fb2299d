import type { TableAnalysis } from '../analyze';
import type { Finding } from '../findings';
import { yearlessKey } from './labelKey';
import type { FindingsDelta, RowPair } from './types';

/**
 * Findings of both versions matched by code, row and year — not by cell, since cells move when a
 * line is added above. The row is the paired row (so a renamed line keeps its findings); a
 * finding about something else than its row (the title, the equity, a member group) goes by what
 * it names, without years. Where
 * one key has several findings, they pair in order; what is left was fixed, or is new.
 */
export function findingChanges(oldTable: TableAnalysis | null, newTable: TableAnalysis | null, pairs: readonly RowPair[]): FindingsDelta {
  const oldKeys = keysOf(oldTable, pairs, 'old');
  const newKeys = keysOf(newTable, pairs, 'new');
  const waiting = new Map<string, Finding[]>();
  (newTable?.findings ?? []).forEach((f, i) => {
    const queue = waiting.get(newKeys[i]);
    if (queue) queue.push(f);
    else waiting.set(newKeys[i], [f]);
  });
  const delta: FindingsDelta = { fixed: [], new: [], remaining: [] };
  const kept = new Set<Finding>();
  (oldTable?.findings ?? []).forEach((f, i) => {
    const partner = waiting.get(oldKeys[i])?.shift();
    if (!partner) {
      delta.fixed.push(f);
      return;
    }
    kept.add(partner);
    delta.remaining.push({ old: f, new: partner });
  });
  delta.new = (newTable?.findings ?? []).filter((f) => !kept.has(f));
  return delta;
}

function keysOf(analysis: TableAnalysis | null, pairs: readonly RowPair[], side: 'old' | 'new'): string[] {
  if (!analysis) return [];
  const { table } = analysis;
  const pairOfRow = new Map<number, { id: number; label: string }>();
  pairs.forEach((p, id) => {
    const index = p[side];
    if (index !== null) pairOfRow.set(table.rows[index].row, { id, label: table.rows[index].label });
  });
  return analysis.findings.map((f) => {
    // A finding about the row in its cell names it; one about the equity or the members' shares
    // names what it is about, wherever it is pinned.
    const pair = f.at.sheet === table.sheet ? pairOfRow.get(f.at.row) : undefined;
    const row = pair && pair.label === f.rowLabel ? `#${pair.id}` : yearlessKey(f.rowLabel ?? '');
    return `${f.code}\u0000${row}\u0000${f.year ?? ''}`;
  });
}
