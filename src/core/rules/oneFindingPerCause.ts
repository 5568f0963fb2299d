import type { Finding } from '../findings';

// One cause, one finding: the board counts errors, so the number of errors is the number of things
// to fix. Where two checks see one cause from two sides, one finding says it and carries the other
// view.

/** Findings on a total's sum that a SUM leaving out a line explains. */
const SUM_VIEWS: ReadonlySet<Finding['code']> = new Set<Finding['code']>(['sum-mismatch', 'rounding']);

const cellKey = (f: Finding): string => `${f.at.sheet}\u0000${f.at.row}:${f.at.col}`;

/**
 * A SUM that leaves out a line shows a wrong sum too: the `formula-omits-line` finding carries the
 * sum's view — what the lines give, the recomputed amount, the difference and the totals it
 * affects — and the `sum-mismatch` or `rounding` on the same cell goes. `wrongSum` tells a total
 * wrong beyond rounding, as the sum-mismatch did.
 */
export function oneFindingPerCause(findings: Finding[]): Finding[] {
  const omissions = new Set<string>();
  for (const f of findings) if (f.code === 'formula-omits-line') omissions.add(cellKey(f));
  if (omissions.size === 0) return findings;
  const views = new Map<string, Finding>();
  for (const f of findings) if (SUM_VIEWS.has(f.code) && omissions.has(cellKey(f))) views.set(cellKey(f), f);
  if (views.size === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const key = cellKey(f);
    if (SUM_VIEWS.has(f.code) && omissions.has(key)) continue;
    const view = f.code === 'formula-omits-line' ? views.get(key) : undefined;
    out.push(view ? withSumView(f, view) : f);
  }
  return out;
}

function withSumView(omission: Finding, view: Finding): Finding {
  return {
    ...omission,
    expected: view.expected,
    recomputed: view.recomputed,
    difference: view.difference,
    affects: view.affects,
    params: { ...omission.params, wrongSum: view.code === 'sum-mismatch' },
  };
}
